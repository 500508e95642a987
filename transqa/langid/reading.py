"""One segment read as (supposedly) English: is it English, wholly or in part?

Combines the word evidence (:mod:`evidence`), windows (:mod:`windows`) and script evidence
into one :class:`Reading`, which the ``untranslated.*`` checks only report. The whole-segment
language identifier is not called here (only its per-word character model, inside
:mod:`evidence`); the checks call it to name the language of a segment that reads as wholly
non-English, or to decide segments that have no aligned source.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from transqa.langid.evidence import ENGLISH, ENGLISH_WEAK, FOREIGN, FOREIGN_WEAK, scores_of, spans
from transqa.langid.script_evidence import token_script
from transqa.langid.windows import MIN_FOREIGN, WIDTH, foreign_runs, script_runs
from transqa.text.scripts import LATIN, OTHER

MIN_WORDS = 3  # fewer words ("Yes.", "Ja.", "Mm-hmm.", a name) are never a finding
MAX_ENGLISH_SHARE = 0.25  # a whole segment is non-English when at most this share reads English
MIN_FOREIGN_SUM = 2.0  # ... and it has at least this much positive evidence
WHOLE_COVER = 0.8  # or when non-English windows cover this share of its words


class Reading(NamedTuple):
    """What :func:`read_english` found in one segment.

    A named tuple rather than a frozen dataclass: one is made per segment, and a frozen
    dataclass costs twice as much to build.
    """

    words: int
    english: int  # words that read as English
    common: int  # ... of which common English words (the top ~2,000: "the", "said")
    foreign: float  # summed non-English evidence
    whole: bool  # the segment as a whole is not English
    stretches: tuple[tuple[int, int], ...]  # char spans of non-English clauses (partial)
    script_spans: tuple[tuple[int, int], ...]  # char spans of >= 2 non-Latin-script words

    @property
    def english_share(self) -> float:
        content = self.english + self.foreign
        return self.english / content if content else 1.0


def read_english(
    text: str,
    *,
    source: frozenset[str] | None = None,
    sources: Sequence[frozenset[str]] = (),
    source_lang: str | None = None,
    neutral: Sequence[tuple[int, int]] = (),
    code: re.Pattern[str] | None = None,
    width: int = WIDTH,
    min_foreign: float = MIN_FOREIGN,
) -> Reading:
    """How much of ``text`` reads as English; where it does not (windows of ``width`` words).

    ``source``: the aligned source segment's words (:func:`~transqa.langid.evidence.source_words`);
    or ``sources``: several such sets (the segment's and its neighbours'), spared the union.
    """
    pairs, scores = scores_of(text, (source, *sources) if source else sources, source_lang, neutral, code)
    n = len(scores)
    # Scores take only five values, so counting them is C-speed work.
    common = scores.count(ENGLISH)
    english = common + scores.count(ENGLISH_WEAK)
    foreign = scores.count(FOREIGN) + FOREIGN_WEAK * scores.count(FOREIGN_WEAK)
    runs = foreign_runs(scores, width, min_foreign) if foreign >= min_foreign else []
    covered = sum(j - i for i, j in runs) if runs else 0
    content = english + foreign
    whole = n >= MIN_WORDS and foreign >= MIN_FOREIGN_SUM and (
        (content and english / content <= MAX_ENGLISH_SHARE) or covered >= WHOLE_COVER * n
    )
    at = spans(text) if runs else None
    stretches = tuple((at[i][0], at[j - 1][1]) for i, j in runs) if at else ()
    script_spans: tuple[tuple[int, int], ...] = ()
    if not text.isascii():
        flags = [not w.isascii() and token_script(w) not in (LATIN, OTHER) for _, w in pairs]
        if sum(flags) >= 2:
            at = at or spans(text)
            script_spans = tuple((at[i][0], at[j - 1][1]) for i, j in script_runs(scores, flags))
    return Reading(n, english, common, foreign, bool(whole), stretches, script_spans)
