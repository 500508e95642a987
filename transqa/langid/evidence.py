"""Word-level evidence: how English each word of a would-be English segment reads.

Each word token gets a score: negative = English, positive = source language (or at least
not English), zero = no evidence either way. Names, numbers, acronyms, participant codes
([P3], R1), URLs/handles and glossary keep-as-is terms are zero, because a correct English
translation is full of them ("Makindye", "Kori Schulman", "boda boda"). Evidence:

* letters of a non-Latin script (Hebrew, Devanagari): +1;
* a common English word (top ~2,000, e.g. "the", "said"): -1; 0 when the aligned source
  segment has it too (a look-alike such as German "in", "so", or code-switched English);
* a word the source language uses far more often than English (German "und", "die"): +1;
  clearly more often ("war"): +1 in the aligned source, +0.5 elsewhere;
* a lower-case word copied from the aligned source and not common English: +1 if unknown to
  the English list or if py3langid's character n-grams put it in the source language
  (Swahili "na", Luganda "nti"), else -0.5;
* other lower-case words: unknown to the English list +1 / +0.5, rarer English words
  +0.5 / -0.5, by the same character-n-gram test;
* capitalised words mid-sentence are names or titles (0), except German nouns; a capital at
  a sentence start caps the evidence at +0.5.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from operator import itemgetter
from typing import NamedTuple

from transqa.langid.lexicon import english, key, shared
from transqa.langid.script_evidence import token_script
from transqa.text.scripts import LATIN, OTHER
from transqa.text.tokens import ASCII_WORD, WORD, word_pattern

ENGLISH = -1.0
ENGLISH_WEAK = -0.5
NEUTRAL = 0.0
FOREIGN_WEAK = 0.5
FOREIGN = 1.0

STRONG_CB = 430  # English words at least this frequent (about the top 2,000) count fully
LOOKALIKE_MARGIN = 50  # cB: shared words 10**0.5 x more frequent in the source language are its own
DISTINCT_MARGIN = 150  # cB: ... and 10**1.5 x more frequent ones ("und", "die") are its own anywhere

_DIGIT = re.compile(r"\d")
_OPENERS = frozenset('.!?:;"“”„‘«»(—–-…[')


class Scored(NamedTuple):
    """Word tokens of a segment (regex matches: text and offsets) with one evidence score each."""

    matches: list[re.Match[str]]
    scores: tuple[float, ...]


def source_words(text: str) -> frozenset[str]:
    """Lookup forms of the words of an aligned source segment."""
    text = text.casefold().replace("\u2019", "'")
    return frozenset(word_pattern(text).findall(text))


def _covered(start: int, end: int, ranges: Sequence[tuple[int, int]]) -> bool:
    return any(a <= start and end <= b for a, b in ranges)


# What a word is, whatever its context, precomputed once per (source language, code pattern):
# (kind, lookup key, score if not in the source, score if in the source, score capitalised
# mid-sentence if not in the source, ... if in it). kind: 0 = neutral (digits, acronyms,
# participant codes) or non-Latin script, whatever its place; 2 = capitalised (its score
# depends on its place); 3 = lower case. The character model's answers (is the word the
# source language's?) are folded in once, when the entry is made.
_Static = tuple[int, str, float, float, float, float]


class _Entries(dict[str, _Static]):
    """Word -> its :data:`_Static` entry for one source language and code pattern (made on demand)."""

    def __init__(self, lang: str | None, code: re.Pattern[str] | None) -> None:
        super().__init__()
        self.lang = lang
        self.code = code

    def __missing__(self, w: str) -> _Static:
        if len(self) > _CACHE_MAX:
            self.clear()
        # Without a source language, German still tells look-alikes ("die", "war") from English.
        st = self[w] = _static(w, english(), shared(self.lang or GENERIC_OTHER), self.code, self.lang)
        return st


_TABLES: dict[tuple[str | None, re.Pattern[str] | None], _Entries] = {}
_CHAR: dict[str, dict[str, bool]] = {}
_CACHE_MAX = 300_000
_NONE: frozenset[str] = frozenset()
# A word token (WORD) with the text before it: the characters no word can start with.
_GAP_WORD = re.compile(rf"([\W_]*)({WORD.pattern})")
# The same on ASCII text (text.tokens.ASCII_WORD, same tokens, faster).
_ASCII_GAP_WORD = re.compile(rf"([^A-Za-z0-9]*)({ASCII_WORD.pattern})", re.ASCII)
_WORD_OF_PAIR = itemgetter(1)
_KIND = itemgetter(0)
_PLAIN = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+|[@#]\w+|\b\w+(?:\.\w+)*\.(?:com|org|net)(?:/\S*)?")
NOUN_CAPITALISING = frozenset({"de"})  # languages whose common nouns are capitalised
GENERIC_OTHER = "de"  # the look-alike list used when the source language is unknown
# Scores that depend on the character model (is the word the source language's?): (if so, if not).
_ASK_IN = (FOREIGN, ENGLISH_WEAK)  # in the source, a rarer English word
_ASK_UNKNOWN = (FOREIGN, FOREIGN_WEAK)  # not in the source nor the English list
_ASK_WEAK = (FOREIGN_WEAK, ENGLISH_WEAK)  # not in the source, a rarer English word
# ... kept undecided in a capitalised word's entry as placeholder scores (above FOREIGN).
_LATER = {_ASK_IN: 9.0, _ASK_UNKNOWN: 8.0, _ASK_WEAK: 7.0}
_RESOLVE = {v: k for k, v in _LATER.items()}


def _static(
    w: str, en: dict[str, int], other: dict[str, int], code: re.Pattern[str] | None, lang: str | None
) -> _Static:
    if _DIGIT.search(w) or (len(w) > 1 and w.isupper()) or (code is not None and code.fullmatch(w)):
        return (0, w, NEUTRAL, NEUTRAL, NEUTRAL, NEUTRAL)
    if not w.isascii() and token_script(w) not in (LATIN, OTHER):
        return (0, w, FOREIGN, FOREIGN, FOREIGN, FOREIGN)
    k = key(w)
    cb = en.get(k)
    look = 0
    if other:
        ocb = other.get(k)
        if ocb is not None and ocb + LOOKALIKE_MARGIN <= (cb if cb is not None else 800):
            look = 2 if ocb + DISTINCT_MARGIN <= (cb if cb is not None else 800) else 1
    # Scores of the word read in lower case (or at a sentence start): outside / inside the source.
    out: float | tuple[float, float]
    inside: float | tuple[float, float]
    if look == 2:
        out, inside = FOREIGN, FOREIGN
    elif look == 1:
        out, inside = FOREIGN_WEAK, FOREIGN
    elif cb is None:
        out, inside = _ASK_UNKNOWN, FOREIGN
    elif cb <= STRONG_CB:
        out, inside = ENGLISH, NEUTRAL
    else:
        out, inside = _ASK_WEAK, _ASK_IN
    if w[0].isupper():
        # Capitalised: these scores count only at a sentence start, so the character model is
        # asked then (:func:`_at_start`), not for every name met mid-sentence.
        out = _LATER.get(out, out)  # type: ignore[call-overload]
        inside = _LATER.get(inside, inside)  # type: ignore[call-overload]
    elif isinstance(out, tuple) or isinstance(inside, tuple):
        own = lang is not None and _reads_as_source(k, lang)
        if isinstance(out, tuple):
            out = out[0] if own else out[1]
        if isinstance(inside, tuple):
            inside = inside[0] if own else inside[1]
    if not w[0].isupper():
        return (3, k, out, inside, out, inside)
    # Capitalised mid-sentence: a name or title, or (German) a noun.
    nouns = lang in NOUN_CAPITALISING
    if look and nouns:
        mid_out = FOREIGN_WEAK
    elif cb is not None and cb <= STRONG_CB:
        mid_out = ENGLISH
    else:
        mid_out = NEUTRAL
    if look:
        mid_in = FOREIGN
    elif cb is None and nouns:
        mid_in = FOREIGN_WEAK
    else:
        mid_in = NEUTRAL
    return (2, k, out, inside, mid_out, mid_in)


def _reads_as_source(k: str, lang: str) -> bool:
    """Character n-grams (py3langid, English vs ``lang``): is this word the source's? (cached)"""
    cache = _CHAR.setdefault(lang, {})
    hit = cache.get(k)
    if hit is None:
        from transqa.langid.identifier import word_is

        hit = cache[k] = word_is(k, lang)
        if len(cache) > _CACHE_MAX:
            cache.clear()
    return hit


