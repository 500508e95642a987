"""All identifier detectors over one segment, in the order that lets each explain spans away.

Placeholders first (``[P3]`` is never a name), then register hits, then shaped identifiers
(phones, e-mails, …), then names and places on what is left. The result is computed once per
segment and shared by all anonymisation checks through ``doc.cache``.
"""

from __future__ import annotations

from dataclasses import dataclass

from transqa.identifiers.names import detect as detect_names
from transqa.identifiers.names import title_before
from transqa.identifiers.patterns import Match, find_all
from transqa.identifiers.placeholders import Placeholder, blank_outs, placeholders
from transqa.identifiers.register_match import RegisterHit, RegisterMatcher
from transqa.text.normalise import fold


@dataclass(slots=True)
class SegmentAnalysis:
    placeholders: list[Placeholder]
    register: list[RegisterHit]
    patterns: list[Match]
    names: list[Match]
    blanks: list[tuple[int, int]]


def fold_allow(allow: frozenset[str] | set[str] | tuple[str, ...]) -> frozenset[str]:
    return frozenset(fold(a) for a in allow if a.strip())


def analyse(
    text: str,
    lang: str | None,
    *,
    matcher: RegisterMatcher | None,
    code_pattern: str,
    descriptors: frozenset[str],
    allow: frozenset[str] = frozenset(),
    lower_vocab: frozenset[str] = frozenset(),
    with_names: bool = True,
) -> SegmentAnalysis:
    ph = placeholders(text, code_pattern, descriptors)
    skip = [(p.start, p.end) for p in ph]
    reg = [h for h in matcher.find(text, lang) if not _inside(h.start, skip)] if matcher is not None else []
    # A misspelt register place or organisation right after a personal title ("Dr. Mushi" near a
    # register village "Mulshi") is a person: the title is the stronger cue, the names detector
    # reports it. Exact and inflected register hits stay register hits.
    reg = [h for h in reg if not (h.method == "fuzzy" and h.entry.type != "person" and title_before(text, h.start))]
    skip += [(h.start, h.end) for h in reg]
    pats = find_all(text)  # a new list: filtered below only when there is something to filter
    if pats:
        if skip:
            pats = [m for m in pats if not _inside(m.start, skip)]
        if allow:
            pats = [m for m in pats if fold(text[m.start:m.end]) not in allow]
        skip += [(m.start, m.end) for m in pats]
    names = detect_names(text, lang, allow=allow, lower_vocab=lower_vocab, skip=skip) if with_names else []
    if allow and names:
        names = [m for m in names if fold(text[m.start:m.end]) not in allow]
    blanks = blank_outs(text)
    if blanks and skip:
        blanks = [b for b in blanks if not _inside(b[0], skip)]
    return SegmentAnalysis(ph, reg, pats, names, blanks)


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)
