"""English word frequencies (and German ones for look-alikes), shipped as plain word lists.

Why a frequency list rather than a spelling dictionary: "die", "war" and "also" are English
words, but in a German clause they are German; weighing how often each language uses a word
tells the two apart. The lists are derived from wordfreq 3.1.1 (CC BY-SA 4.0 data) by
``bench/derive_wordfreq.py``; nothing in them comes from the evaluation corpus.

Frequencies are in centibels (cB): a word with ``cb`` occurs 10 ** (-cb / 100) times per
token ("the" is 127 cB, a rare word 700 cB). Smaller is more common.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"

# Source languages with a shipped frequency list (German: its common words and every English look-alike).
SHARED_LISTS = {"de": "de-words.txt"}
# Common words only (down to -500 cB), for telling names from words in scripts without capitals.
# Marathi has no wordfreq list; Devanagari text uses the Hindi one.
COMMON_LISTS = {"he": "he-words.txt", "hi": "hi-words.txt", "mr": "hi-words.txt"}


def _read(name: str) -> dict[str, int]:
    out: dict[str, int] = {}
    with open(DATA / name, encoding="utf-8") as f:
        for line in f:
            word, _, cb = line.rstrip("\n").partition("\t")
            out[word] = int(cb)
    return out


@lru_cache(maxsize=1)
def english() -> dict[str, int]:
    """English word -> centibels, about 96,000 words (down to one in 10 million tokens)."""
    return _read("en-words.txt")


@lru_cache(maxsize=None)
def shared(lang: str | None) -> dict[str, int]:
    """For a source language with a list: how often it uses the words English also has."""
    name = SHARED_LISTS.get((lang or "").split("-")[0])
    return _read(name) if name else {}


@lru_cache(maxsize=None)
def common(lang: str | None) -> dict[str, int]:
    """Common words of Hebrew or Hindi (Marathi: the Hindi list) -> centibels; {} for others."""
    name = COMMON_LISTS.get((lang or "").split("-")[0])
    return _read(name) if name else {}


def key(word: str) -> str:
    """The lookup form of a token: case-folded, typographic apostrophe as ASCII."""
    return word.casefold().replace("\u2019", "'")
