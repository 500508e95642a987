"""Beads: the aligner's output, one per group of source and translation segments."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Bead:
    """Indices (not line numbers) into the source and translation segment lists.

    Either tuple may be empty (1-0 = a turn with no translation, 0-1 = an added line), never
    both. ``score`` is a confidence in [0, 1]; 0 for 1-0 and 0-1 beads.
    """

    source: tuple[int, ...]
    translation: tuple[int, ...]
    score: float

    @property
    def kind(self) -> str:
        return f"{len(self.source)}-{len(self.translation)}"
