"""What the aligner reads off each segment: length, anchors, punctuation, speaker, time.

Anchors are things a translator carries over unchanged: numbers (any digit script, via
:func:`transqa.text.numbers.numbers`), placeholders and participant codes (``[P3]``, ``R1``,
``[name]``), and names or other identical words of four letters or more (``Makindye``,
``Obama``). They are cheap, need no dictionary and work for every language pair of the study.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain
from typing import NamedTuple

import numpy as np

from transqa.align.lexicon import STEM, fold_words
from transqa.align.skeleton import skeletons
from transqa.model.transcript import Segment
from transqa.text.normalise import fold
from transqa.text.numbers import numbers
from transqa.text.tokens import words

# Bracketed placeholders ([name], [P3], <village>) and bare participant codes (R1, P12, M2).
# Patterns start with a character class (the lookbehind "no letter before" comes after it), so
# the regex engine skips quickly to candidates instead of testing a lookbehind everywhere.
_PLACEHOLDER = re.compile(r"[\[<{(]\s*([^\]>})\n]{1,30}?)\s*[\]>})]")
_CODE = re.compile(r"([RPIBMF](?<!\w.)\d{1,3})(?!\w)")

# Punctuation flags compared between the two sides of a bead (bit positions).
QUESTION, EXCLAIM, QUOTE, PAREN, COLON = 1, 2, 4, 8, 16
# The apostrophe ' and ’ are left out: they are also letters (n'okutuusa, Amani’s); a quote
# mark between two letters is Hebrew gershayim (צה"ל, an abbreviation), not a quotation.
_QUOTE_RE = re.compile("[\"“”„«»‚‘‹›](?:(?<!\\w.)|(?!\\w))")  # not between two letters


@dataclass(slots=True)
class Side:
    """Per-segment features of one side, as arrays the dynamic programme can index."""

    lengths: np.ndarray  # characters, float
    flags: np.ndarray  # int bitmask of QUESTION, EXCLAIM, QUOTE, PAREN, COLON
    anchors: list[frozenset[str]]
    numbers: list[frozenset[str]]
    speakers: list[str | None]
    seconds: np.ndarray  # float, nan when unknown
    stems: list[frozenset[str]]  # word stems, for the learnt lexicon

    def __len__(self) -> int:
        return len(self.speakers)


def _flags(text: str) -> int:
    f = 0
    if "?" in text or "¿" in text:
        f |= QUESTION
    if "!" in text:
        f |= EXCLAIM
    if _QUOTE_RE.search(text):
        f |= QUOTE
    if "(" in text or ")" in text:
        f |= PAREN
    if ":" in text:
        f |= COLON
    return f


_DIGITS = re.compile(r"\d")

# What is read off each distinct word and text is kept between alignments: re-aligning after
# an edit (the UI does) reads only the edited lines again. Bounded: cleared when full.
_CACHE_LIMIT = 1 << 18  # words
_TEXT_LIMIT = 1 << 16  # texts, all languages together (a text's features hold a few sets)
# word -> its keys: "w:" + itself folded, and its consonant skeleton marked by script, "x:"
# for a Hebrew or Devanagari word, "l:" for a capitalised Latin word (a name); one table for
# sides in the same script (no skeletons), one for sides in different scripts.
_WORD_KEYS: tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]] = ({}, {})
_WORD_STEM: dict[str, str | None] = {}  # word -> stem (first letters folded) for the learnt lexicon
_TEXTS: dict[tuple[str | None, bool], dict[str, _Text]] = {}
_WORD_TABLES = (*_WORD_KEYS, _WORD_STEM)


def clear_caches() -> None:
    """Forget every word and text read so far (benchmarks time a cold start with this)."""
    for table in (*_WORD_TABLES, _TEXTS):
        table.clear()


def _read_words(new: list[str], cross_script: bool) -> None:
    """Keys and stems of words not seen before, all at once (see :func:`fold_words`).

    A word's keys: itself folded (four letters or more, no digits — numbers are handled
    apart) and, across scripts, its consonant skeleton, to match a capitalised Latin word (a
    name) with a Hebrew or Devanagari word.
    """
    folded = fold_words(new)
    lengths = list(map(len, new))
    own: list[str | None] = ["w:" + f if n >= 4 else None for f, n in zip(folded, lengths)]
    stems: list[str | None] = [f[:STEM] if n >= 3 else None for f, n in zip(folded, lengths)]
    for k in _with_digits(new, lengths):  # numbers are anchors of their own
        own[k] = stems[k] = None
    skel: list[str | None] = [None] * len(new)
    if cross_script:
        # Hebrew/Devanagari words (X) and capitalised Latin ones (L), each script's apart.
        idx = np.flatnonzero(np.fromiter(map(_SKELETON_CANDIDATE.__getitem__, [w[0] for w in new]), dtype=np.int8))
        latin = np.fromiter(map(str.isascii, [new[k][0] for k in idx]), dtype=bool, count=len(idx))
        found = np.empty(len(new), dtype=object)
        for part, mark in ((idx[~latin], "x:"), (idx[latin], "l:")):
            found[part] = [mark + sk if sk else None for sk in skeletons([new[k] for k in part])]
        skel = found.tolist()
    _WORD_KEYS[cross_script].update(
        zip(new, [((f, sk) if sk else (f,)) if f else ((sk,) if sk else ()) for f, sk in zip(own, skel)])
    )
    _WORD_STEM.update(zip(new, stems))


class _Candidate(dict[str, bool]):
    """A word's first letter -> whether the word may be a name to match across scripts: a
    capital, or a letter of another script than Latin (filled as letters are met)."""

    def __missing__(self, first: str) -> bool:
        yes = self[first] = first.isupper() or not (first.isascii() or first.isdigit())
        return yes


_SKELETON_CANDIDATE = _Candidate()


def _with_digits(words: list[str], lengths: list[int]) -> set[int]:
    """Indices of the words holding a digit: one search over all of them joined."""
    joined = "\x00".join(words)
    at = [m.start() for m in _DIGITS.finditer(joined)]
    if not at:
        return set()
    ends = np.cumsum(np.asarray(lengths) + 1)  # word k ends (separator included) before ends[k]
    return set(np.searchsorted(ends, at, side="right").tolist())


class _Text(NamedTuple):  # a tuple: built tens of thousands of times, faster than a dataclass
    length: int
    flags: int
    anchors: frozenset[str]
    numbers: frozenset[str]
    keys: frozenset[str]  # its words' keys (see _read_words): anchors if the other side has them
    stems: frozenset[str]


_NO_STEM = frozenset((None,))
_NOTHING: frozenset[str] = frozenset()


def _read_texts(texts: list[str], lang: str | None, cross_script: bool) -> list[_Text]:
    """Everything read off each text: its numbers, codes, punctuation, its words' keys and stems."""
    toks = [words(text) for text in texts]
    if len(_WORD_STEM) > _CACHE_LIMIT:  # all together (a word with keys has a stem), before looking up
        for table in _WORD_TABLES:
            table.clear()
    keys = _WORD_KEYS[cross_script]
    new = set(chain.from_iterable(toks)).difference(keys)
    if new:
        _read_words(list(new), cross_script)
    stem_of, keys_of = _WORD_STEM.__getitem__, keys.__getitem__
    out = []
    for text, ws in zip(texts, toks):
        anchors = ns = _NOTHING
        if _DIGITS.search(text):  # numbers and participant codes need a digit
            ns = frozenset(["n:" + n.value for n in numbers(text, lang)])
            anchors = ns.union(["c:" + m.group(1).casefold() for m in _CODE.finditer(text)])
        if "[" in text or "(" in text or "<" in text or "{" in text:
            anchors = anchors.union(["c:" + fold(m.group(1)) for m in _PLACEHOLDER.finditer(text)])
        out.append(_Text(
            len(text.strip()), _flags(text), anchors, ns,
            frozenset(chain.from_iterable(map(keys_of, ws))), frozenset(map(stem_of, ws)) - _NO_STEM,
        ))
    return out


