"""Consonant skeletons: matching a name across scripts without a transliteration table.

``Trump``, ``ट्रंप`` and ``טראמפ`` all become ``TRP``: letters map to a few consonant classes,
vowels (and the letters scripts use for them: w, y, h, v, ו, י, א, ה, ע, य, व, ह) are dropped,
a nasal directly before another consonant is dropped (``ं`` is written where English has m or
n), and repeats collapse. Crude, but names are what Hebrew and Devanagari sources share with
an English translation, and a rare shared skeleton is a strong anchor.
"""

from __future__ import annotations

import re
from functools import lru_cache

from transqa.text.normalise import strip_hebrew_points

MIN_LENGTH = 3  # shorter skeletons collide by chance

_LATIN = {
    **dict.fromkeys("pbf", "P"), **dict.fromkeys("td", "T"), **dict.fromkeys("kgjq", "K"),
    **dict.fromkeys("sz", "S"), "m": "M", "n": "N", "l": "L", "r": "R",
}
_LATIN_DIGRAPHS = (("ph", "f"), ("th", "t"), ("sh", "s"), ("ch", "s"), ("ck", "k"), ("qu", "k"), ("x", "ks"))
_HEBREW = {
    **dict.fromkeys("בפף", "P"), **dict.fromkeys("גקכךח", "K"), **dict.fromkeys("דטת", "T"),
    **dict.fromkeys("זסשצץ", "S"), "ל": "L", "מ": "M", "ם": "M", "נ": "N", "ן": "N", "ר": "R",
}
_DEVANAGARI = {
    **dict.fromkeys("कखगघक़ख़ग़जझज़", "K"), **dict.fromkeys("चछ", "S"), **dict.fromkeys("ङञणन", "N"),
    **dict.fromkeys("टठडढड़ढ़तथदध", "T"), **dict.fromkeys("पफबभफ़", "P"), "म": "M", "र": "R",
    **dict.fromkeys("लळ", "L"), **dict.fromkeys("शषस", "S"),
}
_VIRAMA = "\u094d"
_SOFT_C = re.compile(r"c(?=[eiy])")


def _collapse(classes: list[str | None]) -> str:
    """Drop a nasal right before another consonant, then vowels (None), then repeats."""
    out: list[str] = []
    for k, c in enumerate(classes):
        if c is None:
            continue
        nxt = classes[k + 1] if k + 1 < len(classes) else None
        if c in "MN" and nxt is not None and nxt not in "MN":
            continue
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)


@lru_cache(maxsize=1 << 16)
def latin_skeleton(word: str) -> str:
    w = word.lower()
    for a, b in _LATIN_DIGRAPHS:
        w = w.replace(a, b)
    w = _SOFT_C.sub("s", w).replace("c", "k")
    return _collapse([_LATIN.get(ch) for ch in w])


@lru_cache(maxsize=1 << 16)
def hebrew_skeleton(word: str) -> str:
    return _collapse([_HEBREW.get(ch) for ch in strip_hebrew_points(word)])


@lru_cache(maxsize=1 << 16)
def devanagari_skeleton(word: str) -> str:
    """A consonant carries a vowel (inherent or a sign) unless a virama follows it."""
    classes: list[str | None] = []
    chars = [ch for ch in word if ch != "\u093c"]  # nukta belongs to the letter before
    for k, ch in enumerate(chars):
        c = _DEVANAGARI.get(ch)
        if c is not None:
            classes.append(c)
            if k + 1 >= len(chars) or chars[k + 1] != _VIRAMA:
                classes.append(None)
        elif ch not in "\u0902\u0901" + _VIRAMA:  # anusvara, chandrabindu: a nasal the rule drops
            classes.append(None)
    return _collapse(classes)


def skeleton(word: str) -> str | None:
    """The word's skeleton, or None if it is too short to be telling or in another script."""
    first = word[0]
    if "\u0590" <= first <= "\u05ff":
        s = hebrew_skeleton(word)
    elif "\u0900" <= first <= "\u097f":
        s = devanagari_skeleton(word)
    elif first.isascii() and first.isalpha():
        s = latin_skeleton(word)
    else:
        return None
    return s if len(s) >= MIN_LENGTH else None
