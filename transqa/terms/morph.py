"""Light, rule-based morphology for term matching: which forms of a word count as "the term".

No dictionaries, no models: each language gets a short list of inflectional affixes, enough to
see that ``Peer-Begleiterinnen`` is ``Peer-Begleiter``, ``wafanyakazi`` is ``mfanyakazi``,
``abawagizi`` is ``omuwagizi``, ``והמטפלים`` is ``מטפל``, ``कलंकाला`` is ``कलंक`` and
``workers'`` is ``worker``.

Two sides, deliberately asymmetric:

* a **term key** set (:func:`term_keys`): the glossary form, folded; for Swahili and Luganda
  also ``stem#class`` keys (the stem tagged with its noun-class pair, so singular and plural
  meet — ``mtoto``/``watoto`` — but a stem in another class does not: ``ugonjwa`` disease vs
  ``wagonjwa`` patients, ``enkola`` vs ``okukola``); for English also the singular; for
  Marathi/Hindi also the form without its final vowel sign, which the oblique case changes
  (``कर्मचारी`` → ``कर्मचाऱ्यांना``);
* a **text variant** set (:func:`text_variants`): the folded token with every known particle
  and suffix stripped in turn (only when a stem of ``min_stem`` letters remains), Hebrew
  plurals turned back to the singular (``מדינות`` → ``מדינה``).

Measured on the real corpus by bench/terms_bench.py: these rules raise mean F1 (agreement of
source-term detection with the English side, six languages) from 0.486 for exact whole-word
matching to 0.710 — recall from 0.11 to 0.69 in Hebrew, 0.18 to 0.62 in Marathi, 0.34 to 0.70
in German (with compounds), 0.46 to 0.67 in Luganda — at equal or slightly lower precision.

A token is an occurrence of a term word when the two sets meet. Stripping only the text side
keeps precision: German ``beraten`` (verb) strips to ``berat``, never to the term ``Berater``;
``Beratern`` strips to ``berater`` and matches.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from transqa.text.normalise import fold

_HEBREW_FINALS = str.maketrans("ךםןףץ", "כמנפצ")
# ZWJ/ZWNJ, Devanagari nukta (spelt with and without in loanwords), chandrabindu ~ anusvara,
# eyelash ra ~ ra.
_DEVANAGARI_MAP = str.maketrans({
    "\u200c": None, "\u200d": None, "\u093c": None, "\u0901": "\u0902", "\u0931": "\u0930",
    "\u0940": "\u093f", "\u0942": "\u0941", "\u0908": "\u0907", "\u090a": "\u0909",  # ी→ि ू→ु ई→इ ऊ→उ
})
_HEBREW_PUNCT = str.maketrans({"\u05f3": None, "\u05f4": None, "'": None, "\u2019": None})


@dataclass(frozen=True, slots=True)
class Morph:
    """Affix rules of one language."""

    prefixes: tuple[str, ...] = ()       # particles stripped from text tokens only (Hebrew ו ה ב …)
    suffixes: tuple[str, ...] = ()       # stripped from text tokens only
    suffixes2: tuple[str, ...] = ()      # a second suffix layer under the first (Marathi oblique)
    term_suffixes: tuple[str, ...] = ()  # stripped from term words too (oblique vowel, en plural)
    replacements: tuple[tuple[str, str], ...] = ()  # text-side suffix swaps (Hebrew plural → singular)
    # Bantu noun classes: prefix -> class-pair ids. A stem is only compared within the class
    # pair of its prefix (m-/wa- 1/2, ki-/vi- 7/8 …): mtoto ~ watoto, but enkola (9/10) never
    # meets okukola (15), nor kabaka (12) omubaka (1).
    classes: dict[str, tuple[str, ...]] = field(default_factory=dict)
    augments: tuple[str, ...] = ()       # Luganda initial vowel, often dropped: (o)kulonda
    max_prefixes: int = 1                # Hebrew stacks particles: וכשה
    min_stem: int = 3
    compounds: bool = False              # German closed compounds
    # Devanagari: a term stem without its final vowel (कर्मचार of कर्मचारी) only meets a text
    # word that had an ending stripped too, never a bare word (वेड "Wade" is not वेडा "mad").
    stem_mark: bool = False
    connectives: frozenset[str] = frozenset()  # interchangeable agreement particles in terms


_EN_SUFFIXES = ("'s", "’s", "s'", "ies", "es", "s")

_SW_CLASSES = {
    "m": ("1", "3"), "mw": ("1", "3"), "wa": ("1",), "w": ("1", "11"), "mi": ("3",), "my": ("3",),
    "ji": ("5",), "j": ("5",), "ma": ("5", "11"), "": ("5",), "ki": ("7",), "ch": ("7",), "vi": ("7",),
    "vy": ("7",), "u": ("11",), "ku": ("11",), "n": ("9",),
}
_LG_CLASSES = {
    "mu": ("1", "3"), "mw": ("1", "3"), "ba": ("1",), "b": ("1",), "mi": ("3",), "my": ("3",),
    "li": ("5",), "ly": ("5",), "ri": ("5",), "ry": ("5",), "ma": ("5",), "m": ("5", "9"),
    "ki": ("7",), "ky": ("7",), "bi": ("7",), "by": ("7",), "n": ("9", "11"), "lu": ("11",), "lw": ("11",),
    "ka": ("12",), "bu": ("12", "14"), "bw": ("12", "14"), "tu": ("12",), "gu": ("20",), "ga": ("20",),
    "ku": ("15",), "kw": ("15",),
}

MORPH: dict[str, Morph] = {
    "en": Morph(suffixes=_EN_SUFFIXES, term_suffixes=("ies", "es", "s"), replacements=(("ies", "y"),), min_stem=3),
    "de": Morph(
        suffixes=("innen", "inen", "ern", "nen", "ens", "en", "er", "es", "em", "in", "n", "s", "e", "r", "m"),
        min_stem=4,
        compounds=True,
    ),
    "sw": Morph(
        classes=_SW_CLASSES,
        suffixes=("ni",),
        min_stem=3,
        connectives=frozenset({"wa", "ya", "la", "cha", "vya", "za", "kwa", "pa", "mwa", "ka", "a"}),
    ),
    "lg": Morph(
        classes=_LG_CLASSES,
        augments=("o", "a", "e"),
        suffixes=("mu", "ko", "wo"),
        min_stem=3,
        connectives=frozenset({
            "wa", "ba", "gwa", "gya", "lya", "ga", "kya", "bya", "ya", "za", "lwa", "ka", "twa", "bwa", "kwa",
            "w", "b", "gw", "gy", "ly", "g", "ky", "by", "y", "z", "lw", "k", "tw", "bw", "kw",
        }),
    ),
    "he": Morph(
        prefixes=("ו", "ה", "ב", "ל", "מ", "ש", "כ"),
        suffixes=("יות", "ימ", "ות", "ית", "ה", "ת", "י"),  # finals normalised: ים → ימ
        # plural back to the feminine singular: מדינות → מדינה, שנים → שנה, מטפלות → מטפלת
        replacements=(("ות", "ה"), ("ימ", "ה"), ("ות", "ת"), ("יות", "ית")),
        max_prefixes=3,
        min_stem=2,
    ),
    "mr": Morph(
        suffixes=(
            "च्यासाठी", "च्यामध्ये", "च्याशी", "च्या", "मध्ये", "साठी", "मुळे", "पूर्वी", "नंतर", "पर्यंत", "पासून",
            "कडे", "कडून", "वर", "तील", "तून", "बरोबर", "सोबत", "विषयी", "बद्दल", "प्रमाणे", "ला", "ना", "चा", "ची",
            "चे", "ने", "नी", "शी", "त", "ही", "च",
        ),
        suffixes2=("्यां", "्या", "ां", "ा", "े", "ि", "ं"),
        term_suffixes=("ि", "ा", "े", "ु"),
        min_stem=2,
        stem_mark=True,
    ),
    "hi": Morph(
        suffixes=("ियों", "ियां", "ाओं", "ाएं", "ों", "ओं", "यों", "ें", "एं", "े", "ि", "ा"),
        term_suffixes=("ि", "ा", "े"),
        min_stem=2,
        stem_mark=True,
    ),
}
_DEFAULT = Morph(suffixes=(), min_stem=3)


def _devanagari_folded(m: Morph) -> Morph:
    """Affix lists in the same folded spelling as :func:`base` gives the words (नी → नि)."""
    t = lambda xs: tuple(dict.fromkeys(x.translate(_DEVANAGARI_MAP) for x in xs))  # noqa: E731
    return replace(m, suffixes=t(m.suffixes), suffixes2=t(m.suffixes2), term_suffixes=t(m.term_suffixes))


MORPH["mr"] = _devanagari_folded(MORPH["mr"])
MORPH["hi"] = _devanagari_folded(MORPH["hi"])


def morph_for(lang: str | None) -> Morph:
    return MORPH.get((lang or "").split("-")[0].lower(), _DEFAULT)


def base(word: str, lang: str | None = None) -> str:
    """The folded form words are compared in: case, Latin accents, Hebrew points and final
    letters, Devanagari nukta/chandrabindu/vowel length, hyphens and apostrophes removed."""
    if word.isascii():  # fast path: fold() of ASCII is lower-casing and space collapsing
        return word.lower().replace("-", "")
    k = fold(word)
    code = (lang or "").split("-")[0]
    if code == "he":
        k = k.translate(_HEBREW_FINALS).translate(_HEBREW_PUNCT)
    elif code in ("mr", "hi"):
        k = k.translate(_DEVANAGARI_MAP)
    return k.replace("-", "").replace("\u2010", "").replace("\u00ad", "")


def _strip_particles(key: str, m: Morph, depth: int) -> set[str]:
    out: set[str] = set()
    if depth == 0:
        return out
    for p in m.prefixes:
        if key.startswith(p) and len(key) - len(p) >= m.min_stem:
            rest = key[len(p):]
            out.add(rest)
            out |= _strip_particles(rest, m, depth - 1)
    return out


_VOWELS = frozenset("aeiou")
# Bantu prefix shapes: m-/n- stand before consonants (mtoto), mw-/w-/ch-/vy-/ky- … before
# vowels (mwaka, chakula); so "maka" is not m-aka.
_BEFORE_VOWEL = frozenset({"mw", "w", "ch", "vy", "my", "j", "ly", "ky", "by", "lw", "bw", "kw", "ry", "b"})
_BEFORE_CONSONANT = frozenset({"m", "n"})


def _shape_ok(prefix: str, stem: str) -> bool:
    if prefix in _BEFORE_VOWEL:
        return stem[:1] in _VOWELS
    if prefix in _BEFORE_CONSONANT:
        return stem[:1] not in _VOWELS
    return True


def _class_keys(key: str, m: Morph) -> set[str]:
    """``stem#class`` keys of a Bantu noun (with and without the Luganda augment)."""
    out: set[str] = set()
    bodies = {key}
    for a in m.augments:
        if key.startswith(a) and len(key) > len(a) + m.min_stem:
            bodies.add(key[len(a):])
    for body in bodies:
        for prefix, classes in m.classes.items():
            if body.startswith(prefix) and len(body) - len(prefix) >= m.min_stem:
                stem = body[len(prefix):]
                if _shape_ok(prefix, stem):
                    out |= {f"{stem}#{c}" for c in classes}
    return out