def side_features(segments: Sequence[Segment], lang: str | None, cross_script: bool) -> tuple[Side, list[_Text]]:
    """Features of one side, plus what was read off each segment (its words are filtered
    against the other side's later: :func:`add_shared_words`).

    ``cross_script``: the two sides are in different scripts, so names are matched by
    consonant skeleton too.
    """
    texts = [seg.text or "" for seg in segments]
    if sum(map(len, _TEXTS.values())) > _TEXT_LIMIT:
        _TEXTS.clear()
    cache = _TEXTS.setdefault((lang, cross_script), {})
    new = [t for t in dict.fromkeys(texts) if t not in cache]
    if new:
        cache.update(zip(new, _read_texts(new, lang, cross_script)))
    feats = [cache[t] for t in texts]
    side = Side(
        lengths=np.fromiter((f.length for f in feats), dtype=float, count=len(feats)),
        flags=np.fromiter((f.flags for f in feats), dtype=np.int64, count=len(feats)),
        anchors=[f.anchors for f in feats],
        numbers=[f.numbers for f in feats],
        speakers=[seg.speaker.strip() if seg.speaker and seg.speaker.strip() else None for seg in segments],
        seconds=np.array([math.nan if seg.seconds is None else seg.seconds for seg in segments], dtype=float),
        stems=[f.stems for f in feats],
    )
    return side, feats


