"""Script evidence: letters of a non-Latin script inside English text.

The cheapest and surest evidence of untranslated Hebrew, Marathi or Hindi: English is written
in Latin letters, so Hebrew or Devanagari letters on the English side were not translated
(or at least not transliterated).
"""

from __future__ import annotations

from transqa.text.scripts import LATIN, OTHER, script_of


def token_script(word: str) -> str:
    """The script of a word token, by its first letter in a known script (ASCII fast path)."""
    if word.isascii():
        return LATIN
    for ch in word:
        s = script_of(ch)
        if s != OTHER:
            return s
    return OTHER


def has_foreign_letters(text: str) -> bool:
    """True when ``text`` holds letters of a known non-Latin script (Hebrew, Devanagari, Arabic)."""
    if text.isascii():
        return False
    return any(script_of(ch) not in (LATIN, OTHER) for ch in text if ch.isalpha() or 0x0900 <= ord(ch) <= 0x097F)
