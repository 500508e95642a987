"""Normal forms for comparing text: NFC for storage, folded for matching."""

from __future__ import annotations

import re
import unicodedata

_WS = re.compile(r"\s+")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


# Combining marks to drop: every non-spacing mark except Devanagari signs (U+0900-097F) and
# Hebrew points (handled separately). Removing them from NFD text is one regex pass instead of
# a Python loop per character; pure-ASCII text (most English) skips the work entirely.
_LATIN_MARKS = re.compile(r"[\u0300-\u036F\u1AB0-\u1AFF\u1DC0-\u1DFF\u20D0-\u20FF\uFE20-\uFE2F]")


def strip_diacritics(text: str) -> str:
    """Remove Latin combining accents (é→e, ü→u) but keep Devanagari vowel signs and Hebrew points."""
    if text.isascii():
        return text
    return unicodedata.normalize("NFC", _LATIN_MARKS.sub("", unicodedata.normalize("NFD", text)))


_HEBREW_POINTS = re.compile(r"[\u0591-\u05BD\u05BF\u05C1\u05C2\u05C4\u05C5\u05C7]")


def strip_hebrew_points(text: str) -> str:
    """Drop niqqud and cantillation (U+0591–U+05C7 marks), which unpointed text omits."""
    return text if text.isascii() else _HEBREW_POINTS.sub("", text)


def fold(text: str) -> str:
    """Case- and accent-insensitive key: casefold, no Latin diacritics, no Hebrew points, one space, ß→ss."""
    if text.isascii():
        return _WS.sub(" ", text.casefold()).strip()
    t = strip_hebrew_points(strip_diacritics(nfc(text))).casefold()
    return _WS.sub(" ", t).strip()
