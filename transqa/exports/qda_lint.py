"""Lint a transcript's paragraphs the way MAXQDA's focus-group import will read them.

MAXQDA (manual "Importing focus group transcripts") makes every paragraph that starts with a
name and a colon within its first 63 characters a speaker, and matches names
**case-sensitively**: ``p01:`` and ``P01:`` become two speakers, and ``Note: …`` or
``Translator's note: …`` becomes a speaker too. NVivo's autocode-by-speaker has the same
weakness. These problems are silent in the QDA tool, so the export reports them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

MAX_LABEL = 63


@dataclass(frozen=True, slots=True)
class LintIssue:
    paragraph: int  # 1-based among the lines given
    kind: str  # case-variant | too-long | stray-colon
    message: str


def label_of(paragraph: str) -> str | None:
    """The speaker name MAXQDA would take from this paragraph, or None (no colon in reach)."""
    head = paragraph[: MAX_LABEL + 1]
    pos = head.find(":")
    if pos <= 0:
        return None
    name = paragraph[:pos].strip()
    return name or None


def lint_paragraphs(paragraphs: Sequence[str], speakers: Sequence[str | None] | None = None) -> list[LintIssue]:
    """Issues in ``paragraphs`` (one turn each). ``speakers`` (same length) names the label each
    paragraph was meant to carry (None = no label), so colons in the speech itself are caught."""
    issues: list[LintIssue] = []
    first_spelling: dict[str, tuple[str, int]] = {}
    reported: set[tuple[str, str]] = set()
    for i, para in enumerate(paragraphs, 1):
        meant = speakers[i - 1] if speakers is not None else None
        label = label_of(para)
        if meant is not None and len(meant) > MAX_LABEL:
            issues.append(LintIssue(i, "too-long", f"paragraph {i}: speaker name of {len(meant)} characters "
                                                   f"(MAXQDA allows {MAX_LABEL}) will not be recognised"))
        if speakers is not None and meant is None and label is not None:
            issues.append(LintIssue(i, "stray-colon", f"paragraph {i}: no speaker label in the transcript, but "
                                                      f"{label!r} before a colon will be imported as a speaker"))
        name = meant if meant is not None else label
        if name is None:
            continue
        key = name.casefold()
        if key in first_spelling and first_spelling[key][0] != name:
            other, at = first_spelling[key]
            pair = tuple(sorted((other, name)))
            if pair not in reported:
                reported.add(pair)  # type: ignore[arg-type]
                issues.append(LintIssue(i, "case-variant", f"paragraph {i}: speaker {name!r} differs only in case "
                                                           f"from {other!r} (paragraph {at}); MAXQDA makes them two "
                                                           "speakers"))
        else:
            first_spelling.setdefault(key, (name, i))
    return issues
