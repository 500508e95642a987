"""Findings: what a check reports, in the shape of the JSON contract."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from typing import Literal

Side = Literal["source", "translation", "both"]


class Severity(IntEnum):
    """Ordered so that ``finding.severity >= Severity.WARNING`` reads naturally."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, name: str) -> "Severity":
        try:
            return cls[name.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {name!r} (use error, warning or info)") from None

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem at one place.

    ``span`` is ``[start, end)`` in the ``text`` of the single segment on ``side``, or None
    when the whole segment (or several) is meant. ``evidence`` is the text the check matched;
    a waiver is bound to it, so the waiver lapses when the text changes.
    """

    check: str
    severity: Severity
    message: str
    source_lines: tuple[int, ...] = ()
    translation_lines: tuple[int, ...] = ()
    side: Side = "translation"
    span: tuple[int, int] | None = None
    evidence: str | None = None
    transcript: str | None = None

    @property
    def category(self) -> str:
        return self.check.split(".", 1)[0]

    @property
    def first_line(self) -> int:
        lines = self.source_lines or self.translation_lines
        return lines[0] if lines else 0

    def to_json(self) -> dict[str, object]:
        return {
            "check": self.check,
            "severity": str(self.severity),
            "source_lines": list(self.source_lines),
            "translation_lines": list(self.translation_lines),
            "side": self.side,
            "span": list(self.span) if self.span is not None else None,
            "message": self.message,
        }
