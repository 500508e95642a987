"""A word-pair dictionary learnt from the document itself (hunalign's ``-realign`` idea).

No bilingual dictionary exists for Luganda or Marathi focus-group speech, but a transcript
repeats its words: after a first alignment, a source word and an English word that keep
appearing in the same confident pairs (``polisi``/``police``, ``serikali``/``government``,
``בית``/``house``) are very likely translations. They then serve as anchors for the second
pass. Words are compared by their first five letters, a poor man's stemmer that copes with
Swahili and Luganda prefixes' counterpart in English suffixes well enough.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from transqa.text.normalise import fold
from transqa.text.tokens import words

STEM = 5
MIN_PAIRS = 2  # co-occurrences before a word pair is believed
MIN_DICE = 0.6  # 2·together / (count source + count target)
MAX_SHARE = 0.2  # words in more than this share of segments are too common to tell
MAX_LEARN = 1500  # beads to learn from at most (keeps long documents fast)
_DIGITS = re.compile(r"\d")


@lru_cache(maxsize=1 << 16)
def _stem(word: str) -> str | None:
    if len(word) < 3 or _DIGITS.search(word):
        return None
    w = word.casefold() if word.isascii() else fold(word)
    return w[:STEM]


def stems(text: str) -> frozenset[str]:
    out = {_stem(w) for w in words(text)}
    out.discard(None)
    return frozenset(out)  # type: ignore[arg-type]


def learn(
    pairs: Sequence[tuple[frozenset[str], frozenset[str]]],
    n_src: Counter[str],
    n_tgt: Counter[str],
    n_segments: int,
) -> dict[str, set[str]]:
    """Source stem -> target stems that co-occur in the given (source, target) stem sets.

    ``n_src``/``n_tgt`` count each stem's segments over the whole document, so a word common
    everywhere (an article, a particle) is not taken for a translation of anything.
    """
    limit = max(3, MAX_SHARE * n_segments)
    if len(pairs) > MAX_LEARN:
        step = len(pairs) / MAX_LEARN
        pairs = [pairs[int(k * step)] for k in range(MAX_LEARN)]
    in_s: Counter[str] = Counter()
    in_t: Counter[str] = Counter()
    for s, t in pairs:
        in_s.update(s)
        in_t.update(t)
    keep_s = {w for w, c in in_s.items() if c >= MIN_PAIRS and n_src[w] <= limit}
    keep_t = {w for w, c in in_t.items() if c >= MIN_PAIRS and n_tgt[w] <= limit}
    together: Counter[tuple[str, str]] = Counter()
    for s, t in pairs:
        ss, tt = s & keep_s, t & keep_t
        if ss and tt:
            together.update((a, b) for a in ss for b in tt)
    out: dict[str, set[str]] = {}
    for (a, b), c in together.items():
        if c >= MIN_PAIRS and a != b and 2 * c / (n_src[a] + n_tgt[b]) >= MIN_DICE:
            out.setdefault(a, set()).add(b)
    return out