def add_shared_words(src: Side, src_text: list[_Text], tgt: Side, tgt_text: list[_Text], cross_script: bool) -> None:
    """Add as anchors the words that occur on both sides of the document (names, cognates).

    ``src_text``/``tgt_text``: what :func:`side_features` read off each segment. Words are
    compared folded; across scripts also by consonant skeleton, but only a Hebrew or
    Devanagari word's against a capitalised Latin word's on the other side.
    """
    src_keys = set().union(*[t.keys for t in src_text])
    tgt_keys = set().union(*[t.keys for t in tgt_text])
    # A shared key -> the anchor it makes: a folded word itself; a skeleton "s:" + skeleton,
    # and only a Hebrew/Devanagari word's ("x:") matched by a Latin name's ("l:") opposite.
    anchor = {k: k for k in src_keys & tgt_keys if k[0] == "w"}
    if cross_script:
        for here, there in ((src_keys, tgt_keys), (tgt_keys, src_keys)):
            for k in here:
                if k[0] == "x" and "l" + k[1:] in there:
                    anchor[k] = anchor["l" + k[1:]] = "s" + k[1:]
    if anchor:
        shared, anchor_of = anchor.keys(), anchor.__getitem__
        for side, texts in ((src, src_text), (tgt, tgt_text)):
            side.anchors = [
                a.union(map(anchor_of, hit)) if (hit := shared & t.keys) else a for a, t in zip(side.anchors, texts)
            ]


def anchor_counts(src: Side, tgt: Side) -> Counter[str]:
    """In how many segments of either side each anchor occurs."""
    df: Counter[str] = Counter(chain.from_iterable(src.anchors))
    df.update(chain.from_iterable(tgt.anchors))
    return df


def anchor_weights(df: Counter[str], n_segments: int, cap: float = 3.0) -> dict[str, float]:
    """Weight of each anchor: rare ones (a name said once) count most, frequent ones little.

    Roughly the log-odds that a shared anchor marks a true pair rather than chance.
    ``df``: :func:`anchor_counts`; ``n_segments``: both sides' segments together.
    """
    n = max(n_segments, 2)
    out = {}
    for key, count in df.items():
        w = math.log(n / count) - 1.0
        if w > 0:
            out[key] = min(cap, w)
    return out
