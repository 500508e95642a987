"""Glossary terms as concepts: one source term, its approved renderings, its forbidden ones."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from transqa.text.normalise import fold


@dataclass(frozen=True, slots=True)
class Term:
    """One concept. ``targets`` are approved alternatives, the first preferred.

    A term whose approved target equals its source is kept untranslated (``boda boda``).
    """

    source: str
    targets: tuple[str, ...]
    forbidden: tuple[str, ...] = ()
    source_lang: str | None = None
    note: str = ""

    @property
    def preferred(self) -> str:
        return self.targets[0] if self.targets else ""

    @property
    def keep_as_is(self) -> bool:
        src = fold(self.source)
        return any(fold(t) == src for t in self.targets)


@dataclass(slots=True)
class Glossary:
    terms: list[Term] = field(default_factory=list)
    paths: tuple[Path, ...] = ()

    def for_language(self, lang: str | None) -> list[Term]:
        """Terms for a source language; terms without a language apply to every language."""
        return [t for t in self.terms if t.source_lang in (None, "", lang)]

    def merged(self, other: "Glossary") -> "Glossary":
        return Glossary(self.terms + other.terms, self.paths + other.paths)
