"""Sliding windows over word scores: where a stretch of a segment is not English.

A partly untranslated segment is English with a clause of source-language words inside; a
window of ~6 words that is mostly source-language evidence, with at most one common English
word, finds it, while the odd name or loanword (one or two words) never fills a window.
"""

from __future__ import annotations

from collections.abc import Sequence

WIDTH = 6  # words per window: the shortest clause we promise to find
MIN_FOREIGN = 3.5  # summed positive evidence needed in a window
MAX_ENGLISH = 1  # common English words (score <= -1) tolerated in a window


def foreign_runs(
    scores: Sequence[float], width: int = WIDTH, min_foreign: float = MIN_FOREIGN, max_english: int = MAX_ENGLISH
) -> list[tuple[int, int]]:
    """Token index ranges ``[i, j)`` covered by non-English windows, merged and trimmed to evidence."""
    n = len(scores)
    if n < width:
        return []
    pos = [0.0] * (n + 1)
    eng = [0] * (n + 1)
    for i, s in enumerate(scores):
        pos[i + 1] = pos[i] + (s if s > 0 else 0.0)
        eng[i + 1] = eng[i] + (1 if s <= -1.0 else 0)
    runs: list[tuple[int, int]] = []
    for i in range(n - width + 1):
        j = i + width
        if pos[j] - pos[i] >= min_foreign and eng[j] - eng[i] <= max_english:
            if runs and i <= runs[-1][1]:
                runs[-1] = (runs[-1][0], j)
            else:
                runs.append((i, j))
    out = []
    for i, j in runs:
        while i < j and scores[i] <= 0:
            i += 1
        while j > i and scores[j - 1] <= 0:
            j -= 1
        if i < j:
            out.append((i, j))
    return out


def script_runs(scores: Sequence[float], foreign_script: Sequence[bool], min_words: int = 2) -> list[tuple[int, int]]:
    """Token ranges of >= ``min_words`` consecutive non-Latin-script words (neutral words bridge)."""
    out: list[tuple[int, int]] = []
    start = None
    count = 0
    last = -1
    for i, fs in enumerate(foreign_script):
        if fs:
            if start is None:
                start, count = i, 0
            count += 1
            last = i
        elif start is not None and scores[i] != 0:
            if count >= min_words:
                out.append((start, last + 1))
            start = None
    if start is not None and count >= min_words:
        out.append((start, last + 1))
    return out
