"""Numbers in any of the study's scripts, as comparable values.

Devanagari digits (०–९) and other Unicode decimal digits become ASCII; a decimal comma
(``2,5``) and thousands separators (``1.000``, ``1,000``, ``1 000``) are read as the writer
meant them, so ``2,5 Stunden`` and ``2.5 hours`` carry the same number.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_DIGIT = r"[^\W\D_]"  # any Unicode decimal digit
NUMBER = re.compile(
    rf"(?<![\w.,]){_DIGIT}+(?:[.,\u00A0\u202F ]{_DIGIT}{{3}})*(?:[.,]{_DIGIT}+)?(?![\w]|[.,]{_DIGIT})",
    re.UNICODE,
)


def ascii_digits(text: str) -> str:
    """Every Unicode decimal digit as its ASCII digit; other characters unchanged."""
    if text.isascii():
        return text
    return "".join(str(unicodedata.decimal(ch)) if ch.isdecimal() else ch for ch in text)


@dataclass(frozen=True, slots=True)
class Number:
    value: str  # canonical: ASCII digits, '.' as decimal point, no grouping
    start: int
    end: int
    text: str


def _canonical(raw: str, decimal_comma: bool) -> str:
    s = ascii_digits(raw).replace("\u00A0", " ").replace("\u202F", " ")
    groups = re.split(r"[ .,]", s)
    seps = re.findall(r"[ .,]", s)
    if not seps:
        return str(int(s))
    decimal_sep = "," if decimal_comma else "."
    grouped = all(len(g) == 3 for g in groups[1:]) and len(groups[0]) <= 3
    if grouped and len(set(seps)) == 1:
        # One kind of separator between groups of three: grouping, except a single
        # separator that is this language's decimal mark ("1,500" in German = 1.5).
        if len(seps) == 1 and seps[0] == decimal_sep:
            return _decimal(groups[0], groups[1])
        return str(int("".join(groups)))
    if seps[-1] in ".,":
        return _decimal("".join(groups[:-1]), groups[-1])
    return str(int("".join(groups)))


def _decimal(whole: str, frac: str) -> str:
    whole = str(int(whole)) if whole else "0"
    frac = frac.rstrip("0")
    return f"{whole}.{frac}" if frac else whole


DECIMAL_COMMA_LANGS = {"de", "sw", "lg", "he"}  # languages whose writers may use 2,5


def numbers(text: str, lang: str | None = None) -> list[Number]:
    """All numbers in ``text`` with canonical values."""
    dc = (lang or "").split("-")[0] in DECIMAL_COMMA_LANGS
    out = []
    for m in NUMBER.finditer(text):
        raw = m.group().rstrip(" ")
        try:
            value = _canonical(raw, dc)
        except ValueError:
            continue
        out.append(Number(value, m.start(), m.start() + len(raw), raw))
    return out
