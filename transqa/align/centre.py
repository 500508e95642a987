"""Where the band runs: the line through the alignment matrix the programme searches around.

The cumulative-length diagonal (each side's text read at the same pace), bent through names
and numbers said exactly once on each side when they agree; in the second pass, the first
pass's own path.
"""

from __future__ import annotations

from collections import Counter

import numpy as np

from transqa.align.pairdata import PairData

CHAIN_TRUST = 0.6  # share of once-only anchors that must agree before they bend the band


def length_diagonal(doc: PairData) -> np.ndarray:
    """For each source position, the translation position at the same share of the text."""
    fs = np.concatenate(([0.0], np.cumsum(doc.src.lengths + 1.0)))
    ft = np.concatenate(([0.0], np.cumsum(doc.tgt.lengths + 1.0)))
    return np.interp(fs / fs[-1] * ft[-1], ft, np.arange(len(doc.tgt) + 1))


def anchor_diagonal(doc: PairData, diag: np.ndarray) -> np.ndarray:
    """The length diagonal bent through anchors found exactly once on each side.

    Like hunalign's partialAlign on hapaxes: a name or number said once and translated once
    pins the pair, wherever lengths have drifted (a skipped page, another ratio in one part).
    The longest monotone chain of such points is kept; isolated points far off their
    neighbours' course are dropped. True anchors nearly all fall on one chain; when most do
    not, they are chance matches and the length diagonal is returned unchanged.
    """
    fs = np.concatenate(([0.0], np.cumsum(doc.src.lengths + 1.0)))
    ft = np.concatenate(([0.0], np.cumsum(doc.tgt.lengths + 1.0)))
    once_s: dict[str, int] = {}
    seen: set[str] = set()
    for side in (doc.src, doc.tgt):
        counts = Counter(k for keys in side.anchors for k in keys)
        seen |= {k for k, c in counts.items() if c > 1}
    for i, keys in enumerate(doc.src.anchors):
        for k in keys:
            if k not in seen:
                once_s[k] = i
    points = {(once_s[k], j) for j, keys in enumerate(doc.tgt.anchors) for k in keys if k in once_s}
    ci = Counter(i for i, _ in points)
    cj = Counter(j for _, j in points)
    candidates = sorted(p for p in points if ci[p[0]] == 1 and cj[p[1]] == 1)
    chain = _longest_chain(candidates)
    if len(chain) < 2 or len(chain) < CHAIN_TRUST * len(candidates):
        return diag  # few anchors, or mostly chance matches (no order among them): not a guide
    off = np.array([j - diag[i] for i, j in chain])
    med = _running_median(off, 2)
    chain = [p for p, d, md in zip(chain, off, med) if abs(d - md) <= 8]
    if len(chain) < 2:
        return diag
    xs = np.array([0.0] + [(fs[i] + fs[i + 1]) / 2 for i, _ in chain] + [fs[-1]])
    ys = np.array([0.0] + [(ft[j] + ft[j + 1]) / 2 for _, j in chain] + [ft[-1]])
    keep = np.concatenate(([True], (np.diff(xs) > 0) & (np.diff(ys) >= 0)))
    return np.interp(np.interp(fs, xs[keep], ys[keep]), ft, np.arange(len(doc.tgt) + 1))


def _running_median(x: np.ndarray, half: int) -> np.ndarray:
    """Median of each ``x[k - half : k + half + 1]`` (shorter windows at the ends)."""
    out = np.empty(len(x))
    width = 2 * half + 1
    if len(x) >= width:
        out[half:len(x) - half] = np.median(np.lib.stride_tricks.sliding_window_view(x, width), axis=1)
        ends = [*range(half), *range(len(x) - half, len(x))]
    else:
        ends = list(range(len(x)))
    for k in ends:
        out[k] = np.median(x[max(0, k - half):k + half + 1])
    return out


def _longest_chain(points: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Longest subsequence increasing in both coordinates (points sorted by the first, which
    is never repeated)."""
    tails: list[int] = []  # tails[k] = index of the smallest last j of a chain of length k+1
    prev = [-1] * len(points)
    for k, (_, j) in enumerate(points):
        lo, hi = 0, len(tails)
        while lo < hi:
            mid = (lo + hi) // 2
            if points[tails[mid]][1] < j:
                lo = mid + 1
            else:
                hi = mid
        prev[k] = tails[lo - 1] if lo > 0 else -1
        if lo == len(tails):
            tails.append(k)
        else:
            tails[lo] = k
    out, k = [], tails[-1] if tails else -1
    while k >= 0:
        out.append(points[k])
        k = prev[k]
    return out[::-1]


def path_centre(path: list[tuple[int, int]], n: int) -> np.ndarray:
    """The translation position where a path leaves each source row."""
    centre = np.zeros(n + 1)
    i = j = 0
    for a, b in path:
        i, j = i + a, j + b
        centre[i] = j
    return np.maximum.accumulate(centre)
