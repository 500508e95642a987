"""A banded dynamic programme over bead types, vectorised by rows with numpy.

Cells are ``(i, j)`` = "the first ``i`` source and ``j`` translation segments are aligned".
Only a band of ``W`` columns per row is kept: row ``i`` holds ``j = lo[i] .. lo[i] + W - 1``.
The caller supplies one cost array per bead type in these band coordinates (``inf`` where the
bead is impossible); the programme itself knows nothing about languages.

Why rows and not cells: a Python loop over 5,000 x 41 cells x 7 bead types is seconds; a loop
over 5,000 rows doing a dozen numpy operations each is a tenth of that.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

# (source count, translation count). 0-1 is handled separately: it moves within a row.
BEAD_TYPES: tuple[tuple[int, int], ...] = ((1, 1), (1, 0), (2, 1), (1, 2), (2, 2), (3, 1), (1, 3))
INSERT = (0, 1)


@dataclass(slots=True)
class Band:
    n: int
    m: int
    lo: np.ndarray  # int, shape (n + 1,)
    width: int

    @property
    def cols(self) -> np.ndarray:
        """Translation index ``j`` of every cell, shape (n + 1, width)."""
        return self.lo[:, None] + np.arange(self.width)[None, :]


def make_band(centre: np.ndarray, m: int, half: int) -> Band | None:
    """A band of ±half around ``centre`` (one translation position per source row).

    None when consecutive rows would not overlap (the caller widens and retries).
    """
    n = len(centre) - 1
    width = min(2 * half + 1, m + 1)
    lo = np.clip(np.round(centre).astype(np.int64) - half, 0, m + 1 - width)
    lo = np.maximum.accumulate(lo)
    lo[0] = 0
    if n > 0 and np.any(np.diff(lo) > width - 2) and width < m + 1:
        return None
    return Band(n, m, lo, width)


def solve(band: Band, costs: dict[tuple[int, int], np.ndarray], insert_cost: np.ndarray) -> list[tuple[int, int]] | None:
    """The cheapest path as a list of bead types from start to end, or None if no path.

    ``costs[(a, b)][i, w]`` is the cost of the bead of ``a`` source and ``b`` translation
    segments ending at cell ``(i, lo[i] + w)``; ``insert_cost[i, w]`` that of a 0-1 bead.
    """
    n, m, lo, W = band.n, band.m, band.lo, band.width
    types = [t for t in BEAD_TYPES if t in costs]
    maxa = max(a for a, _ in types)
    maxb = max(b for _, b in types)
    jump = int(np.max(lo[maxa:] - lo[:-maxa])) if n >= maxa else int(lo[-1])
    left, right = maxb + 1, jump + 1
    inf = np.inf
    D = np.full((n + 1, left + W + right), inf)
    back = np.zeros((n + 1, W), dtype=np.int8)  # index into types, or -1 for 0-1
    cols = np.arange(W)
    nt = len(types)
    cand = np.empty((nt, W))
    # Row 0: only insertions from (0, 0).
    row0 = np.cumsum(np.concatenate(([0.0], insert_cost[0, 1:])))
    row0[lo[0] + cols > m] = inf
    D[0, left:left + W] = row0
    back[0, 1:] = -1
    for i in range(1, n + 1):
        for t, (a, b) in enumerate(types):
            if a > i:
                cand[t] = inf
                continue
            off = left + lo[i] - b - lo[i - a]
            cand[t] = D[i - a, off:off + W] + costs[(a, b)][i]
        best = cand.argmin(0)
        A = cand[best, cols]
        # 0-1 moves along the row: D[w] = min over k <= w of A[k] + sum(insert[k+1..w]).
        ins = insert_cost[i]
        C = np.cumsum(ins)
        run = np.minimum.accumulate(A - C)
        Drow = run + C
        from_ins = Drow < A - 1e-9
        Drow[lo[i] + cols > m] = inf
        D[i, left:left + W] = Drow
        b_row = best.astype(np.int8)
        b_row[from_ins] = -1
        back[i] = b_row
    end_w = m - lo[n]
    if not (0 <= end_w < W) or not np.isfinite(D[n, left + end_w]):
        return None
    path: list[tuple[int, int]] = []
    i, j = n, m
    while i > 0 or j > 0:
        w = j - lo[i]
        k = back[i, w]
        a, b = INSERT if k < 0 else types[k]
        path.append((a, b))
        i, j = i - a, j - b
    path.reverse()
    return path


def touches_edge(band: Band, path: list[tuple[int, int]], margin: int = 2) -> bool:
    """Whether the path runs along the band's edge, where the band may have cut it off."""
    i = j = 0
    lo, W, m = band.lo, band.width, band.m
    for a, b in path:
        i, j = i + a, j + b
        w = j - lo[i]
        if (w < margin and lo[i] > 0) or (w > W - 1 - margin and lo[i] + W - 1 < m):
            return True
    return False
