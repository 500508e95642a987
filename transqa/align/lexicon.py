"""A word-pair dictionary learnt from the document itself (hunalign's ``-realign`` idea).

No bilingual dictionary exists for Luganda or Marathi focus-group speech, but a transcript
repeats its words: after a first alignment, a source word and an English word that keep
appearing in the same confident pairs (``polisi``/``police``, ``serikali``/``government``,
``בית``/``house``) are very likely translations. They then serve as anchors for the second
pass. Words are compared by their first five letters, a poor man's stemmer that copes with
Swahili and Luganda prefixes' counterpart in English suffixes well enough.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from itertools import chain, compress, repeat
from operator import not_

import numpy as np

from transqa.text.normalise import fold, strip_hebrew_points

STEM = 5
MIN_PAIRS = 3  # co-occurrences before a word pair is believed
MIN_DICE = 0.6  # 2·together / (count source + count target)
MAX_SHARE = 0.2  # words in more than this share of segments are too common to tell
MAX_LEARN = 1500  # beads to learn from at most (keeps long documents fast)
_SEP = "\x00"  # joins words for batch folding: never in a word


class _FirstLetter(dict[str, int]):
    """A word's first letter -> how the word is folded (filled as letters are met)."""

    def __missing__(self, ch: str) -> int:
        kind = self[ch] = _FOLD if ch < "\u0590" else _POINTS if ch <= "\u05ff" else _AS_IS
        return kind


_CASEFOLD, _FOLD, _POINTS, _AS_IS = range(4)
_KIND_OF_FIRST = _FirstLetter()
_FOLDERS = {_CASEFOLD: str.casefold, _FOLD: fold, _POINTS: strip_hebrew_points}


def fold_words(words: Sequence[str]) -> list[str]:
    """:func:`transqa.text.normalise.fold` of each word, with fast paths: ASCII needs only
    casefolding, Hebrew and Devanagari words only losing Hebrew points (no case, no Latin
    accents). Each kind of word is joined and folded in one call (folding never crosses the
    separator): one call per word would cost more than everything else the aligner does."""
    out = list(words)  # Devanagari and other scripts from U+0600 on: as they are
    ascii_ = list(map(str.isascii, words))
    others = list(compress(range(len(words)), map(not_, ascii_)))
    kinds = map(_KIND_OF_FIRST.__getitem__, [words[k][0] for k in others])
    groups: dict[int, list[int]] = {_CASEFOLD: list(compress(range(len(words)), ascii_)), _FOLD: [], _POINTS: []}
    for k, kind in zip(others, kinds):
        if kind != _AS_IS:
            groups[kind].append(k)
    for kind, idx in groups.items():
        if idx:
            for k, w in zip(idx, _FOLDERS[kind](_SEP.join([words[k] for k in idx])).split(_SEP)):
                out[k] = w
    return out


def _known(sets: list[frozenset[str]], ids: dict[str, int]) -> tuple[np.ndarray, np.ndarray]:
    """(set number, word id) of every word of the sets that has an id, ordered by set."""
    sizes = np.fromiter(map(len, sets), dtype=np.int64, count=len(sets))
    found = np.fromiter(map(ids.get, chain.from_iterable(sets), repeat(-1)), dtype=np.int64, count=int(sizes.sum()))
    owner = np.repeat(np.arange(len(sets)), sizes)
    keep = found >= 0
    return owner[keep], found[keep]


def learn(
    pairs: Sequence[tuple[frozenset[str], frozenset[str]]],
    n_src: Counter[str],
    n_tgt: Counter[str],
    n_segments: int,
) -> dict[str, set[str]]:
    """Source stem -> target stems that co-occur in the given (source, target) stem sets.

    ``n_src``/``n_tgt`` count each stem's segments over the whole document, so a word common
    everywhere (an article, a particle) is not taken for a translation of anything, and the
    association is Dice's coefficient over the document. Counting is vectorised: each pair's
    word pairs become integer codes, counted with one ``np.unique``.
    """
    limit = max(3, MAX_SHARE * n_segments)
    if len(pairs) > MAX_LEARN:
        step = len(pairs) / MAX_LEARN
        pairs = [pairs[int(k * step)] for k in range(MAX_LEARN)]
    src_words = [w for w, c in n_src.items() if MIN_PAIRS <= c <= limit]
    tgt_words = [w for w, c in n_tgt.items() if MIN_PAIRS <= c <= limit]
    if not src_words or not tgt_words:
        return {}
    sid = {w: k for k, w in enumerate(src_words)}
    tid = {w: k for k, w in enumerate(tgt_words)}
    nt = len(tgt_words)
    # Every (source word, target word) of every pair as one code, without a loop over pairs:
    # each pair's known words are flattened with the pair's number, and each source word is
    # repeated once per target word of its pair.
    a_pair, a_ids = _known([s for s, _ in pairs], sid)
    b_pair, b_ids = _known([t for _, t in pairs], tid)
    n_b = np.bincount(b_pair, minlength=len(pairs))
    b_start = np.cumsum(n_b) - n_b
    reps = n_b[a_pair]
    total = int(reps.sum())
    if not total:
        return {}
    offset = np.arange(total) - np.repeat(np.cumsum(reps) - reps, reps)
    codes = np.repeat(a_ids, reps) * nt + b_ids[np.repeat(b_start[a_pair], reps) + offset]
    codes, together = np.unique(codes, return_counts=True)
    keep = together >= MIN_PAIRS
    codes, together = codes[keep], together[keep]
    a_ids, b_ids = codes // nt, codes % nt
    cs = np.array([n_src[w] for w in src_words])
    ct = np.array([n_tgt[w] for w in tgt_words])
    dice = 2 * together / (cs[a_ids] + ct[b_ids])
    out: dict[str, set[str]] = {}
    for a, b in zip(a_ids[dice >= MIN_DICE].tolist(), b_ids[dice >= MIN_DICE].tolist()):
        sw, tw = src_words[a], tgt_words[b]
        if sw != tw:
            out.setdefault(sw, set()).add(tw)
    return out
