"""Normal forms for comparing text: NFC for storage, folded for matching."""

from __future__ import annotations

import re
import unicodedata

_WS = re.compile(r"\s+")
_MARKS_KEEP = re.compile(r"[\u0900-\u097F\u0591-\u05C7]")  # Devanagari signs and Hebrew points are letters' parts


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def strip_diacritics(text: str) -> str:
    """Remove Latin combining accents (é→e, ü→u) but keep Devanagari vowel signs and Hebrew points."""
    out = []
    for ch in unicodedata.normalize("NFD", text):
        if unicodedata.combining(ch) and not _MARKS_KEEP.match(ch):
            continue
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out))


def strip_hebrew_points(text: str) -> str:
    """Drop niqqud and cantillation (U+0591–U+05C7 marks), which unpointed text omits."""
    return re.sub(r"[\u0591-\u05BD\u05BF\u05C1\u05C2\u05C4\u05C5\u05C7]", "", text)


def fold(text: str) -> str:
    """Case- and accent-insensitive key: casefold, no Latin diacritics, no Hebrew points, one space, ß→ss."""
    t = strip_hebrew_points(strip_diacritics(nfc(text))).casefold()
    return _WS.sub(" ", t).strip()