def _strip_suffixes(key: str, suffixes: tuple[str, ...], min_stem: int) -> set[str]:
    return {key[: -len(s)] for s in suffixes if key.endswith(s) and len(key) - len(s) >= min_stem}


def term_keys(word: str, lang: str | None) -> frozenset[str]:
    """Keys of one glossary word (already split on spaces/hyphens/apostrophes)."""
    m = morph_for(lang)
    k = base(word, lang)
    keys = {k}
    stems = _strip_suffixes(k, m.term_suffixes, max(m.min_stem, 3))
    keys |= {x + "~" for x in stems} if m.stem_mark else stems
    if m.classes:
        keys |= _class_keys(k, m)
    return frozenset(x for x in keys if x)


def text_variants(key: str, lang: str | None) -> set[str]:
    """Every form a folded text token may reduce to (itself included)."""
    m = morph_for(lang)
    forms = {key}
    if m.prefixes:
        forms |= _strip_particles(key, m, m.max_prefixes)
    if m.suffixes:
        for f in list(forms):
            forms |= _strip_suffixes(f, m.suffixes, m.min_stem)
    if m.replacements:
        for f in list(forms):
            forms |= {f[: -len(a)] + b for a, b in m.replacements if f.endswith(a) and len(f) - len(a) >= m.min_stem}
    if m.suffixes2:
        for f in list(forms):
            forms |= _strip_suffixes(f, m.suffixes2, m.min_stem)
    if m.term_suffixes:
        for f in list(forms):
            forms |= _strip_suffixes(f, m.term_suffixes, m.min_stem)
    if m.stem_mark:
        forms |= {f + "~" for f in forms if f != key}
    if m.classes:
        for f in list(forms):
            forms |= _class_keys(f, m)
        # a connective or class prefix before the noun: ebyokulonda = eby-o-kulonda
        bodies = [key] + [key[len(a):] for a in m.augments if key.startswith(a)]
        for body in bodies:
            for prefix in m.classes:
                if prefix and body.startswith(prefix) and len(body) - len(prefix) > m.min_stem + 2:
                    forms |= _class_keys(body[len(prefix):], m)
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
