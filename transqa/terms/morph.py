"""Light, rule-based morphology for term matching: which forms of a word count as "the term".

No dictionaries, no models: each language gets a short list of inflectional affixes, enough to
see that ``Peer-Begleiterinnen`` is ``Peer-Begleiter``, ``wafanyakazi`` is ``mfanyakazi``,
``abawagizi`` is ``omuwagizi``, ``והמטפלים`` is ``מטפל``, ``कलंकाला`` is ``कलंक`` and
``workers'`` is ``worker``.

Two sides, deliberately asymmetric:

* a **term key** set (:func:`term_keys`): the glossary form, folded; for prefix languages
  (Swahili, Luganda) also the stem without its noun-class prefix, so singular and plural meet;
  for English also the singular; for Marathi/Hindi also the form without its final vowel sign,
  which the oblique case changes (``कर्मचारी`` → ``कर्मचाऱ्यांना``);
* a **text variant** set (:func:`text_variants`): the folded token with every known affix
  stripped in turn (only when a stem of ``MIN_STEM`` letters remains).

A token is an occurrence of a term word when the two sets meet. Stripping only the text side
keeps precision: German ``beraten`` (verb) strips to ``berat``, never to the term ``Berater``;
``Beratern`` strips to ``berater`` and matches.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from transqa.text.normalise import fold

_HEBREW_FINALS = str.maketrans("ךםןףץ", "כמנפצ")
# ZWJ/ZWNJ, Devanagari nukta (spelt with and without in loanwords), chandrabindu ~ anusvara,
# eyelash ra ~ ra.
_DEVANAGARI_MAP = str.maketrans({"\u200c": None, "\u200d": None, "\u093c": None, "\u0901": "\u0902", "\u0931": "\u0930"})
_HEBREW_PUNCT = str.maketrans({"\u05f3": None, "\u05f4": None, "'": None, "\u2019": None})


@dataclass(frozen=True, slots=True)
class Morph:
    """Affix rules of one language."""

    prefixes: tuple[str, ...] = ()       # stripped from text tokens (and from terms if symmetric)
    suffixes: tuple[str, ...] = ()       # stripped from text tokens only
    term_suffixes: tuple[str, ...] = ()  # stripped from term words too (oblique vowel, en plural)
    symmetric_prefix: bool = False       # noun-class prefixes: strip from term words too
    max_prefixes: int = 1                # Hebrew stacks particles: וכשה
    min_stem: int = 3
    compounds: bool = False              # German closed compounds
    connectives: frozenset[str] = frozenset()  # interchangeable agreement particles in terms


_EN_SUFFIXES = ("'s", "’s", "s'", "ies", "es", "s")

MORPH: dict[str, Morph] = {
    "en": Morph(suffixes=_EN_SUFFIXES, term_suffixes=("ies", "es", "s"), min_stem=3),
    "de": Morph(
        suffixes=("innen", "inen", "ern", "nen", "ens", "en", "er", "es", "em", "in", "n", "s", "e", "r", "m"),
        min_stem=4,
        compounds=True,
    ),
    "sw": Morph(
        prefixes=("wam", "mw", "wa", "ki", "ch", "vi", "vy", "ma", "mi", "ji", "ku", "pa", "mu", "m", "u", "w"),
        suffixes=("ni",),
        symmetric_prefix=True,
        min_stem=4,
        connectives=frozenset({"wa", "ya", "la", "cha", "vya", "za", "kwa", "pa", "mwa", "ka", "a"}),
    ),
    "lg": Morph(
        prefixes=(
            "omu", "omw", "aba", "ab", "eki", "eky", "ebi", "eby", "ama", "eri", "ery", "olu", "olw",
            "obu", "obw", "aka", "otu", "ogu", "ogw", "emi", "emy", "oku", "okw", "en", "em",
            "mu", "mw", "ba", "ki", "ky", "bi", "by", "ma", "li", "lu", "bu", "ka", "tu", "gu", "mi", "ku", "n", "e", "o", "a",
        ),
        suffixes=("mu", "ko", "wo"),
        symmetric_prefix=True,
        max_prefixes=2,
        min_stem=4,
        connectives=frozenset({
            "wa", "ba", "gwa", "gya", "lya", "ga", "kya", "bya", "ya", "za", "lwa", "ka", "twa", "bwa", "kwa",
            "w", "b", "gw", "gy", "ly", "g", "ky", "by", "y", "z", "lw", "k", "tw", "bw", "kw",
        }),
    ),
    "he": Morph(
        prefixes=("ו", "ה", "ב", "ל", "מ", "ש", "כ"),
        suffixes=("יות", "ימ", "ות", "ית", "ה", "ת", "י"),  # finals normalised: ים → ימ
        max_prefixes=3,
        min_stem=2,
    ),
    "mr": Morph(
        suffixes=(
            "ांच्यासाठी", "ांच्यामध्ये", "ांच्याशी", "ांच्या", "ांमध्ये", "ांसाठी", "ांना", "ांचा", "ांची", "ांचे", "ांनी",
            "ांशी", "ातील", "ामध्ये", "ासाठी", "ाच्या", "ामुळे", "मुळे", "ाला", "ाचा", "ाची", "ाचे", "ाने", "ाशी", "ात",
            "्यांना", "्यांच्या", "्यांचा", "्यांची", "्यांचे", "्यांनी", "्यांसाठी", "्यांमध्ये", "्यांशी", "्यां",
            "च्या", "मध्ये", "साठी", "तील", "ला", "ना", "चा", "ची", "चे", "ने", "नी", "शी", "त", "ही", "ं", "ा",
        ),
        term_suffixes=("ी", "ा", "े", "ू"),
        min_stem=3,
    ),
    "hi": Morph(
        suffixes=("ियों", "ियाँ", "ियां", "ाओं", "ाएँ", "ाएं", "ों", "ओं", "यों", "ें", "एँ", "एं", "े", "ी", "ा", "ि"),
        term_suffixes=("ी", "ा", "े", "ि"),
        min_stem=3,
    ),
}
_DEFAULT = Morph(suffixes=(), min_stem=3)


def morph_for(lang: str | None) -> Morph:
    return MORPH.get((lang or "").split("-")[0].lower(), _DEFAULT)


def base(word: str, lang: str | None = None) -> str:
    """The folded form words are compared in: case, Latin accents, Hebrew points and final
    letters, Devanagari nukta/chandrabindu, hyphens and (outside English) apostrophes removed."""
    k = fold(word)
    code = (lang or "").split("-")[0]
    if code == "he":
        k = k.translate(_HEBREW_FINALS).translate(_HEBREW_PUNCT)
    elif code in ("mr", "hi"):
        k = k.translate(_DEVANAGARI_MAP)
    return k.replace("-", "").replace("\u2010", "").replace("\u00ad", "")


def _strip_prefixes(key: str, m: Morph, depth: int) -> set[str]:
    out: set[str] = set()
    if depth == 0:
        return out
    for p in m.prefixes:
        if key.startswith(p) and len(key) - len(p) >= m.min_stem:
            rest = key[len(p):]
            out.add(rest)
            out |= _strip_prefixes(rest, m, depth - 1)
    return out


def _strip_suffixes(key: str, suffixes: tuple[str, ...], min_stem: int) -> set[str]:
    return {key[: -len(s)] for s in suffixes if key.endswith(s) and len(key) - len(s) >= min_stem}


def term_keys(word: str, lang: str | None) -> frozenset[str]:
    """Keys of one glossary word (already split on spaces/hyphens/apostrophes)."""
    m = morph_for(lang)
    k = base(word, lang)
    keys = {k}
    keys |= _strip_suffixes(k, m.term_suffixes, m.min_stem)
    if m.symmetric_prefix:
        for s in list(keys):
            keys |= _strip_prefixes(s, m, m.max_prefixes)
    return frozenset(x for x in keys if x)


def text_variants(key: str, lang: str | None) -> set[str]:
    """Every form a folded text token may reduce to (itself included)."""
    m = morph_for(lang)
    forms = {key}
    forms |= _strip_prefixes(key, m, m.max_prefixes)
    for f in list(forms):
        forms |= _strip_suffixes(f, m.suffixes, m.min_stem)
    if m.term_suffixes:
        for f in list(forms):
            forms |= _strip_suffixes(f, m.term_suffixes, m.min_stem)
    return forms


# Splits a WORD token into parts at hyphens and (outside English) apostrophes:
# ``Peer-Begleiter`` → ``Peer``, ``Begleiter``; Luganda ``w'abantu`` → ``w``, ``abantu``.
_PART_SPLIT = re.compile(r"[-\u2010'’]")
_HYPHEN_SPLIT = re.compile(r"[-\u2010]")


def split_parts(token: str, lang: str | None) -> list[tuple[str, int]]:
    """(part, offset-in-token) pairs; English keeps apostrophes (``worker's``)."""
    splitter = _HYPHEN_SPLIT if (lang or "").startswith("en") else _PART_SPLIT
    out = []
    pos = 0
    for piece in splitter.split(token):
        if piece:
            out.append((piece, pos))
        pos += len(piece) + 1
    return out
