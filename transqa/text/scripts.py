"""Which writing system a character or a string is in, without unicodedata.name lookups."""

from __future__ import annotations

import re
from collections import Counter

HEBREW = "hebrew"
DEVANAGARI = "devanagari"
LATIN = "latin"
ARABIC = "arabic"
OTHER = "other"

_RANGES = (
    (0x0041, 0x005A, LATIN), (0x0061, 0x007A, LATIN), (0x00C0, 0x024F, LATIN),
    (0x1E00, 0x1EFF, LATIN), (0x0590, 0x05FF, HEBREW), (0xFB1D, 0xFB4F, HEBREW),
    (0x0900, 0x097F, DEVANAGARI), (0xA8E0, 0xA8FF, DEVANAGARI), (0x0600, 0x06FF, ARABIC),
)

HEBREW_LETTERS = re.compile(r"[\u05D0-\u05EA\u05F0-\u05F2\uFB1D-\uFB4F]")
DEVANAGARI_LETTERS = re.compile(r"[\u0900-\u0963\u0966-\u097F]")
LATIN_LETTERS = re.compile(r"[A-Za-z\u00C0-\u024F]")


def script_of(ch: str) -> str:
    o = ord(ch)
    for lo, hi, name in _RANGES:
        if lo <= o <= hi:
            return name
    return OTHER


def script_counts(text: str) -> Counter[str]:
    """Letters per script (non-letters are not counted)."""
    c: Counter[str] = Counter()
    for ch in text:
        if ch.isalpha() or 0x0900 <= ord(ch) <= 0x097F or 0x0591 <= ord(ch) <= 0x05C7:
            c[script_of(ch)] += 1
    return c


def dominant_script(text: str) -> str | None:
    c = script_counts(text)
    return c.most_common(1)[0][0] if c else None


def is_rtl(text: str) -> bool:
    c = script_counts(text)
    rtl = c[HEBREW] + c[ARABIC]
    return rtl > 0 and rtl >= sum(c.values()) / 2


LANGUAGE_SCRIPT = {"he": HEBREW, "mr": DEVANAGARI, "hi": DEVANAGARI, "ne": DEVANAGARI}


def script_for_language(lang: str | None) -> str:
    return LANGUAGE_SCRIPT.get((lang or "").split("-")[0], LATIN)
