"""The anonymisation register: real identifying data.

Its contents must never reach reports, exports or logs, so ``repr`` masks them and nothing in
this class formats an original into a string.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

REGISTER_TYPES = ("person", "place", "organisation", "date", "other")


@dataclass(frozen=True, slots=True)
class RegisterEntry:
    original: str
    replacement: str
    type: str = "other"
    variants: tuple[str, ...] = ()
    row: int = 0

    def __repr__(self) -> str:  # never show the original
        return f"RegisterEntry(row={self.row}, type={self.type!r}, replacement={self.replacement!r})"

    __str__ = __repr__

    @property
    def spellings(self) -> tuple[str, ...]:
        return (self.original, *self.variants)


@dataclass(slots=True)
class Register:
    entries: list[RegisterEntry] = field(default_factory=list)
    path: Path | None = None

    def __repr__(self) -> str:
        return f"Register({len(self.entries)} entries)"

    __str__ = __repr__

    def __len__(self) -> int:
        return len(self.entries)
