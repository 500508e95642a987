"""One run of the checks: read each pair, align it, run the registry, collect findings.

The CLI, the UI and the store all run checks through here, so a transcript is always read,
aligned and checked the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from transqa.align import align
from transqa.checks import run_checks
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


def one_to_one(pair: TranscriptPair) -> list[Bead]:
    """Beads for a pair whose reader already knows the pairing (a bilingual table row by row)."""
    n_src = len(pair.source.segments)
    n_tgt = len(pair.translation.segments) if pair.translation else 0
    src_rows = pair.source.meta.get("rows")
    tgt_rows = pair.translation.meta.get("rows") if pair.translation else None
    if isinstance(src_rows, list) and isinstance(tgt_rows, list):
        # rows[i] = table row of segment i; segments of the same row form one bead
        by_row: dict[int, tuple[list[int], list[int]]] = {}
        for i, r in enumerate(src_rows):
            by_row.setdefault(r, ([], []))[0].append(i)
        for j, r in enumerate(tgt_rows):
            by_row.setdefault(r, ([], []))[1].append(j)
        return [Bead(tuple(s), tuple(t), 1.0 if s and t else 0.0) for _, (s, t) in sorted(by_row.items())]
    beads = [Bead((i,), (i,), 1.0) for i in range(min(n_src, n_tgt))]
    beads += [Bead((i,), (), 0.0) for i in range(n_tgt, n_src)]
    beads += [Bead((), (j,), 0.0) for j in range(n_src, n_tgt)]
    return beads


def build_document(pair: TranscriptPair, settings: CheckSettings) -> Document:
    """Align (unless the pairing is given) and wrap a pair for the checks."""
    if pair.translation is None:
        beads: list[Bead] = []
    elif pair.aligned:
        beads = one_to_one(pair)
    else:
        beads = align(pair.source.segments, pair.translation.segments,
                      source_lang=pair.source_lang, target_lang=pair.target_lang)
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


def check_project(project: Project, settings: CheckSettings | None = None, *,
                  only: Sequence[str] | None = None, progress: Progress | None = None) -> CheckResult:
    """Check every transcript of a project (or ``only`` those ids)."""
    settings = settings or project.settings()
    specs = [project.spec(i) for i in only] if only else project.transcripts
    docs = [build_document(load_pair(project, s), settings) for s in specs]
    return check_documents(docs, progress)


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
