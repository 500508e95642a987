"""The check registry.

Every check is one small function registered explicitly with :func:`check`, in the spirit of
Translate Toolkit's filters: an id ``category.name``, a default severity, the scope it works
on, and a docstring whose first line is its one-line description and whose body becomes its
documentation (``docs/checks.md`` is generated from here). The runner only ever iterates the
registry; a new check is added by registering it, never by editing the runner.

Scopes (what the function receives):

* ``SEGMENT``  ``fn(segment, side, doc)``: every segment of each side, alone. Runs also when a
  transcript is checked without a counterpart.
* ``UNIT``     ``fn(unit, doc)``: every aligned bead (source segments + translation segments).
* ``DOCUMENT`` ``fn(doc)``: one transcript pair as a whole (order, consistency, alignment).
* ``PROJECT``  ``fn(docs)``: all transcripts of one run; yields ``(doc, hit)`` pairs.

Functions yield :class:`Hit` objects; the runner turns them into :class:`Finding` objects with
the check's id, severity and the lines of the unit/segment, so a check states only what is
particular to it.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from transqa.model.findings import Severity, Side


class Scope(str, Enum):
    SEGMENT = "segment"
    UNIT = "unit"
    DOCUMENT = "document"
    PROJECT = "project"


CATEGORIES = (
    "alignment",
    "untranslated",
    "glossary",
    "consistency",
    "numbers",
    "anonymisation",
    "format",
)


@dataclass(slots=True)
class Hit:
    """What a check function yields. Unset line fields default to the unit or segment."""

    message: str
    side: Side = "translation"
    span: tuple[int, int] | None = None
    source_lines: tuple[int, ...] | None = None
    translation_lines: tuple[int, ...] | None = None
    severity: Severity | None = None
    evidence: str | None = None


@dataclass(frozen=True, slots=True)
class CheckInfo:
    id: str
    severity: Severity
    scope: Scope
    func: Callable[..., Iterable[Any]]
    description: str
    doc: str
    needs_translation: bool = True
    example: str = ""
    silence: str = ""
    sides: tuple[Side, ...] = ("source", "translation")

    @property
    def category(self) -> str:
        return self.id.split(".", 1)[0]


@dataclass(slots=True)
class Registry:
    checks: dict[str, CheckInfo] = field(default_factory=dict)

    def register(self, info: CheckInfo) -> None:
        if info.id in self.checks:
            raise ValueError(f"check {info.id!r} registered twice")
        self.checks[info.id] = info

    def __iter__(self) -> Iterator[CheckInfo]:
        return iter(sorted(self.checks.values(), key=lambda c: c.id))

    def __len__(self) -> int:
        return len(self.checks)

    def __getitem__(self, check_id: str) -> CheckInfo:
        return self.checks[check_id]

    def __contains__(self, check_id: object) -> bool:
        return check_id in self.checks

    def select(self, patterns: Iterable[str] | None = None, ignore: Iterable[str] = ()) -> list[CheckInfo]:
        """Checks whose id or category matches ``patterns`` (all if None), minus ``ignore``."""
        pats = list(patterns) if patterns else None
        ign = list(ignore)

        def matches(cid: str, pat: str) -> bool:
            return cid == pat or cid.startswith(pat.rstrip(".*") + ".")

        out = []
        for info in self:
            if pats is not None and not any(matches(info.id, p) for p in pats):
                continue
            if any(matches(info.id, p) for p in ign):
                continue
            out.append(info)
        return out


REGISTRY = Registry()


def check(
    check_id: str,
    *,
    severity: str | Severity,
    scope: Scope,
    needs_translation: bool = True,
    example: str = "",
    silence: str = "",
    sides: tuple[Side, ...] = ("source", "translation"),
    registry: Registry = REGISTRY,
) -> Callable[[Callable[..., Iterable[Any]]], Callable[..., Iterable[Any]]]:
    """Register a check function. Its docstring documents it: first line = description.

    ``example`` is a short bad pair shown in the docs; ``silence`` says how to silence a false
    alarm (defaults to dismissing it in review or ignoring the id in ``transqa.toml``).
    ``sides`` limits a SEGMENT check to one side.
    """
    category, _, name = check_id.partition(".")
    if category not in CATEGORIES or not name:
        raise ValueError(f"check id {check_id!r} must be CATEGORY.NAME with CATEGORY in {CATEGORIES}")
    sev = severity if isinstance(severity, Severity) else Severity.parse(severity)

    def decorate(func: Callable[..., Iterable[Any]]) -> Callable[..., Iterable[Any]]:
        doc = inspect.cleandoc(func.__doc__ or "")
        if not doc:
            raise ValueError(f"check {check_id!r} needs a docstring: it is its documentation")
        first, _, rest = doc.partition("\n")
        registry.register(
            CheckInfo(
                id=check_id,
                severity=sev,
                scope=scope,
                func=func,
                description=first.strip(),
                doc=rest.strip(),
                needs_translation=needs_translation and scope is not Scope.SEGMENT,
                example=example,
                silence=silence,
                sides=sides,
            )
        )
        return func

    return decorate
