"""Consonant skeletons: matching a name across scripts without a transliteration table.

``Trump``, ``ट्रंप`` and ``טראמפ`` all become ``TRP``: letters map to a few consonant classes,
vowels (and the letters scripts use for them: w, y, h, v, ו, י, א, ה, ע, य, व, ह) are dropped,
a nasal directly before another consonant is dropped (``ं`` is written where English has m or
n), and repeats collapse. Crude, but names are what Hebrew and Devanagari sources share with
an English translation, and a rare shared skeleton is a strong anchor.

Fast because a document has tens of thousands of distinct words: the words of one script are
joined and run through one ``str.translate`` (letter -> class) and three regular expressions
(nasal rule, drop vowels, collapse repeats), never a Python loop over characters.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

MIN_LENGTH = 3  # shorter skeletons collide by chance

_SEP = "\x00"  # between joined words: never in a word, never a class letter
_VIRAMA_MARK = "\x01"
_OTHER = "~"  # what an uppercase ASCII letter inside a Hebrew/Devanagari word becomes: a vowel


def _classes(groups: dict[str, str]) -> dict[str, str]:
    return {ch: cls for letters, cls in groups.items() for ch in letters}


_LATIN = _classes({"pbf": "P", "td": "T", "kgjq": "K", "sz": "S", "m": "M", "n": "N", "l": "L", "r": "R"})
_LATIN_DIGRAPHS = (("ph", "f"), ("th", "t"), ("sh", "s"), ("ch", "s"), ("ck", "k"), ("qu", "k"), ("x", "ks"))
_HEBREW = _classes({"בפף": "P", "גקכךח": "K", "דטת": "T", "זסשצץ": "S", "ל": "L", "מם": "M", "נן": "N", "ר": "R"})
_DEVANAGARI = _classes({
    "कखगघक़ख़ग़जझज़": "K", "चछ": "S", "ङञणन": "N", "टठडढड़ढ़तथदध": "T", "पफबभफ़": "P", "म": "M", "र": "R",
    "लळ": "L", "शषस": "S",
})
_VIRAMA = "\u094d"
_NUKTA = "\u093c"  # belongs to the letter before: dropped
_DEVANAGARI_NASALS = "\u0902\u0901"  # anusvara, chandrabindu: a nasal the rule drops anyway
_HEBREW_POINTS = [chr(c) for c in range(0x0591, 0x05C8) if chr(c) not in "\u05be\u05c0\u05c3\u05c6"]
_UPPER = {chr(c): _OTHER for c in range(ord("A"), ord("Z") + 1)}

_LATIN_TABLE = str.maketrans(_LATIN)
_HEBREW_TABLE = str.maketrans({**_UPPER, **_HEBREW, **dict.fromkeys(_HEBREW_POINTS, "")})
# A consonant carries a vowel (inherent or a sign) unless a virama follows it: every consonant
# is written with a vowel mark ".", which a following virama removes.
_DEVANAGARI_TABLE = str.maketrans({
    **_UPPER, **{ch: cls + "." for ch, cls in _DEVANAGARI.items()},
    _NUKTA: "", _VIRAMA: _VIRAMA_MARK, **dict.fromkeys(_DEVANAGARI_NASALS, ""),
})
_SOFT_C = re.compile(r"c(?=[eiy])")
_VOWEL_VIRAMA = re.compile(r"\.?" + _VIRAMA_MARK)
_NASAL_BEFORE_CONSONANT = re.compile(r"[MN](?=[PTKSLR])")
_NOT_CLASS = re.compile(r"[^A-Z" + _SEP + "]+")
_REPEATS = re.compile(r"([A-Z])\1+")


def _finish(classes: str) -> list[str]:
    """Joined class strings (anything but a class letter is a vowel) -> one skeleton per word:
    drop a nasal right before another consonant, then the vowels, then repeats."""
    s = _NASAL_BEFORE_CONSONANT.sub("", classes)
    s = _NOT_CLASS.sub("", s)
    return _REPEATS.sub(r"\1", s).split(_SEP)


def latin_skeletons(words: Sequence[str]) -> list[str]:
    w = _SEP.join(words).lower()
    for a, b in _LATIN_DIGRAPHS:
        w = w.replace(a, b)
    w = _SOFT_C.sub("s", w).replace("c", "k")
    return _finish(w.translate(_LATIN_TABLE))


def hebrew_skeletons(words: Sequence[str]) -> list[str]:
    return _finish(_SEP.join(words).translate(_HEBREW_TABLE))


def devanagari_skeletons(words: Sequence[str]) -> list[str]:
    return _finish(_VOWEL_VIRAMA.sub("", _SEP.join(words).translate(_DEVANAGARI_TABLE)))


def _script(first: str) -> int:
    if "\u0590" <= first <= "\u05ff":
        return 1
    if "\u0900" <= first <= "\u097f":
        return 2
    return 0 if first.isascii() and first.isalpha() else -1


_BY_SCRIPT = (latin_skeletons, hebrew_skeletons, devanagari_skeletons)


def skeletons(words: Sequence[str]) -> list[str | None]:
    """Each word's skeleton, or None if it is too short to be telling or in another script.

    The script is the first letter's (Hebrew, Devanagari, or an ASCII letter)."""
    out: list[str | None] = [None] * len(words)
    groups: tuple[list[int], list[int], list[int]] = ([], [], [])
    for k, word in enumerate(words):
        script = _script(word[0])
        if script >= 0:
            groups[script].append(k)
    for script, idx in enumerate(groups):
        if idx:
            for k, s in zip(idx, _BY_SCRIPT[script]([words[k] for k in idx])):
                if len(s) >= MIN_LENGTH:
                    out[k] = s
    return out


def skeleton(word: str) -> str | None:
    """One word's skeleton (see :func:`skeletons`)."""
    return skeletons([word])[0]
