"""What the review app works on: the project, its checked documents, and the review store.

Kept free of Textual so it can be tested (and benchmarked) without a screen. Everything the
reviewer records goes through :mod:`transqa.store` (atomic, audited); this module holds no
database code and no file writing. Checks run through :mod:`transqa.project.run`, exactly as the
CLI runs them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from transqa.checks.context import Document, Unit
from transqa.checks.registry import REGISTRY, Scope
from transqa.errors import InputError
from transqa.model import Finding, Severity
from transqa.project import Project
from transqa.project.run import build_document, check_documents, load_pair

Progress = Callable[[int, int], None]

SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)


@dataclass(slots=True)
class OverviewRow:
    """One line of the study overview."""

    id: str
    site: str
    site_name: str
    language: str
    source_segments: int
    translation_segments: int
    by_severity: dict[str, int]
    by_category: dict[str, int]
    signoff: str
    error: str | None = None


def display_units(doc: Document) -> list[Unit]:
    """The beads to show: the document's, or — for a transcript without a translation, which
    has no beads — one bead per source segment, so it can still be read and reviewed."""
    if doc.units or doc.has_translation:
        return doc.units
    return [Unit(i, (seg,), (), 0.0) for i, seg in enumerate(doc.pair.source.segments)]


@dataclass(slots=True)
class FindingIndex:
    """Findings of one document placed on its units (beads), for navigation and marking."""

    findings: list[Finding]
    unit_of: list[int | None]                       # finding index -> unit index (None: whole document)
    by_unit: dict[int, list[int]] = field(default_factory=dict)

    @classmethod
    def build(cls, doc: Document, findings: list[Finding]) -> "FindingIndex":
        src_unit: dict[int, int] = {}
        tgt_unit: dict[int, int] = {}
        for u in display_units(doc):
            for s in u.source:
                src_unit.setdefault(s.line, u.index)
            for t in u.translation:
                tgt_unit.setdefault(t.line, u.index)
        unit_of: list[int | None] = []
        by_unit: dict[int, list[int]] = {}
        for i, f in enumerate(findings):
            unit = None
            for n in f.source_lines:
                if n in src_unit:
                    unit = src_unit[n]
                    break
            if unit is None:
                for n in f.translation_lines:
                    if n in tgt_unit:
                        unit = tgt_unit[n]
                        break
            unit_of.append(unit)
            if unit is not None:
                by_unit.setdefault(unit, []).append(i)
        return cls(findings, unit_of, by_unit)


class _Lines:
    """A transcript's ``by_line()`` computed once (the store's key function asks for it per finding)."""

    def __init__(self, transcript: Any) -> None:
        self._by_line = transcript.by_line()

    def by_line(self) -> dict[int, Any]:
        return self._by_line


class _KeyPair:
    """What the store's finding key reads of a pair (id and segments by line), looked up once per
    document instead of once per finding: thousands of findings in a long transcript otherwise
    rebuild the line table thousands of times."""

    def __init__(self, pair: Any) -> None:
        self.id = pair.id
        self.source = _Lines(pair.source)
        self.translation = _Lines(pair.translation) if pair.translation is not None else None


class ReviewSession:
    """A project under review: checked documents, findings and their dispositions.

    ``store`` is a :class:`transqa.store.ReviewStore` (or None to review read-only: nothing can
    then be dismissed, edited or signed). ``reviewer`` is who the app records actions for.
    """

    def __init__(self, project: Project, *, store: Any = None, reviewer: str | None = None,
                 redact: bool = False) -> None:
        self.project = project
        self.store = store
        self.reviewer = reviewer
        self.redact = redact
        self.settings = project.settings(redact=redact)
        self.documents: dict[str, Document] = {}
        self.findings: dict[str, list[Finding]] = {}
        self.errors: dict[str, str] = {}
        self.checked = False
        self._keys: dict[str, dict[Finding, str]] = {}
        self._key_pairs: dict[str, _KeyPair] = {}
        self._disposed_checks: dict[str, set[str]] = {}
        self._dispositions: dict[str, dict[str, Any]] = {}
        self._index: dict[str, FindingIndex] = {}

    # -- checking ---------------------------------------------------------------------------
    def check_all(self, progress: Progress | None = None) -> None:
        """Read, align and check every transcript. A transcript that cannot be read is listed
        with its error instead of stopping the whole study."""
        docs: list[Document] = []
        specs = self.project.transcripts
        for i, spec in enumerate(specs, 1):
            try:
                docs.append(build_document(load_pair(self.project, spec), self.settings))
                self.errors.pop(spec.id, None)
            except InputError as e:
                self.errors[spec.id] = str(e)
            if progress:
                progress(i, len(specs) * 2)
        result = check_documents(docs, (lambda d, t: progress(len(specs) + d, len(specs) + t)) if progress else None)
        self.documents = {d.id: d for d in result.documents}
        self.findings = {tid: list(fs) for tid, fs in result.findings.items()}
        self._index.clear()
        self._keys.clear()
        self._key_pairs.clear()
        self._dispositions.clear()
        self.checked = True

    def add_documents(self, docs: Iterable[Document]) -> None:
        """Check ready-made documents (tests, benchmarks: no files involved)."""
        result = check_documents(list(docs))
        self.documents.update({d.id: d for d in result.documents})
        self.findings.update(result.findings)
        self._index.clear()
        self.checked = True

    def recheck(self, transcript_id: str) -> None:
        """Re-read one transcript from disk (after an edit) and re-run its checks.

        Findings of project-wide checks (consistency across transcripts) for this transcript are
        kept from the last full run; ``check_all`` refreshes them.
        """
        spec = self.project.spec(transcript_id)
        try:
            doc = build_document(load_pair(self.project, spec), self.settings)
        except InputError as e:
            self.errors[transcript_id] = str(e)
            raise
        self.errors.pop(transcript_id, None)
        fresh = check_documents([doc]).findings.get(transcript_id, [])
        kept = [f for f in self.findings.get(transcript_id, [])
                if f.check in REGISTRY and REGISTRY[f.check].scope is Scope.PROJECT]
        self.documents[transcript_id] = doc
        self.findings[transcript_id] = sorted(fresh + kept, key=lambda f: (f.first_line, -f.severity))
        self._index.pop(transcript_id, None)
        self._keys.pop(transcript_id, None)
        self._key_pairs.pop(transcript_id, None)
        self._dispositions.pop(transcript_id, None)

    def index(self, transcript_id: str) -> FindingIndex:
        got = self._index.get(transcript_id)
        if got is None:
            got = FindingIndex.build(self.documents[transcript_id], self.findings.get(transcript_id, []))
            self._index[transcript_id] = got
        return got

    # -- dispositions -----------------------------------------------------------------------
    def dispositions(self, transcript_id: str) -> dict[str, Any]:
        """finding key → latest disposition, from the store (read once, until something changes)."""
        if self.store is None:
            return {}
        got = self._dispositions.get(transcript_id)
        if got is None:
            got = self.store.dispositions_for(transcript_id)
            self._dispositions[transcript_id] = got
            self._disposed_checks[transcript_id] = {d.check for d in got.values()}
        return got

    def key(self, transcript_id: str, finding: Finding) -> str:
        keys = self._keys.setdefault(transcript_id, {})
        got = keys.get(finding)
        if got is None:
            pair = self._key_pairs.get(transcript_id)
            if pair is None or pair.id != self.documents[transcript_id].pair.id:
                pair = self._key_pairs[transcript_id] = _KeyPair(self.documents[transcript_id].pair)
            got = self.store.key_for(finding, pair)
            keys[finding] = got
        return got

    def status(self, transcript_id: str, finding: Finding) -> str:
        """open / dismissed / fixed, from the store (open when there is no store)."""
        d = self.disposition(transcript_id, finding)
        return d.status if d is not None else "open"

    def disposition(self, transcript_id: str, finding: Finding) -> Any:
        disp = self.dispositions(transcript_id)
        if not disp or finding.check not in self._disposed_checks.get(transcript_id, ()):
            return None  # no disposition of this check: no need to compute the finding's key
        return disp.get(self.key(transcript_id, finding))

    def is_open(self, transcript_id: str, finding: Finding) -> bool:
        return self.status(transcript_id, finding) != "dismissed"

    def open_findings(self, transcript_id: str) -> list[Finding]:
        return [f for f in self.findings.get(transcript_id, []) if self.is_open(transcript_id, f)]

    # -- recording (all through the store) --------------------------------------------------
    def _need(self) -> tuple[Any, str]:
        from transqa.store import Refused

        if self.store is None:
            raise Refused("no review store is open (read-only review)")
        if not self.reviewer:
            raise Refused("who are you? start with --reviewer ID (a reviewer of transqa.toml)")
        return self.store, self.reviewer

    def dismiss(self, transcript_id: str, finding: Finding, reason: str) -> None:
        store, who = self._need()
        store.dismiss(transcript_id, finding, who, reason, pair=self.documents[transcript_id].pair)
        self._dispositions.pop(transcript_id, None)

    def reopen(self, transcript_id: str, finding: Finding, reason: str | None = None) -> None:
        store, who = self._need()
        store.reopen(transcript_id, finding, who, reason, pair=self.documents[transcript_id].pair)
        self._dispositions.pop(transcript_id, None)

    def add_note(self, transcript_id: str, line: int, text: str, side: str = "translation") -> Any:
        store, who = self._need()
        return store.add_note(transcript_id, line, text, who, side=side)

    def notes(self, transcript_id: str) -> list[Any]:
        return self.store.notes_for(transcript_id) if self.store is not None else []

    def write_translation(self, transcript_id: str, line: int, text: str) -> Any:
        """Write the new translation of one segment back (atomically and audited, by the store).
        Call :meth:`recheck` afterwards (the app does it in the background)."""
        store, who = self._need()
        return store.edit_translation(transcript_id, line, text, who)

    def edit_translation(self, transcript_id: str, line: int, text: str) -> Any:
        """Write the edit back, then re-check so the findings follow the edit."""
        edit = self.write_translation(transcript_id, line, text)
        self.recheck(transcript_id)
        return edit

    def sign_off(self, transcript_id: str, reviewer: str, decision: str, comment: str | None = None,
                 override_reason: str | None = None) -> Any:
        from transqa.store import Refused

        if self.store is None:
            raise Refused("no review store is open (read-only review)")
        return self.store.sign_off(transcript_id, reviewer, decision, comment=comment or None,
                                   override_reason=override_reason or None)

    def signoff_label(self, transcript_id: str) -> str:
        """0/2, 1/2, signed off, stale or rejected."""
        if self.store is None:
            return "–"
        from transqa.store.states import latest_decisions

        try:
            sha = self.store.content(transcript_id).sha256
        except InputError:
            return "missing"
        state = self.store.state(transcript_id)
        if state == "signed-off":
            return "signed off"
        if state in ("stale", "rejected"):
            return state
        approvals = sum(1 for d in latest_decisions(self.store.signoffs_for(transcript_id, sha), sha).values()
                        if d == "approve")
        return f"{approvals}/2"

    # -- overview ---------------------------------------------------------------------------
    def overview(self) -> list[OverviewRow]:
        rows = []
        for spec in self.project.transcripts:
            site = self.project.sites.get(spec.site or "")
            doc = self.documents.get(spec.id)
            sev: Counter[str] = Counter()
            cat: Counter[str] = Counter()
            for f in self.open_findings(spec.id) if doc is not None else ():
                sev[str(f.severity)] += 1
                cat[f.category] += 1
            rows.append(OverviewRow(
                id=spec.id,
                site=spec.site or "",
                site_name=site.name if site else "",
                language=(doc.source_lang if doc else None) or spec.source_lang or (site.language if site else "") or "",
                source_segments=len(doc.pair.source.segments) if doc else 0,
                translation_segments=len(doc.pair.translation.segments) if doc and doc.pair.translation else 0,
                by_severity={str(s): sev[str(s)] for s in SEVERITIES},
                by_category=dict(sorted(cat.items())),
                signoff=self.signoff_label(spec.id),
                error=self.errors.get(spec.id),
            ))
        return rows
