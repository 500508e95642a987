"""Runs the registered checks over documents. Knows scopes, not checks."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from transqa.checks.context import Document, Unit
from transqa.checks.registry import REGISTRY, CheckInfo, Hit, Registry, Scope
from transqa.model.findings import Finding
from transqa.model.transcript import Segment

Progress = Callable[[int, int], None]


def _finding(info: CheckInfo, hit: Hit, doc: Document, src: tuple[int, ...], tgt: tuple[int, ...]) -> Finding:
    return Finding(
        check=info.id,
        severity=hit.severity or info.severity,
        message=hit.message,
        source_lines=hit.source_lines if hit.source_lines is not None else src,
        translation_lines=hit.translation_lines if hit.translation_lines is not None else tgt,
        side=hit.side,
        span=hit.span,
        evidence=hit.evidence,
        transcript=doc.id,
    )


def _run_segment(info: CheckInfo, doc: Document, out: list[Finding]) -> None:
    for side in info.sides:
        if side == "translation" and not doc.has_translation:
            continue
        segs: list[Segment] = doc.segments(side)
        for seg in segs:
            for hit in info.func(seg, side, doc):
                lines = (seg.line,)
                if hit.side != side and hit.side != "both":
                    hit.side = side  # a segment check speaks about its own side
                out.append(_finding(info, hit, doc, lines if side == "source" else (), lines if side == "translation" else ()))


def _run_unit(info: CheckInfo, doc: Document, out: list[Finding]) -> None:
    units: list[Unit] = doc.units
    for unit in units:
        for hit in info.func(unit, doc):
            out.append(_finding(info, hit, doc, unit.source_lines, unit.translation_lines))


def _run_document(info: CheckInfo, doc: Document, out: list[Finding]) -> None:
    for hit in info.func(doc):
        out.append(_finding(info, hit, doc, (), ()))


_RUNNERS = {Scope.SEGMENT: _run_segment, Scope.UNIT: _run_unit, Scope.DOCUMENT: _run_document}


def selected(doc: Document, registry: Registry = REGISTRY) -> list[CheckInfo]:
    """The checks a document's settings select (``select``/``ignore`` from transqa.toml or CLI)."""
    return registry.select(doc.settings.select, doc.settings.ignore)


def run_document_checks(doc: Document, infos: Iterable[CheckInfo]) -> list[Finding]:
    """Every non-project check on one document: the part that can run in a worker process."""
    out: list[Finding] = []
    for info in infos:
        if info.scope is Scope.PROJECT:
            continue
        if (info.needs_translation or info.scope is Scope.UNIT) and not doc.has_translation:
            continue
        _RUNNERS[info.scope](info, doc, out)
    return out


def run_project_checks(docs: Sequence[Document], chosen: dict[str, list[CheckInfo]]) -> dict[str, list[Finding]]:
    """Project-scope checks, once over all documents that selected each of them."""
    results: dict[str, list[Finding]] = {d.id: [] for d in docs}
    project_checks: dict[str, CheckInfo] = {}
    for infos in chosen.values():
        for info in infos:
            if info.scope is Scope.PROJECT:
                project_checks[info.id] = info
    for info in project_checks.values():
        members = [d for d in docs if info in chosen[d.id] and (d.has_translation or not info.needs_translation)]
        for doc, hit in info.func(members):
            results[doc.id].append(_finding(info, hit, doc, (), ()))
    return results


def finish(docs: Sequence[Document], findings: dict[str, list[Finding]],
           chosen: dict[str, list[CheckInfo]]) -> dict[str, list[Finding]]:
    """Add the project-wide findings to each document's own, and sort every list by line."""
    for doc_id, extra in run_project_checks(docs, chosen).items():
        findings[doc_id].extend(extra)
    for fs in findings.values():
        fs.sort(key=lambda f: (f.first_line, f.translation_lines[:1], f.check))
    return findings


def run_checks(
    docs: Sequence[Document],
    checks: Iterable[CheckInfo] | None = None,
    *,
    registry: Registry = REGISTRY,
    progress: Progress | None = None,
) -> dict[str, list[Finding]]:
    """Findings per document id, each list sorted by line.

    ``checks`` defaults to the registry filtered by each document's settings (select/ignore).
    ``progress(done, total)`` is called after each document, for a UI or CLI progress bar.
    """
    fixed = list(checks) if checks is not None else None
    chosen = {d.id: fixed if fixed is not None else selected(d, registry) for d in docs}
    results: dict[str, list[Finding]] = {}
    for done, doc in enumerate(docs, 1):
        results[doc.id] = run_document_checks(doc, chosen[doc.id])
        if progress:
            progress(done, len(docs))
    return finish(docs, results, chosen)
