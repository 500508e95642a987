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


def solve(band: Band, costs: dict[tuple[int, int], np.ndarray], insert_cost: float) -> list[tuple[int, int]] | None:
    """The cheapest path as a list of bead types from start to end, or None if no path.

    ``costs[(a, b)][i, w]`` is the cost of the bead of ``a`` source and ``b`` translation
    segments ending at cell ``(i, lo[i] + w)`` (inf where impossible); a 0-1 bead costs
    ``insert_cost`` anywhere. Per row: one gather of every bead type's predecessors, one
    minimum, and a running minimum for the 0-1 moves along the row. Choices are not stored:
    the backtrace recomputes them on the path alone.
    """
    n, m, lo, W = band.n, band.m, band.lo, band.width
    types = [t for t in BEAD_TYPES if t in costs]
    maxb = max(b for _, b in types)
    jump = max((int(np.max(lo[a:] - lo[:-a])) for a in {a for a, _ in types} if n >= a), default=0)
    left = maxb + 1
    P = left + W + jump + 1
    D = np.full((n + 1) * P + 1, np.inf)  # flat; the last cell is an "impossible" sentinel
    sentinel = (n + 1) * P
    rows = np.arange(n + 1)
    cols = np.arange(W)
    idx = np.empty((n + 1, len(types), W), dtype=np.int64)
    for t, (a, b) in enumerate(types):
        prev = np.clip(rows - a, 0, n)
        start = prev * P + left + lo - b - lo[prev]
        idx[:, t, :] = np.where((rows >= a)[:, None], start[:, None] + cols[None, :], sentinel)
    stacked = np.stack([costs[t] for t in types], axis=1)  # (n + 1, T, W)
    ramp = insert_cost * cols
    D[left:left + W] = ramp
    for i in range(1, n + 1):
        A = (D[idx[i]] + stacked[i]).min(0)
        D[i * P + left:i * P + left + W] = np.minimum.accumulate(A - ramp) + ramp
    end_w = m - lo[n]
    if not (0 <= end_w < W) or not np.isfinite(D[n * P + left + end_w]):
        return None
    path: list[tuple[int, int]] = []
    i, j = n, m
    while i > 0 or j > 0:
        w = j - lo[i]
        here = D[i * P + left + w]
        tol = 1e-7 * max(1.0, abs(here))
        for t, (a, b) in enumerate(types):
            if i >= a and abs(D[idx[i, t, w]] + stacked[i, t, w] - here) <= tol:
                break
        else:
            a, b = INSERT
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