def plain_ranges(text: str) -> list[tuple[int, int]]:
    """URLs, e-mail addresses, @handles and #hashtags: words in no language."""
    if "@" in text or "#" in text or "/" in text or "www" in text or ".com" in text:
        return [m.span() for m in _PLAIN.finditer(text)]
    return []


def score_words(
    text: str,
    *,
    source: frozenset[str] | None = None,
    source_lang: str | None = None,
    neutral: Sequence[tuple[int, int]] = (),
    code: re.Pattern[str] | None = None,
) -> Scored:
    """Score every word token of ``text`` (meant to be English) as English or not.

    ``source`` holds the aligned source segment's words (see :func:`source_words`);
    ``neutral`` character ranges (keep-as-is terms, allowed names, bracketed descriptors) and
    ``code`` matches (participant codes) score zero, as do URLs, handles and hashtags.
    """
    _, scores = scores_of(text, (source,) if source else (), source_lang, neutral, code)
    return Scored(list(WORD.finditer(text)), tuple(scores))


def scores_of(
    text: str,
    sources: Sequence[frozenset[str]],
    source_lang: str | None,
    neutral: Sequence[tuple[int, int]],
    code: re.Pattern[str] | None,
) -> tuple[list[tuple[str, str]], list[float]]:
    """:func:`score_words` without the wrapping, for :mod:`reading`: (gap, word) pairs, scores.

    Each word comes with the text between it and the previous word (what the capital rule
    needs), so no match objects are made; :func:`spans` gives offsets when they are needed.
    ``sources``: word sets (the aligned source segment's and its neighbours'); a word is "in
    the source" when any holds it. Testing up to three sets costs less than building their
    union for every segment.
    """
    cache = _TABLES.get((source_lang, code))
    if cache is None:
        cache = _TABLES[(source_lang, code)] = _Entries((source_lang or "").split("-")[0] or None, code)
    if len(sources) > 3:
        sources = (frozenset().union(*sources),)
    a, b, c = (*sources, _NONE, _NONE, _NONE)[:3]
    plain = plain_ranges(text)
    if plain:
        neutral = [*neutral, *plain]
    pairs = (_ASCII_GAP_WORD if text.isascii() else _GAP_WORD).findall(text)
    statics = list(map(cache.__getitem__, map(_WORD_OF_PAIR, pairs)))
    # Lower case words (and any word at a sentence start): by the source alone.
    if b or c:
        scores = [st[3] if (k := st[1]) in a or k in b or k in c else st[2] for st in statics]
    else:
        scores = [st[3] if st[1] in a else st[2] for st in statics]
    if neutral:
        at = spans(text)
        for i, st in enumerate(statics):
            if st[0] and _covered(*at[i], neutral):
                scores[i] = NEUTRAL
            elif st[0] == 2:
                _capital(i, st, pairs, scores, a, b, c, cache.lang)
    elif statics:
        # Only capitalised words need their place; find them at C speed (usually 1-3 a segment).
        kinds = list(map(_KIND, statics))
        i = -1
        try:
            while True:
                i = kinds.index(2, i + 1)
                gap = pairs[i][0]
                if gap == " " and i:
                    initial = False  # the commonest case: a word, a space, this word
                else:
                    initial = _initial(gap, i == 0)
                k = statics[i][1]
                if not initial:
                    scores[i] = statics[i][5] if k in a or k in b or k in c else statics[i][4]
                elif scores[i] > FOREIGN_WEAK:
                    scores[i] = _at_start(scores[i], k, cache.lang)
        except ValueError:
            pass
    return pairs, scores


