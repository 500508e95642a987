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
_CACHE_LIMIT = 1 << 18
# word -> its candidate keys, for (identical words only, with skeletons across scripts)
_WORD_KEYS: tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]] = ({}, {})
_WORD_STEM: dict[str, str | None] = {}  # word -> stem (first letters folded) for the learnt lexicon
_TEXTS: dict[tuple[str | None, bool], dict[str, _Text]] = {}


def clear_caches() -> None:
    """Forget every word and text read so far (benchmarks time a cold start with this)."""
    for table in (*_WORD_KEYS, _WORD_STEM, _TEXTS):
        table.clear()


def _read_words(new: list[str], cross_script: bool) -> None:
    """Keys and stems of words not seen before, all at once (see :func:`fold_words`).

    A word's candidate keys: itself folded (four letters or more, no digits — numbers are
    handled apart) and, across scripts, its consonant skeleton marked by script — ``L…`` for a
    capitalised Latin word (a name), ``X…`` for a Hebrew or Devanagari word — to match names.
    """
    folded = fold_words(new)
    skel: list[str | None] = [None] * len(new)
    if cross_script:
        idx = [k for k, w in enumerate(new) if w[0].isupper() or not (w[0].isascii() or w[0].isdigit())]
        for k, sk in zip(idx, skeletons([new[k] for k in idx])):
            if sk is not None:
                skel[k] = ("L" if new[k][0].isascii() else "X") + "\x00" + sk
    if len(_WORD_STEM) > _CACHE_LIMIT:  # all together: a word with keys has a stem
        for table in (*_WORD_KEYS, _WORD_STEM):
            table.clear()
    keys, stems = _WORD_KEYS[cross_script], _WORD_STEM
    for word, f, sk in zip(new, folded, skel):
        digit = _DIGITS.search(word) is not None
        k = (f,) if len(word) >= 4 and not digit else ()
        keys[word] = k + (sk,) if sk is not None else k
        stems[word] = f[:STEM] if len(word) >= 3 and not digit else None


@dataclass(frozen=True, slots=True)
class _Text:
    length: int
    flags: int
    anchors: frozenset[str]
    numbers: frozenset[str]
    words: frozenset[str]  # distinct words
    stems: frozenset[str]


_NO_STEM = frozenset((None,))
_NOTHING: frozenset[str] = frozenset()


def _read_texts(texts: list[str], lang: str | None, cross_script: bool) -> list[_Text]:
    """Everything read off each text: its numbers, codes, punctuation and distinct words."""
    toks = [frozenset(words(text)) for text in texts]
    keys = _WORD_KEYS[cross_script]
    new = set().union(*toks).difference(keys)
    if new:
        _read_words(list(new), cross_script)
    stem_of = _WORD_STEM.__getitem__
    out = []
    for text, ws in zip(texts, toks):
        anchors = ns = _NOTHING
        if _DIGITS.search(text):  # numbers and participant codes need a digit
            ns = frozenset(["n:" + n.value for n in numbers(text, lang)])
            anchors = ns.union(["c:" + m.group(1).casefold() for m in _CODE.finditer(text)])
        if "[" in text or "(" in text or "<" in text or "{" in text:
            anchors = anchors.union(["c:" + fold(m.group(1)) for m in _PLACEHOLDER.finditer(text)])
        out.append(_Text(len(text.strip()), _flags(text), anchors, ns, ws, frozenset(map(stem_of, ws)) - _NO_STEM))
    return out


def side_features(
    segments: Sequence[Segment], lang: str | None, cross_script: bool
) -> tuple[Side, list[frozenset[str]]]:
    """Features of one side, plus each segment's candidate words (filtered against the other side later).

    ``cross_script``: the two sides are in different scripts, so names are matched by
    consonant skeleton too.
    """
    texts = [seg.text or "" for seg in segments]
    cache = _TEXTS.setdefault((lang, cross_script), {})
    new = [t for t in dict.fromkeys(texts) if t not in cache]
    if new:
        if len(cache) > _CACHE_LIMIT:
            cache.clear()
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
    return side, [f.words for f in feats]


def add_shared_words(
    src: Side, src_words: list[frozenset[str]], tgt: Side, tgt_words: list[frozenset[str]], cross_script: bool
) -> None:
    """Add as anchors the words that occur on both sides of the document (names, cognates).

    ``src_words``/``tgt_words``: each segment's distinct words (from :func:`side_features`).
    Words are compared by their keys (folded form; consonant skeleton across scripts).
    """
    keys = _WORD_KEYS[cross_script]
    vocab_s, vocab_t = set().union(*src_words), set().union(*tgt_words)
    vs = set(chain.from_iterable(map(keys.__getitem__, vocab_s)))
    vt = set(chain.from_iterable(map(keys.__getitem__, vocab_t)))
    shared = {w for w in vs & vt if "\x00" not in w}
    # Skeletons count across scripts only: a Hebrew/Devanagari word against a Latin name.
    for here, there in ((vs, vt), (vt, vs)):
        for w in here:
            if w.startswith("X\x00") and "L" + w[1:] in there:
                shared.add(w)
                shared.add("L" + w[1:])
    if not shared:
        return

    def key(w: str) -> str:
        return "s:" + w[2:] if "\x00" in w else "w:" + w

    for side, seg_words, vocab in ((src, src_words, vocab_s), (tgt, tgt_words, vocab_t)):
        brings = {w: {key(k) for k in keys[w] if k in shared} for w in vocab if not shared.isdisjoint(keys[w])}
        if brings:
            known = brings.keys()
            side.anchors = [
                a.union(*map(brings.__getitem__, hit)) if (hit := known & ws) else a
                for a, ws in zip(side.anchors, seg_words)
            ]


def anchor_weights(src: Side, tgt: Side, cap: float = 3.0) -> dict[str, float]:
    """Weight of each anchor: rare ones (a name said once) count most, frequent ones little.

    Roughly the log-odds that a shared anchor marks a true pair rather than chance.
    """
    df: Counter[str] = Counter(chain.from_iterable(src.anchors))
    df.update(chain.from_iterable(tgt.anchors))
    n = max(len(src) + len(tgt), 2)
    out = {}
    for key, count in df.items():
        w = math.log(n / count) - 1.0
        if w > 0:
            out[key] = min(cap, w)
    return out
