"""Everything an export needs about a study, gathered once: pairs, units, findings with their
dispositions, review states and sign-offs.

Exports never run checks or open the store themselves, so every format sees the same run.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from collections.abc import Sequence

from transqa.checks.context import Document, Unit
from transqa.model import Segment, TranscriptPair
from transqa.project.config import Project, Site, TranscriptSpec


@dataclass(slots=True)
class Item:
    """One transcript of the study, as the exports see it."""

    spec: TranscriptSpec
    doc: Document
    findings: list = field(default_factory=list)  # ReviewedFinding (finding, key, disposition)
    state: str = "unchecked"
    signoffs: list = field(default_factory=list)  # SignOff, all recorded, .current on current content
    content_sha256: str = ""
    notes: list = field(default_factory=list)
    edits: list = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.spec.id

    @property
    def pair(self) -> TranscriptPair:
        return self.doc.pair

    @property
    def units(self) -> list[Unit]:
        """Aligned units; a transcript without translation gives one source-only unit per turn."""
        if not self.doc.units and self.doc.pair.translation is None:
            return [Unit(i, (s,), (), 0.0) for i, s in enumerate(self.doc.pair.source.segments)]
        return self.doc.units

    @property
    def site_code(self) -> str:
        return self.spec.site or self.spec.id

    @property
    def source_lang(self) -> str | None:
        return self.doc.source_lang

    @property
    def signed_off(self) -> bool:
        return self.state == "signed-off"

    def current_approvals(self) -> list:
        """The latest approve of each reviewer on the current content, in recorded order."""
        latest: dict[str, object] = {}
        for s in self.signoffs:
            if s.current:
                latest[s.reviewer] = s
        return [s for s in latest.values() if s.decision == "approve"]

    def translation_timing(self) -> dict[int, float]:
        """translation line → seconds (its own timestamp, else that of its aligned source turn)."""
        out: dict[int, float] = {}
        for u in self.units:
            src_secs = next((s.seconds for s in u.source if s.seconds is not None), None)
            for seg in u.translation:
                secs = seg.seconds if seg.seconds is not None else src_secs
                if secs is not None:
                    out[seg.line] = secs
        return out

    def translation_segments(self) -> list[Segment]:
        return list(self.pair.translation.segments) if self.pair.translation else []


@dataclass(slots=True)
class Study:
    project: Project
    items: list[Item]

    def site(self, code: str | None) -> Site | None:
        return self.project.sites.get(code) if code else None

    def by_site(self) -> dict[str, list[Item]]:
        out: dict[str, list[Item]] = {}
        for it in self.items:
            out.setdefault(it.site_code, []).append(it)
        return out


def gather(project: Project, *, only: Sequence[str] | None = None, database: str | None = None,
           workers: int | None = None) -> Study:
    """Run the checks once and read the review store for every (or ``only`` these) transcript."""
    from transqa.project.run import check_project
    from transqa.store import open_store

    ids = list(only) if only else None
    result = check_project(project, project.settings(), only=ids, workers=workers)
    docs = {d.id: d for d in result.documents}
    items: list[Item] = []
    with open_store(project, database) as store:
        reviewed = store.findings(ids, result=result)
        for spec in ([project.spec(i) for i in ids] if ids else project.transcripts):
            content = store.content(spec.id)
            items.append(Item(
                spec=spec, doc=docs[spec.id], findings=reviewed.get(spec.id, []),
                state=store.state(spec.id), signoffs=store.signoffs_for(spec.id, content.sha256),
                content_sha256=content.sha256, notes=store.notes_for(spec.id), edits=store.edits_for(spec.id),
            ))
    return Study(project, items)


def refusal(item: Item) -> str | None:
    """Why ``item`` may not be exported for analysis, or None when it is signed off."""
    if item.state == "signed-off":
        return None
    why = {
        "stale": "its content changed after the sign-off (stale); sign it off again",
        "rejected": "a reviewer rejected the current content",
        "in-review": "it is not signed off yet (in review)",
        "unchecked": "it is not signed off (unchecked)",
    }.get(item.state, f"its state is {item.state}")
    return f"{item.id}: refused, {why}; --include-unsigned exports it anyway, marked as not signed off"


def split_signed(items: Sequence[Item], include_unsigned: bool) -> tuple[list[Item], list[str]]:
    """(items to export, one refusal line per transcript left out)."""
    keep: list[Item] = []
    refused: list[str] = []
    for it in items:
        why = refusal(it)
        if why is None or include_unsigned:
            keep.append(it)
        else:
            refused.append(why)
    return keep, refused
