"""Placeholders already in the text: participant codes (``P3``, ``[R1]``), descriptors (``[name]``,
``[Ort]``, ``[jina 2]``, ``[שם]``), and bare blank-outs (``XXX``, ``***``, ``___``, ``[redacted]``).

Descriptors are compared in English: ``[Ort]`` in a German source and ``[place]`` in its
translation are the same placeholder, so a translator who translates a descriptor is not
reported. Bracketed transcription conventions (``[inaudible]``, ``[...]``, ``[laughs]``) are
neither placeholders nor blank-outs.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from transqa.identifiers.lexicon import DESCRIPTOR_TRANSLATIONS, TRANSCRIPTION_CONVENTIONS
from transqa.text.normalise import fold
from transqa.text.numbers import ascii_digits


@dataclass(frozen=True, slots=True)
class Placeholder:
    key: str  # canonical: "P3" for codes, "name" / "name#2" for descriptors
    kind: str  # code | descriptor | unknown-code
    start: int
    end: int
    text: str


_BRACKET = re.compile(r"[\[<{]([^\[\]<>{}\n]{1,40})[\]>}]")
_CODE_LIKE = re.compile(r"^[A-Za-z]{1,4}\s?-?\d{1,4}$")
_BLANK = re.compile(
    r"(?<![\w*])(?:[Xx]{3,}|\*{3,}|_{3,}|#{3,})(?![\w*])"
    r"|[\[(](?:redacted|removed|deleted|censored|anonymi[sz]ed|blanked|gelöscht|entfernt|geschwärzt|geschwaerzt"
    r"|imeondolewa|imefutwa|הוסר|נמחק|हटाया|काढले)[\])]",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")
_LETTER_DIGIT = re.compile(r"[A-Za-z]\d")
_NUMBERED = re.compile(r"^(.*?)[\s_-]*(\d{1,3})$")


@lru_cache(maxsize=16)
def _code_re(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"^(?:{pattern})$")


@lru_cache(maxsize=16)
def _bare_code_re(pattern: str) -> re.Pattern[str]:
    # A bare code in running text must carry a digit ("P3"), or "I"/"M" would match everywhere.
    return re.compile(rf"(?<![\w\[])(?=[A-Za-z]+\d)(?:{pattern})(?![\w\]])")


def descriptor_key(content: str, descriptors: frozenset[str]) -> str | None:
    """'Ort' → 'place', 'jina 2' → 'name#2', 'a town in Northern Germany' → 'town', else None."""
    c = fold(content)
    num = ""
    m = _NUMBERED.match(c)
    if m and m.group(1):
        c, num = m.group(1).strip(), m.group(2)
    if c in descriptors:
        key = c
    elif c in DESCRIPTOR_TRANSLATIONS:
        key = DESCRIPTOR_TRANSLATIONS[c]
    else:
        # multiword descriptors: "her sister", "a town in Northern Germany", "name of hospital"
        words = c.split()
        hit = next((DESCRIPTOR_TRANSLATIONS.get(w, w) for w in words if w in descriptors or w in DESCRIPTOR_TRANSLATIONS), None)
        if hit is None or len(words) > 6:
            return None
        key = hit  # compare by the head descriptor: translators paraphrase the rest
    return f"{key}#{num}" if num else key


def placeholders(text: str, code_pattern: str, descriptors: frozenset[str]) -> list[Placeholder]:
    """Every placeholder in ``text``, in order."""
    out: list[Placeholder] = []
    has_bracket = "[" in text or "<" in text or "{" in text
    if has_bracket:
        code_re = _code_re(code_pattern)
        for m in _BRACKET.finditer(text):
            content = m.group(1).strip()
            if not content or fold(content) in TRANSCRIPTION_CONVENTIONS or set(content) <= set(".…-_ *xX"):
                continue
            if code_re.match(content):
                out.append(Placeholder(_canon_code(content), "code", m.start(), m.end(), m.group()))
                continue
            d = descriptor_key(content, descriptors)
            if d is not None:
                out.append(Placeholder(d, "descriptor", m.start(), m.end(), m.group()))
            elif _CODE_LIKE.match(content):
                out.append(Placeholder(_canon_code(content), "unknown-code", m.start(), m.end(), m.group()))
    if _LETTER_DIGIT.search(text):  # a bare code starts with letters then a digit (its look-ahead)
        for m in _bare_code_re(code_pattern).finditer(text):
            if any(p.start <= m.start() < p.end for p in out):
                continue
            out.append(Placeholder(_canon_code(m.group()), "code", m.start(), m.end(), m.group()))
    out.sort(key=lambda p: p.start)
    return out


def _canon_code(code: str) -> str:
    return ascii_digits(re.sub(r"[\s-]", "", code)).upper()


def multiset(found: list[Placeholder]) -> Counter[str]:
    return Counter(p.key for p in found if p.kind != "unknown-code")


def blank_outs(text: str) -> list[tuple[int, int]]:
    # What a blank-out needs before its regex (whose look-behind start tests every position) runs:
    # a bracket, or three of one blank-out character in a row.
    if not ("[" in text or "(" in text or "***" in text or "___" in text or "###" in text
            or (("x" in text or "X" in text) and "xxx" in text.lower())):
        return []
    return [(m.start(), m.end()) for m in _BLANK.finditer(text)]


def is_code(token: str, code_pattern: str) -> bool:
    return bool(_code_re(code_pattern).match(token.strip("[]")))
