"""What check functions receive: a document (one transcript pair, aligned) and its units."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from transqa.checks.settings import CheckSettings
from transqa.model.alignment import Bead
from transqa.model.transcript import Segment, TranscriptPair


@dataclass(frozen=True, slots=True)
class Unit:
    """One aligned bead with its segments: what UNIT checks look at."""

    index: int
    source: tuple[Segment, ...]
    translation: tuple[Segment, ...]
    score: float

    @property
    def kind(self) -> str:
        return f"{len(self.source)}-{len(self.translation)}"

    @property
    def source_lines(self) -> tuple[int, ...]:
        return tuple(s.line for s in self.source)

    @property
    def translation_lines(self) -> tuple[int, ...]:
        return tuple(s.line for s in self.translation)

    @property
    def source_text(self) -> str:
        return " ".join(s.text for s in self.source)

    @property
    def translation_text(self) -> str:
        return " ".join(s.text for s in self.translation)


@dataclass(slots=True)
class Document:
    """One transcript pair after alignment, plus a cache checks may share within the document.

    ``cache`` lets several checks reuse one costly computation (e.g. language identification
    per segment) without the runner knowing about it; key it by check module name.
    """

    pair: TranscriptPair
    beads: list[Bead]
    settings: CheckSettings
    cache: dict[str, Any] = field(default_factory=dict)
    units: list[Unit] = field(init=False)

    def __post_init__(self) -> None:
        src = self.pair.source.segments
        tgt = self.pair.translation.segments if self.pair.translation else []
        self.units = [
            Unit(i, tuple(src[j] for j in b.source), tuple(tgt[j] for j in b.translation), b.score)
            for i, b in enumerate(self.beads)
        ]

    @property
    def id(self) -> str:
        return self.pair.id

    @property
    def source_lang(self) -> str | None:
        return self.pair.source_lang or self.pair.source.language

    @property
    def target_lang(self) -> str:
        return self.pair.target_lang

    @property
    def has_translation(self) -> bool:
        return self.pair.translation is not None

    def segments(self, side: str) -> list[Segment]:
        if side == "source":
            return self.pair.source.segments
        return self.pair.translation.segments if self.pair.translation else []

    def language(self, side: str) -> str | None:
        return self.source_lang if side == "source" else self.target_lang
