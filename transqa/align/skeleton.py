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

import numpy as np

MIN_LENGTH = 3  # shorter skeletons collide by chance

_SEP = "\x00"  # between joined words: never in a word, never a class letter
_VIRAMA_MARK = "\x01"
_VIRAMA_BYTE = _VIRAMA_MARK.encode()
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


def _block(first: int, last: int, extra: str = "\u200c\u200d") -> dict[str, str]:
    """Every other letter or sign of a script's block as a vowel (ASCII, so that the regular
    expressions after the translation run over a one-byte string)."""
    return {**{chr(c): _VOWEL for c in range(first, last + 1)}, **dict.fromkeys(extra, _VOWEL)}


_VOWEL = "a"  # never a class letter; not "." either, which marks a Devanagari consonant's own vowel
_LATIN_TABLE = str.maketrans(_LATIN)
_HEBREW_TABLE = str.maketrans({
    **_block(0x0590, 0x05FF), **_UPPER, **_HEBREW, **dict.fromkeys(_HEBREW_POINTS, ""),
})
# A consonant carries a vowel (inherent or a sign) unless a virama follows it: every consonant
# is written with a vowel mark ".", which a following virama removes.
_DEVANAGARI_TABLE = str.maketrans({
    **_block(0x0900, 0x097F), **_UPPER, **{ch: cls + "." for ch, cls in _DEVANAGARI.items()},
    _NUKTA: "", _VIRAMA: _VIRAMA_MARK, **dict.fromkeys(_DEVANAGARI_NASALS, ""),
})
_SOFT_C = re.compile(r"c(?=[eiy])")
# After the translation only class letters matter, so the rest runs on ASCII bytes (anything
# else becomes "?", a vowel), where every step is a fast C loop.
_NASAL_BEFORE_CONSONANT = re.compile(rb"[MN](?=[PTKSLR])")
_NOT_CLASS = bytes(c for c in range(256) if not (65 <= c <= 90 or c == 0))  # deleted
_REPEATS = re.compile(rb"(?<=([A-Z]))\1+")  # repeats after the first: deleted (no template)


def _finish(classes: bytes) -> list[str]:
    """Joined class strings (anything but a class letter is a vowel) -> one skeleton per word:
    drop a nasal right before another consonant, then the vowels, then repeats."""
    s = _NASAL_BEFORE_CONSONANT.sub(b"", classes).translate(None, _NOT_CLASS)
    return _REPEATS.sub(b"", s).decode("ascii").split(_SEP)


def _ascii(text: str) -> bytes:
    return text.encode("ascii", "replace")


def latin_skeletons(words: Sequence[str]) -> list[str]:
    w = _SEP.join(words).lower()
    for a, b in _LATIN_DIGRAPHS:
        w = w.replace(a, b)
    w = _SOFT_C.sub("s", w).replace("c", "k")
    return _finish(_ascii(w.translate(_LATIN_TABLE)))


def hebrew_skeletons(words: Sequence[str]) -> list[str]:
    return _finish(_ascii(_SEP.join(words).translate(_HEBREW_TABLE)))


def devanagari_skeletons(words: Sequence[str]) -> list[str]:
    # A virama removes the vowel mark of the consonant before it, and is then dropped.
    classes = _ascii(_SEP.join(words).translate(_DEVANAGARI_TABLE))
    return _finish(classes.replace(b"." + _VIRAMA_BYTE, b"").replace(_VIRAMA_BYTE, b""))


class _FirstLetter(dict[str, int]):
    """A word's first letter -> its script (an index into _BY_SCRIPT; -1: none), filled as met."""

    def __missing__(self, first: str) -> int:
        if "\u0590" <= first <= "\u05ff":
            script = 1
        elif "\u0900" <= first <= "\u097f":
            script = 2
        else:
            script = 0 if first.isascii() and first.isalpha() else -1
        self[first] = script
        return script


_SCRIPT_OF_FIRST = _FirstLetter()
_BY_SCRIPT = (latin_skeletons, hebrew_skeletons, devanagari_skeletons)


def skeletons(words: Sequence[str]) -> list[str | None]:
    """Each word's skeleton, or None if it is too short to be telling or in another script.

    The script is the first letter's (Hebrew, Devanagari, or an ASCII letter)."""
    script = np.fromiter(map(_SCRIPT_OF_FIRST.__getitem__, [w[0] for w in words]), dtype=np.int8, count=len(words))
    out = np.full(len(words), None, dtype=object)
    for k, fn in enumerate(_BY_SCRIPT):
        idx = np.flatnonzero(script == k)
        if len(idx):
            out[idx] = [s if len(s) >= MIN_LENGTH else None for s in fn([words[i] for i in idx])]
    return out.tolist()


def skeleton(word: str) -> str | None:
    """One word's skeleton (see :func:`skeletons`)."""
    return skeletons([word])[0]
