"""A banded dynamic programme over bead types, vectorised by rows with numpy.

Cells are ``(i, j)`` = "the first ``i`` source and ``j`` translation segments are aligned".
Only a band of ``W`` columns per row is kept: row ``i`` holds ``j = lo[i] .. lo[i] + W - 1``.
The caller supplies the cost of every bead type at every cell in these band coordinates
(``inf`` where the bead is impossible) and the gap costs; the programme knows nothing about
languages.

Why rows and not cells: a Python loop over 5,000 x 41 cells x 7 bead types is seconds; a loop
over 5,000 rows doing a dozen numpy operations each is a tenth of that.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

# (source count, translation count). 1-0 and 0-1 are gaps, handled apart (see Gaps).
BEAD_TYPES: tuple[tuple[int, int], ...] = ((1, 1), (2, 1), (1, 2), (2, 2), (3, 1), (1, 3))
INSERT, DELETE = (0, 1), (1, 0)


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


@dataclass(frozen=True, slots=True)
class Gaps:
    """Costs of 1-0 and 0-1 beads: the first of a run, and each further one.

    Affine, as in sequence alignment (Gotoh 1982): a translator who skips a passage skips
    several turns at once, and forty omitted turns should cost less than forty separate
    omissions, or the programme prefers to scatter them as merges of unrelated turns.
    """

    open: float
    extend: float


def solve(band: Band, types: Sequence[tuple[int, int]], costs: np.ndarray, gaps: Gaps) -> list[tuple[int, int]] | None:
    """The cheapest path as a list of bead types from start to end, or None if no path.

    ``costs[t, i, w]`` is the cost of a bead of type ``types[t]`` (``a`` source and ``b``
    translation segments, both at least 1) ending at cell ``(i, lo[i] + w)``, inf where
    impossible (also wherever ``i < a``). 1-0 and 0-1 beads cost ``gaps``.

    Three tables, as in Gotoh's algorithm: ``E`` (the path ends in a run of 1-0 beads),
    ``A`` (best without ending in 0-1), ``D`` (best). Per row: one gather of every bead
    type's predecessors, a minimum, and a running minimum for runs of 0-1 along the row.
    Choices are not stored: the backtrace recomputes them on the path alone.
    """
    n, m, lo, W = band.n, band.m, band.lo, band.width
    T = len(types)
    maxb = max(b for _, b in types)
    jump = max((int(np.max(lo[a:] - lo[:-a])) for a in {1, *(a for a, _ in types)} if n >= a), default=0)
    left = maxb + 1
    P = left + W + jump + 1
    # D and E share one flat buffer (E after D) so that one gather per row reads every
    # predecessor: each bead type's from D, and the 1-0 run's from D and E in the row above.
    DE = np.full(2 * (n + 1) * P, np.inf)  # row i of D at i * P + left; of E at (n + 1 + i) * P + left
    D, E = DE[: (n + 1) * P], DE[(n + 1) * P:]
    A = np.full((n + 1) * P, np.inf)
    rows = np.arange(n + 1)
    cols = np.arange(W)
    base = np.empty((n + 1, T), dtype=np.int64)  # where each type's predecessors start
    for t, (a, b) in enumerate(types):
        prev = np.clip(rows - a, 0, n)
        base[:, t] = prev * P + left + lo - b - lo[prev]  # rows i < a: any cell, the cost is inf
    up = np.maximum(rows - 1, 0) * P + left + lo - lo[np.maximum(rows - 1, 0)]  # same j, row above
    o, e = gaps.open, gaps.extend
    # Per row: candidates = DE[gather[i]] + step[i], shape (T + 2, W): the T bead types, then
    # "open a 1-0 run" (D above + o) and "extend it" (E above + e).
    gather = np.concatenate((base, up[:, None], up[:, None] + (n + 1) * P), axis=1)[:, :, None] + cols
    step = np.empty((n + 1, T + 2, W))
    step[:, :T] = costs.transpose(1, 0, 2)
    step[:, T] = o
    step[:, T + 1] = e
    ramp = e * cols
    run_cost = ramp + (o - e)  # a run of 0-1 from column k to w costs o + e * (w - k - 1)
    A[left] = 0.0
    D[left:left + W] = np.concatenate(([0.0], run_cost[1:]))
    run = np.empty(W)
    run[0] = np.inf
    minimum, subtract, accumulate = np.minimum, np.subtract, np.minimum.accumulate
    for i in range(1, n + 1):
        r = i * P + left
        cand = DE[gather[i]]
        cand += step[i]
        e_row = E[r:r + W]
        minimum(cand[T], cand[T + 1], out=e_row)
        a_row = A[r:r + W]
        cand.min(0, out=a_row)  # includes the 1-0 candidates: A = min(beads, E)
        # D: A, or a run of 0-1 from an earlier column k: min over k < w of A[k] - e * k.
        subtract(a_row[:-1], ramp[:-1], out=run[1:])
        accumulate(run, out=run)
        run += run_cost
        minimum(a_row, run, out=D[r:r + W])
    end_w = m - lo[n]
    if not (0 <= end_w < W) or not np.isfinite(D[n * P + left + end_w]):
        return None
    return _backtrace(band, types, costs, D, A, E, base, up, left, P, gaps)


def _close(x: float, y: float) -> bool:
    """``x`` (a candidate's cost, maybe inf) equals ``y`` (a finite cost on the path)."""
    return abs(x - y) <= 1e-7 * max(1.0, abs(y))


def _backtrace(
    band: Band,
    types: Sequence[tuple[int, int]],
    costs: np.ndarray,
    D: np.ndarray,
    A: np.ndarray,
    E: np.ndarray,
    base: np.ndarray,
    up: np.ndarray,
    left: int,
    P: int,
    gaps: Gaps,
) -> list[tuple[int, int]]:
    """Walk back from the end, re-deriving at each cell which move produced its cost.

    Values are read one at a time as Python floats (``item``): the walk is a scalar loop."""
    lo, base = band.lo.tolist(), base.tolist()
    d_at, a_at, e_at, cost_at = D.item, A.item, E.item, costs.item
    o, e = gaps.open, gaps.extend
    path: list[tuple[int, int]] = []
    i, j, state = band.n, band.m, "D"
    while i > 0 or j > 0:
        w = j - lo[i]
        r = i * P + left
        if state == "D":
            state = "A"
            d = d_at(r + w)
            if abs(a_at(r + w) - d) > 1e-7 * max(1.0, abs(d)):  # not _close: ends in a run of 0-1, find its start
                k = w - 1
                while not _close(a_at(r + k) + o + e * (w - k - 1), d):
                    k -= 1
                path += [INSERT] * (w - k)
                j = lo[i] + k
            continue
        if state == "A":
            here = a_at(r + w)
            if _close(e_at(r + w), here):
                state = "E"
                continue
            tol = 1e-7 * max(1.0, abs(here))  # _close, inline: this is the hot loop
            for t, (a, b) in enumerate(types):
                if i >= a and abs(d_at(base[i][t] + w) + cost_at(t, i, w) - here) <= tol:
                    break
            path.append((a, b))
            i, j, state = i - a, j - b, "D"
            continue
        # state E: a run of 1-0 ending here
        path.append(DELETE)
        state = "D" if _close(d_at(int(up[i]) + w) + o, e_at(r + w)) else "E"
        i -= 1
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