def _capital(
    i: int, st: _Static, pairs: list[tuple[str, str]], scores: list[float],
    a: frozenset[str], b: frozenset[str], c: frozenset[str], lang: str | None,
) -> None:
    """Score the capitalised word ``i``: a name or title mid-sentence, maybe a name at a start."""
    if not _initial(pairs[i][0], i == 0):
        k = st[1]
        scores[i] = st[5] if k in a or k in b or k in c else st[4]
    elif scores[i] > FOREIGN_WEAK:
        scores[i] = _at_start(scores[i], st[1], lang)


def _at_start(s: float, k: str, lang: str | None) -> float:
    """A capitalised word at a sentence start: its score, at most FOREIGN_WEAK (maybe a name)."""
    if s > FOREIGN:  # a placeholder: ask the character model only if the answer survives the cap
        yes, no = _RESOLVE[s]
        s = yes if no < FOREIGN_WEAK and lang is not None and _reads_as_source(k, lang) else no
    return FOREIGN_WEAK if s > FOREIGN_WEAK else s


def spans(text: str) -> list[tuple[int, int]]:
    """Character offsets of the word tokens of ``text`` (the words of :func:`scores_of`)."""
    return [m.span() for m in WORD.finditer(text)]


def _initial(gap: str, first: bool) -> bool:
    """Is a word the first of a sentence (so its capital says nothing)? ``gap``: the text before it."""
    gap = gap.rstrip()
    if first:
        return not gap or gap[-1] in _OPENERS
    return bool(gap) and gap[-1] in _OPENERS
