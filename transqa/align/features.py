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
from functools import lru_cache
from itertools import chain

import numpy as np

from transqa.align.lexicon import fold_word, stems
from transqa.align.skeleton import skeleton
from transqa.model.transcript import Segment
from transqa.text.normalise import fold
from transqa.text.numbers import numbers
from transqa.text.tokens import words

# Bracketed placeholders ([name], [P3], <village>) and bare participant codes (R1, P12, M2).
_PLACEHOLDER = re.compile(r"[\[<{(]\s*([^\]>})\n]{1,30}?)\s*[\]>})]")
_CODE = re.compile(r"(?<![\w])([RPIBMF]\d{1,3})(?![\w])")

# Punctuation flags compared between the two sides of a bead (bit positions).
QUESTION, EXCLAIM, QUOTE, PAREN, COLON = 1, 2, 4, 8, 16
# The apostrophe ' and ’ are left out: they are also letters (n'okutuusa, Amani’s); a quote
# mark between two letters is Hebrew gershayim (צה"ל, an abbreviation), not a quotation.
_QUOTE_RE = re.compile("(?<!\\w)[\"“”„«»‚‘‹›]|[\"“”„«»‚‘‹›](?!\\w)")


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


@lru_cache(maxsize=1 << 17)
def _token_keys(word: str) -> tuple[str, ...]:
    """A word's candidate keys: itself folded (four letters or more, no digits — numbers are
    handled apart) and its consonant skeleton marked by script — ``L…`` for a capitalised Latin
    word (a name), ``X…`` for a Hebrew or Devanagari word — to match names across scripts."""
    keys = []
    if len(word) >= 4 and not _DIGITS.search(word):
        keys.append(fold_word(word))
    first = word[0]
    if first.isupper() or not (first.isascii() or first.isdigit()):
        sk = skeleton(word)
        if sk is not None:
            keys.append(("L" if first.isascii() else "X") + "\x00" + sk)
    return tuple(keys)


@lru_cache(maxsize=1 << 17)
def _identical_key(word: str) -> tuple[str, ...]:
    """Only the folded word (when no side is in another script, skeletons are not needed)."""
    if len(word) >= 4 and not _DIGITS.search(word):
        return (fold_word(word),)
    return ()


def _word_keys(tokens: list[str], cross_script: bool) -> set[str]:
    return set(chain.from_iterable(map(_token_keys if cross_script else _identical_key, tokens)))


@dataclass(frozen=True, slots=True)
class _Text:
    length: int
    flags: int
    anchors: frozenset[str]
    numbers: frozenset[str]
    words: frozenset[str]
    stems: frozenset[str]


@lru_cache(maxsize=1 << 16)
def _text_features(text: str, lang: str | None, cross_script: bool) -> _Text:
    """Everything read off one segment's text; cached, so re-aligning after an edit (the UI
    does) only reads the edited lines again."""
    ns = frozenset("n:" + n.value for n in numbers(text, lang)) if _DIGITS.search(text) else frozenset()
    codes = {"c:" + fold(m.group(1)) for m in _PLACEHOLDER.finditer(text)}
    codes |= {"c:" + m.group(1).casefold() for m in _CODE.finditer(text)}
    toks = words(text)
    return _Text(len(text.strip()), _flags(text), ns | codes, ns, frozenset(_word_keys(toks, cross_script)), stems(toks))


def side_features(
    segments: Sequence[Segment], lang: str | None, cross_script: bool
) -> tuple[Side, list[frozenset[str]]]:
    """Features of one side, plus each segment's candidate words (filtered against the other side later).

    ``cross_script``: the two sides are in different scripts, so names are matched by
    consonant skeleton too.
    """
    feats = [_text_features(seg.text or "", lang, cross_script) for seg in segments]
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


def add_shared_words(src: Side, src_words: list[frozenset[str]], tgt: Side, tgt_words: list[frozenset[str]]) -> None:
    """Add as anchors the words that occur on both sides of the document (names, cognates)."""
    vs: Counter[str] = Counter(chain.from_iterable(src_words))
    vt: Counter[str] = Counter(chain.from_iterable(tgt_words))
    shared = {w for w in vs.keys() & vt.keys() if "\x00" not in w}
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

    src.anchors = [a | {key(w) for w in ws & shared} for a, ws in zip(src.anchors, src_words)]
    tgt.anchors = [a | {key(w) for w in ws & shared} for a, ws in zip(tgt.anchors, tgt_words)]


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
