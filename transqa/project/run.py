"""One run of the checks: read each pair, align it, run the registry, collect findings.

The CLI, the UI and the store all run checks through here, so a transcript is always read,
aligned and checked the same way.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from transqa.align.aligner import align_pair
from transqa.checks import run_checks
from transqa.checks.runner import finish, run_document_checks, selected
from transqa.checks.context import Document
from transqa.checks.settings import CheckSettings
from transqa.model import Bead, Finding, Severity, TranscriptPair
from transqa.project.config import Project, TranscriptSpec
from transqa.readers import read_pair, read_transcript

Progress = Callable[[int, int], None]


@dataclass(slots=True)
class CheckResult:
    documents: list[Document] = field(default_factory=list)
    findings: dict[str, list[Finding]] = field(default_factory=dict)

    def all_findings(self) -> list[Finding]:
        return [f for fs in self.findings.values() for f in fs]

    def worst(self) -> Severity | None:
        sev = [f.severity for f in self.all_findings()]
        return max(sev) if sev else None

    def counts(self, transcript_id: str) -> dict[str, int]:
        out = {"error": 0, "warning": 0, "info": 0}
        for f in self.findings.get(transcript_id, []):
            out[str(f.severity)] += 1
        return out


def build_document(pair: TranscriptPair, settings: CheckSettings) -> Document:
    """Align (unless the pairing is given) and wrap a pair for the checks."""
    beads: list[Bead] = align_pair(pair) if pair.translation is not None else []
    return Document(pair, beads, settings)


def load_pair(project: Project, spec: TranscriptSpec) -> TranscriptPair:
    if spec.bilingual is not None:
        pair = read_pair(spec.bilingual, id=spec.id, source_lang=spec.source_lang, site=spec.site,
                         translator=spec.translator)
    else:
        assert spec.source is not None
        pair = read_pair(spec.source, spec.translation, id=spec.id, source_lang=spec.source_lang,
                         site=spec.site, translator=spec.translator)
    pair.target_lang = project.target_lang
    return pair


def check_documents(docs: Sequence[Document], progress: Progress | None = None) -> CheckResult:
    return CheckResult(list(docs), run_checks(docs, progress=progress))


def _check_one(project: Project, spec: TranscriptSpec, settings: CheckSettings) -> tuple[Document, list[Finding]]:
    doc = build_document(load_pair(project, spec), settings)
    findings = run_document_checks(doc, selected(doc))
    doc.cache.clear()  # detector caches stay in the worker
    return doc, findings


_GC_DEPTH = 0


def _gc_batch_mode() -> tuple[int, int, int]:
    """Freeze what exists and collect the youngest generation less often; returns the old thresholds."""
    old = gc.get_threshold()
    gc.collect()
    gc.freeze()
    gc.set_threshold(100_000, 50, 100)
    return old


@contextmanager
def batch_gc() -> Iterator[None]:
    """Fewer garbage-collector passes during a batch run.

    A run allocates millions of short-lived objects next to large long-lived caches (word
    lists, gazetteers, per-word analyses) that every full collection walks again: on 12,000
    real pairs collection took a fifth of the time. Freezing what exists and collecting the
    youngest generation less often keeps collection on at a fraction of the cost. Re-entrant:
    only the outermost use changes anything (the CLI holds it across checking and reporting).
    Workers forked inside it inherit it.
    """
    global _GC_DEPTH
    old = _gc_batch_mode() if _GC_DEPTH == 0 else None
    _GC_DEPTH += 1
    try:
        yield
    finally:
        _GC_DEPTH -= 1
        if old is not None:
            gc.set_threshold(*old)
            gc.unfreeze()


_WORKER_SETTINGS: CheckSettings | None = None


def _worker_init(settings: CheckSettings) -> None:
    global _WORKER_SETTINGS
    _WORKER_SETTINGS = settings
    if _GC_DEPTH == 0:  # a spawned worker (not forked inside batch_gc) lives for one batch
        _gc_batch_mode()


def _check_in_worker(project: Project, spec: TranscriptSpec) -> tuple[Document, list[Finding]]:
    assert _WORKER_SETTINGS is not None
    return _check_one(project, spec, _WORKER_SETTINGS)


def default_workers(n_docs: int) -> int:
    """Use every core for several transcripts; one process for a few (start-up would dominate)."""
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(cpus, n_docs // 2, 8))


def check_project(project: Project, settings: CheckSettings | None = None, *,
                  only: Sequence[str] | None = None, progress: Progress | None = None,
                  workers: int | None = None) -> CheckResult:
    """Check every transcript of a project (or ``only`` those ids).

    Documents are read, aligned and checked in ``workers`` processes (default: one per core
    when there are several transcripts); project-wide checks then run once over all of them.
    """
    settings = settings or project.settings()
    specs = [project.spec(i) for i in only] if only else list(project.transcripts)
    n = default_workers(len(specs)) if workers is None else max(1, workers)
    with batch_gc():
        pairs = _check_specs(project, specs, settings, n, progress)
        docs = [d for d, _ in pairs]
        for d in docs:
            d.settings = settings  # one shared settings object again after pickling
        findings = finish(docs, {d.id: f for d, f in pairs}, {d.id: selected(d) for d in docs})
    return CheckResult(docs, findings)


def _check_specs(project: Project, specs: list[TranscriptSpec], settings: CheckSettings, n: int,
                 progress: Progress | None) -> list[tuple[Document, list[Finding]]]:
    """Each transcript read, aligned and checked (project-wide checks not yet), in ``n`` processes."""
    tick = progress or (lambda done, total: None)
    if n == 1:
        out = []
        for done, spec in enumerate(specs, 1):
            out.append(_check_one(project, spec, settings))
            tick(done, len(specs))
        return out
    # The first transcript is checked here, before the workers fork: it loads the language
    # models, word lists and gazetteers once, and the workers inherit them.
    out = [_check_one(project, specs[0], settings)]
    tick(1, len(specs))
    ctx = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")
    with ProcessPoolExecutor(n, mp_context=ctx, initializer=_worker_init, initargs=(settings,)) as pool:
        futures = [pool.submit(_check_in_worker, project, spec) for spec in specs[1:]]
        for done, fut in enumerate(futures, 2):
            out.append(fut.result())
            tick(done, len(specs))
    return out


def check_files(source: Path, translation: Path | None, settings: CheckSettings, *,
                source_lang: str | None = None, target_lang: str = "en") -> CheckResult:
    """The ``--source/--translation`` mode (or one bilingual .docx as ``source``)."""
    pair = read_pair(source, translation, source_lang=source_lang)
    pair.target_lang = target_lang
    return check_documents([build_document(pair, settings)])


def check_single(path: Path, settings: CheckSettings, *, lang: str | None = None) -> CheckResult:
    """The ``--transcript`` mode: one document alone, no counterpart."""
    transcript = read_transcript(path, language=lang)
    pair = TranscriptPair(transcript.id, transcript, None, site=transcript.site, source_lang=lang)
    return check_documents([build_document(pair, settings)])
