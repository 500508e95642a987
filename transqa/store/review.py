"""ReviewStore: the one API for everything a review records (see :mod:`transqa.store`)."""

from __future__ import annotations

import hashlib
import json
import unicodedata
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from transqa.errors import InputError
from transqa.model import Finding, Severity, TranscriptPair
from transqa.store import audit, writeback
from transqa.store.audit import AuditEntry, canonical_json, sha256_text
from transqa.store.content import ROLES, Content, content_of, file_sha256, finding_key, relative
from transqa.store.dialect import Database, is_postgres_url
from transqa.store.schema import migrate, now_utc
from transqa.store.states import compute_state, latest_decisions

MEANING = "translation checked and comprehensible for analysis"
DECISIONS = ("approve", "reject")
STORE_DIR = ".transqa"
DB_FILE = "review.db"


class Refused(Exception):
    """A review action the rules do not allow (the CLI prints it as one line, exit 1)."""


# -- records -------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Disposition:
    id: int
    transcript: str
    finding_key: str
    check: str
    status: str  # open | fixed | dismissed
    reason: str | None
    reviewer: str
    at: str
    source_lines: tuple[int, ...]
    translation_lines: tuple[int, ...]
    message: str


@dataclass(frozen=True, slots=True)
class Edit:
    id: int
    transcript: str
    side: str
    line: int
    file: str
    before: str
    after: str
    reviewer: str
    at: str
    before_sha256: str
    after_sha256: str
    backup: str | None


@dataclass(frozen=True, slots=True)
class Note:
    id: int
    transcript: str
    side: str
    line: int
    text: str
    reviewer: str
    at: str


@dataclass(frozen=True, slots=True)
class SignOff:
    id: int
    transcript: str
    reviewer: str
    reviewer_name: str
    reviewer_role: str
    decision: str
    meaning: str
    at: str
    comment: str | None
    override_reason: str | None
    open_errors: int
    source_sha256: str | None
    translation_sha256: str | None
    content_sha256: str
    seq: int
    current: bool = False

    def to_json(self) -> dict[str, Any]:
        return {"reviewer": self.reviewer, "name": self.reviewer_name, "role": self.reviewer_role,
                "decision": self.decision, "meaning": self.meaning, "at": self.at,
                "content_sha256": self.content_sha256, "source_sha256": self.source_sha256,
                "translation_sha256": self.translation_sha256, "current": self.current,
                "comment": self.comment, "override_reason": self.override_reason,
                "open_errors": self.open_errors}


@dataclass(frozen=True, slots=True)
class ReviewedFinding:
    """A finding of the current check run with its content key and latest disposition."""

    finding: Finding
    key: str
    disposition: Disposition | None

    @property
    def status(self) -> str:
        return self.disposition.status if self.disposition else "open"

    @property
    def is_open(self) -> bool:
        """Open unless dismissed: "fixed" on a finding the checks still report is not closed."""
        return self.status != "dismissed"


@dataclass(slots=True)
class TranscriptStatus:
    id: str
    site: str | None
    state: str
    content_sha256: str
    signoffs: list[SignOff]
    open_findings: dict[str, int]
    dismissed: int
    translator: str | None

    @property
    def approvers(self) -> list[str]:
        cur = latest_decisions(self.signoffs, self.content_sha256)
        return [r for r, d in cur.items() if d == "approve"]

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "site": self.site, "state": self.state,
                "content_sha256": self.content_sha256,
                "signoffs": [s.to_json() for s in self.signoffs],
                "open_findings": dict(self.open_findings), "dismissed_findings": self.dismissed,
                "translator": self.translator}


@dataclass(slots=True)
class VerifyReport:
    problems: list[str] = field(default_factory=list)
    entries: int = 0
    head: str = audit.GENESIS
    signoffs: int = 0
    files_checked: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


# Columns of each record table that its audit entry's payload holds (all but bookkeeping).
AUDITED: dict[str, tuple[str, ...]] = {
    "reviewers": ("id", "name", "role"),
    "dispositions": ("id", "transcript", "finding_key", "check_id", "status", "reason", "reviewer", "at",
                     "source_lines", "translation_lines", "message"),
    "edits": ("id", "transcript", "side", "line", "file", "before_text", "after_text", "reviewer", "at",
              "before_sha256", "after_sha256", "backup"),
    "notes": ("id", "transcript", "side", "line", "text", "reviewer", "at"),
    "signoffs": ("id", "transcript", "reviewer", "reviewer_name", "reviewer_role", "decision", "meaning", "at",
                 "comment", "override_reason", "open_errors", "source_sha256", "translation_sha256",
                 "content_sha256", "files"),
}


def _lines(value: str) -> tuple[int, ...]:
    try:
        return tuple(int(x) for x in json.loads(value))
    except (TypeError, ValueError):
        return ()


def _lock_name(path: str) -> str:
    return sha256_text(path)[:24]


# -- the store -----------------------------------------------------------------------------
def database_target(project, database: str | None = None) -> str:
    """Where the project's review database is: ``--db``, ``[store] database``, or the local file."""
    target = database or getattr(project, "database", None)
    if target:
        if target.startswith("sqlite:///"):
            return target[len("sqlite:///") - 1:] if target.startswith("sqlite:////") else target[len("sqlite:///"):]
        if is_postgres_url(target):
            return target
        p = Path(target).expanduser()
        return str(p if p.is_absolute() else project.root / p)
    return str(Path(project.root) / STORE_DIR / DB_FILE)


def open_store(project, database: str | None = None) -> "ReviewStore":
    """Open (creating and migrating on first use) the review store of ``project``."""
    db = Database.open(database_target(project, database))
    try:
        migrate(db)
        store = ReviewStore(project, db)
        store.sync_reviewers()
        store.recover()
    except BaseException:
        db.close()
        raise
    return store


class ReviewStore:
    """Everything a review records for one project. Use :func:`open_store` to get one."""

    def __init__(self, project, db: Database) -> None:
        self.project = project
        self.db = db
        self.root = Path(project.root)
        self.state_dir = self.root / STORE_DIR
        self._settings = None

    # context manager -------------------------------------------------------------------------
    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "ReviewStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # reviewers -------------------------------------------------------------------------------
    def sync_reviewers(self) -> None:
        """Mirror ``[[reviewers]]`` of transqa.toml into the database (audited when changed)."""
        wanted = {r.id: (r.name, r.role or "") for r in self.project.reviewers.values()}
        have = self._stored_reviewers()
        if all(have.get(k) == v for k, v in wanted.items()):
            return
        with self.db.write():
            have = self._stored_reviewers()
            for rid, (name, role) in sorted(wanted.items()):
                if have.get(rid) == (name, role):
                    continue
                seq = audit.next_seq(self.db)
                self.db.execute("INSERT INTO reviewers (id, name, role, seq) VALUES (?, ?, ?, ?) "
                                "ON CONFLICT (id) DO UPDATE SET name = excluded.name, role = excluded.role, "
                                "seq = excluded.seq", (rid, name, role, seq))
                audit.append(self.db, action="reviewer.declared" if rid not in have else "reviewer.changed",
                             actor=None, transcript=None, record="reviewers", record_id=rid,
                             payload={"id": rid, "name": name, "role": role})

    def _stored_reviewers(self) -> dict[str, tuple[str, str]]:
        return {r: (n, ro) for r, n, ro in self.db.rows("SELECT id, name, role FROM reviewers")}

    def reviewer(self, reviewer_id: str):
        rev = self.project.reviewers.get(reviewer_id)
        if rev is None:
            known = ", ".join(sorted(self.project.reviewers)) or "none declared in transqa.toml"
            raise Refused(f"unknown reviewer {reviewer_id!r} (known: {known})")
        return rev

    # recording -------------------------------------------------------------------------------
    def _record(self, table: str, action: str, actor: str | None, transcript: str | None,
                values: dict[str, Any]) -> dict[str, Any]:
        """Insert one record row and its audit entry in the open write transaction."""
        seq = audit.next_seq(self.db)
        cols = [c for c in AUDITED[table] if c != "id"]
        extra = {k: v for k, v in values.items() if k not in cols}
        names = cols + list(extra) + ["seq"]
        params = [values.get(c) for c in cols] + list(extra.values()) + [seq]
        rid = self.db.insert(f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
                             params)
        payload = {"id": rid, **{c: values.get(c) for c in cols}}
        audit.append(self.db, action=action, actor=actor, transcript=transcript, record=table,
                     record_id=str(rid), payload=payload, at=values.get("at"))
        return payload

    # findings and dispositions ---------------------------------------------------------------
    def settings(self):
        if self._settings is None:
            self._settings = self.project.settings()
        return self._settings

    def load_pair(self, transcript_id: str) -> TranscriptPair:
        from transqa.project.run import load_pair

        return load_pair(self.project, self.project.spec(transcript_id))

    def key_for(self, finding: Finding, pair: TranscriptPair) -> str:
        """The content key a disposition of ``finding`` is bound to."""
        return finding_key(finding, pair)

    def findings(self, transcript_ids: Sequence[str] | None = None, result=None) -> dict[str, list[ReviewedFinding]]:
        """Run the checks (or use ``result`` of ``check_project``) and attach each finding's disposition."""
        from transqa.project.run import check_project

        if result is None:
            ids = list(transcript_ids) if transcript_ids else None
            result = check_project(self.project, self.settings(), only=ids)
        pairs = {d.pair.id: d.pair for d in result.documents}
        out: dict[str, list[ReviewedFinding]] = {}
        for tid, fs in result.findings.items():
            if transcript_ids and tid not in transcript_ids:
                continue
            disp = self.dispositions_for(tid)
            pair = pairs.get(tid)
            rows = []
            for f in fs:
                key = finding_key(f, pair) if pair is not None else sha256_text(canonical_json(f.to_json()))
                rows.append(ReviewedFinding(f, key, disp.get(key)))
            out[tid] = rows
        for d in result.documents:
            out.setdefault(d.pair.id, [])
        return out

    def dispositions_for(self, transcript_id: str) -> dict[str, Disposition]:
        """finding key → its latest disposition."""
        out: dict[str, Disposition] = {}
        for r in self.db.dicts("SELECT * FROM dispositions WHERE transcript = ? ORDER BY seq", (transcript_id,)):
            out[r["finding_key"]] = Disposition(
                r["id"], r["transcript"], r["finding_key"], r["check_id"], r["status"], r["reason"],
                r["reviewer"], r["at"], _lines(r["source_lines"]), _lines(r["translation_lines"]), r["message"])
        return out

    def _dispose(self, transcript_id: str, finding: Finding, reviewer: str, status: str,
                 reason: str | None, pair: TranscriptPair | None) -> Disposition:
        self.project.spec(transcript_id)
        self.reviewer(reviewer)
        pair = pair or self.load_pair(transcript_id)
        key = finding_key(finding, pair)
        values = {"transcript": transcript_id, "finding_key": key, "check_id": finding.check, "status": status,
                  "reason": reason, "reviewer": reviewer, "at": now_utc(),
                  "source_lines": json.dumps(list(finding.source_lines)),
                  "translation_lines": json.dumps(list(finding.translation_lines)), "message": finding.message}
        with self.db.write():
            p = self._record("dispositions", f"finding.{status}", reviewer, transcript_id, values)
        return Disposition(p["id"], transcript_id, key, finding.check, status, reason, reviewer, values["at"],
                           tuple(finding.source_lines), tuple(finding.translation_lines), finding.message)

    def dismiss(self, transcript_id: str, finding: Finding, reviewer: str, reason: str, *,
                pair: TranscriptPair | None = None) -> Disposition:
        """Dismiss a finding (a false alarm, or accepted as is). The reason is required.

        The dismissal is bound to the content the finding is about: when that text changes,
        the finding comes back.
        """
        if not reason or not reason.strip():
            raise Refused("a dismissal needs a reason")
        return self._dispose(transcript_id, finding, reviewer, "dismissed", reason.strip(), pair)

    def reopen(self, transcript_id: str, finding: Finding, reviewer: str, reason: str | None = None, *,
               pair: TranscriptPair | None = None) -> Disposition:
        return self._dispose(transcript_id, finding, reviewer, "open", reason, pair)

    def mark_fixed(self, transcript_id: str, finding: Finding, reviewer: str, comment: str | None = None, *,
                   pair: TranscriptPair | None = None) -> Disposition:
        """Record that a reviewer fixed the problem. A finding the checks still report on the same
        content stays open (fixing is shown by the finding going away, not by a claim)."""
        return self._dispose(transcript_id, finding, reviewer, "fixed", comment, pair)

    def open_findings(self, transcript_id: str) -> list[ReviewedFinding]:
        return [rf for rf in self.findings([transcript_id]).get(transcript_id, []) if rf.is_open]

    # notes -----------------------------------------------------------------------------------
    def add_note(self, transcript_id: str, line: int, text: str, reviewer: str,
                 side: str = "translation") -> Note:
        """A segment-level note (e.g. on comprehensibility) by a reviewer."""
        self.project.spec(transcript_id)
        self.reviewer(reviewer)
        if side not in ("source", "translation"):
            raise InputError(None, f"side must be source or translation, not {side!r}")
        if not text or not text.strip():
            raise Refused("a note needs text")
        values = {"transcript": transcript_id, "side": side, "line": int(line), "text": text.strip(),
                  "reviewer": reviewer, "at": now_utc()}
        with self.db.write():
            p = self._record("notes", "note.added", reviewer, transcript_id, values)
        return Note(p["id"], transcript_id, side, int(line), values["text"], reviewer, values["at"])

    def notes_for(self, transcript_id: str) -> list[Note]:
        return [Note(r["id"], r["transcript"], r["side"], r["line"], r["text"], r["reviewer"], r["at"])
                for r in self.db.dicts("SELECT * FROM notes WHERE transcript = ? ORDER BY seq", (transcript_id,))]

    # edits -----------------------------------------------------------------------------------
    def _translation_file(self, spec) -> Path:
        target = spec.translation or spec.bilingual
        if target is None:
            raise InputError(self.project.file, f"transcript {spec.id!r} has no translation to edit")
        return Path(target)

    @contextmanager
    def _locked(self, paths: Sequence[Path]) -> Iterator[None]:
        """flock on each file (in a fixed order, so two processes cannot deadlock)."""
        with ExitStack() as stack:
            for rel in sorted({relative(self.root, p) for p in paths}):
                stack.enter_context(writeback.file_lock(self.state_dir / "locks", _lock_name(rel)))
            yield

    def edit_translation(self, transcript_id: str, line: int, new_text: str, reviewer: str) -> Edit | None:
        """Replace the text of the translation segment at ``line``; None when nothing changes.

        Written to the file atomically (a backup is kept in ``.transqa/backups/``) and recorded
        with the text before and after. Dismissals bound to the old text lapse by themselves.
        """
        spec = self.project.spec(transcript_id)
        self.reviewer(reviewer)
        if "\n" in new_text or "\r" in new_text or "\u2028" in new_text:
            raise InputError(None, "a segment is one line: the new text must not contain line breaks")
        new_text = unicodedata.normalize("NFC", new_text).strip()
        target = self._translation_file(spec)
        rel = relative(self.root, target)
        with self._locked([target]):
            self._recover_file(rel)
            pair = self.load_pair(transcript_id)
            if pair.translation is None:
                raise InputError(target, "no translation side to edit")
            seg = pair.translation.by_line().get(int(line))
            if seg is None:
                raise InputError(target, f"no translation segment at line {line}", int(line))
            if seg.text == new_text:
                return None
            data = target.read_bytes()
            before_sha = sha256_text_bytes(data)
            new_data = self._edited_bytes(target, data, pair, seg, new_text)
            temp = writeback.stage(target, new_data)
            try:
                self._check_staged(spec, target, temp, pair, int(line), new_text)
                saved = writeback.backup(target, self.state_dir / "backups")
                values = {"transcript": transcript_id, "side": "translation", "line": int(line), "file": rel,
                          "before_text": seg.text, "after_text": new_text, "reviewer": reviewer, "at": now_utc(),
                          "before_sha256": before_sha, "after_sha256": sha256_text_bytes(new_data),
                          "backup": relative(self.root, saved), "pending": relative(self.root, temp)}
                with self.db.write():
                    p = self._record("edits", "translation.edited", reviewer, transcript_id, values)
            except BaseException:
                temp.unlink(missing_ok=True)
                raise
            writeback.install(temp, target)
            self.db.execute("UPDATE edits SET pending = NULL WHERE id = ?", (p["id"],))
        return Edit(p["id"], transcript_id, "translation", int(line), rel, seg.text, new_text, reviewer,
                    values["at"], before_sha, values["after_sha256"], values["backup"])

    def _edited_bytes(self, target: Path, data: bytes, pair: TranscriptPair, seg, new_text: str) -> bytes:
        suffix = target.suffix.lower()
        meta = pair.translation.meta if pair.translation else {}
        if suffix == ".docx":
            from transqa.store.docx_edit import edit_docx

            index = [s.line for s in pair.translation.segments].index(seg.line)
            return edit_docx(target, data, dict(meta), seg, new_text, index)
        language = pair.translation.language if pair.translation else None
        return writeback.edit_txt(target, data, seg, new_text, language)

    def _check_staged(self, spec, target: Path, temp: Path, before: TranscriptPair, line: int, new_text: str) -> None:
        """Read the staged file back: only the edited segment may differ, and it must read as intended."""
        from transqa.readers import read_pair

        if spec.bilingual is not None:
            after = read_pair(temp, id=spec.id, source_lang=spec.source_lang)
        else:
            after = read_pair(Path(spec.source), temp, id=spec.id, source_lang=spec.source_lang)
        old_t = [(s.line, s.text) for s in before.translation.segments]
        new_t = [(s.line, s.text) for s in after.translation.segments] if after.translation else []
        expected = [(n, new_text if n == line else t) for n, t in old_t]
        old_s = [(s.line, s.text) for s in before.source.segments]
        new_s = [(s.line, s.text) for s in after.source.segments]
        if new_t != expected or new_s != old_s:
            raise InputError(target, "the new text would change how the transcript is read (e.g. it looks "
                             "like a speaker label or timestamp); edit refused", line)

    def edits_for(self, transcript_id: str) -> list[Edit]:
        return [Edit(r["id"], r["transcript"], r["side"], r["line"], r["file"], r["before_text"], r["after_text"],
                     r["reviewer"], r["at"], r["before_sha256"], r["after_sha256"], r["backup"])
                for r in self.db.dicts("SELECT * FROM edits WHERE transcript = ? ORDER BY seq", (transcript_id,))]

    # crash recovery --------------------------------------------------------------------------
    def recover(self) -> list[str]:
        """Complete saves that a crash interrupted; returns what was done (for logs/tests)."""
        done: list[str] = []
        files = {r[0] for r in self.db.rows("SELECT DISTINCT file FROM edits WHERE pending IS NOT NULL")}
        for spec in self.project.transcripts:  # staged files left by a save killed before its commit
            target = spec.translation or spec.bilingual
            if target is not None and any(Path(target).parent.glob(f".{Path(target).name}.*.transqa-tmp*")):
                files.add(relative(self.root, Path(target)))
        for rel in sorted(files):
            with writeback.file_lock(self.state_dir / "locks", _lock_name(rel), wait=False) as got:
                if got:  # a live process holding the lock is still saving: leave it alone
                    done += self._recover_file(rel)
        return done

    def _recover_file(self, rel: str) -> list[str]:
        """Under the file's lock: finish or clear pending edits, delete orphaned staged files."""
        done: list[str] = []
        target = self._abs(rel)
        pending = self.db.rows("SELECT id, pending, after_sha256 FROM edits WHERE file = ? AND pending IS NOT NULL "
                               "ORDER BY seq", (rel,))
        for eid, temp_rel, after in pending:
            temp = self._abs(temp_rel)
            current = file_sha256(target) if target.exists() else None
            if current != after:
                if not (temp.exists() and file_sha256(temp) == after):
                    # not staged here: another machine's save in progress (PostgreSQL shared by
                    # sites) or a lost staged file — leave it; verify reports a mismatch
                    continue
                writeback.install(temp, target)
                done.append(f"completed edit {eid} of {rel}")
            temp.unlink(missing_ok=True)
            self.db.execute("UPDATE edits SET pending = NULL WHERE id = ?", (eid,))
        if target.parent.is_dir():
            for orphan in target.parent.glob(f".{target.name}.*.transqa-tmp{target.suffix}"):
                orphan.unlink(missing_ok=True)
                done.append(f"removed unfinished staged file {orphan.name}")
        return done

    def _abs(self, rel: str) -> Path:
        p = Path(rel)
        return p if p.is_absolute() else self.root / p

    # sign-off ---------------------------------------------------------------------------------
    def content(self, transcript_id: str) -> Content:
        return content_of(self.root, self.project.spec(transcript_id))

    def signoffs_for(self, transcript_id: str, content_sha256: str | None = None) -> list[SignOff]:
        rows = self.db.dicts("SELECT * FROM signoffs WHERE transcript = ? ORDER BY seq", (transcript_id,))
        return [SignOff(r["id"], r["transcript"], r["reviewer"], r["reviewer_name"], r["reviewer_role"],
                        r["decision"], r["meaning"], r["at"], r["comment"], r["override_reason"],
                        int(r["open_errors"]), r["source_sha256"], r["translation_sha256"], r["content_sha256"],
                        int(r["seq"]), current=(r["content_sha256"] == content_sha256))
                for r in rows]

    def sign_off(self, transcript_id: str, reviewer: str, decision: str = "approve", *,
                 comment: str | None = None, override_reason: str | None = None) -> SignOff:
        """Record a reviewer's decision on the transcript's current content.

        Refused (:class:`Refused`) for an unknown reviewer, the transcript's translator, the same
        reviewer giving the same decision on the same content twice, and — for approve — while
        error-level findings are open, unless ``override_reason`` is given (it is recorded).
        """
        spec = self.project.spec(transcript_id)
        if decision not in DECISIONS:
            raise InputError(None, f"decision must be approve or reject, not {decision!r}")
        rev = self.reviewer(reviewer)
        if spec.translator and spec.translator.strip().casefold() in {rev.id.casefold(), rev.name.strip().casefold()}:
            raise Refused(f"{reviewer} is the translator of {transcript_id}; the two sign-offs must come from "
                          "other reviewers")
        override_reason = override_reason.strip() if override_reason and override_reason.strip() else None
        comment = comment.strip() if comment and comment.strip() else None
        with self._locked([Path(p) for p in spec.files]):
            for p in spec.files:
                self._recover_file(relative(self.root, Path(p)))
            before = content_of(self.root, spec)
            self._refuse_repeat(transcript_id, reviewer, decision, before.sha256)
            open_errors = 0
            if decision == "approve":
                open_errors = sum(1 for rf in self.open_findings(transcript_id)
                                  if rf.finding.severity >= Severity.ERROR)
                if open_errors and not override_reason:
                    raise Refused(f"{transcript_id} has {open_errors} open error finding"
                                  f"{'s' if open_errors != 1 else ''}; fix or dismiss them, or sign with "
                                  "--override-reason")
            with self.db.write():
                now = content_of(self.root, spec)
                if now.sha256 != before.sha256:
                    raise Refused(f"{transcript_id} changed while signing; run the sign-off again")
                self._refuse_repeat(transcript_id, reviewer, decision, now.sha256)
                files = {r: {"path": now.paths[r], "sha256": now.files[r]} for r in ROLES if r in now.files}
                values = {"transcript": transcript_id, "reviewer": reviewer, "reviewer_name": rev.name,
                          "reviewer_role": rev.role or "", "decision": decision, "meaning": MEANING,
                          "at": now_utc(), "comment": comment, "override_reason": override_reason,
                          "open_errors": open_errors, "source_sha256": now.source_sha256,
                          "translation_sha256": now.translation_sha256, "content_sha256": now.sha256,
                          "files": canonical_json(files)}
                p = self._record("signoffs", f"signoff.{decision}", reviewer, transcript_id, values)
                seq = audit.head(self.db)[0]
        return SignOff(p["id"], transcript_id, reviewer, rev.name, rev.role or "", decision, MEANING, values["at"],
                       comment, override_reason, open_errors, now.source_sha256, now.translation_sha256,
                       now.sha256, seq, current=True)

    def _refuse_repeat(self, transcript_id: str, reviewer: str, decision: str, content_sha: str) -> None:
        mine = latest_decisions([s for s in self.signoffs_for(transcript_id) if s.reviewer == reviewer], content_sha)
        if mine.get(reviewer) == decision:
            verb = "approved" if decision == "approve" else "rejected"
            raise Refused(f"{reviewer} already {verb} {transcript_id} as it is now; a sign-off needs two "
                          "different reviewers")

    def accept_content(self, transcript_id: str, reviewer: str, reason: str) -> None:
        """Record the transcript's files as they are now (after a change made outside transqa,
        e.g. a new version from the translator), so ``verify`` stops reporting it. Sign-offs on
        the old content stay stale."""
        spec = self.project.spec(transcript_id)
        self.reviewer(reviewer)
        if not reason or not reason.strip():
            raise Refused("accepting changed files needs a reason")
        with self._locked([Path(p) for p in spec.files]):
            now = content_of(self.root, spec)
            with self.db.write():
                audit.append(self.db, action="content.accepted", actor=reviewer, transcript=transcript_id,
                             payload={"files": {r: {"path": now.paths[r], "sha256": now.files[r]} for r in now.files},
                                      "reason": reason.strip(), "content_sha256": now.sha256})

    # state and status -------------------------------------------------------------------------
    def _activity(self) -> set[str]:
        rows = self.db.rows("SELECT DISTINCT transcript FROM audit_log WHERE transcript IS NOT NULL")
        return {r[0] for r in rows}

    def state(self, transcript_id: str) -> str:
        content = self.content(transcript_id)
        return compute_state(self.signoffs_for(transcript_id, content.sha256), content.sha256,
                             transcript_id in self._activity())

    def status(self, result=None, *, run_checks: bool = True) -> list[TranscriptStatus]:
        """The state of every transcript, with open findings by severity (checks are run unless
        ``result`` of ``check_project`` is given or ``run_checks`` is False)."""
        reviewed = self.findings(result=result) if (result is not None or run_checks) else {}
        active = self._activity()
        out = []
        for spec in self.project.transcripts:
            content = content_of(self.root, spec)
            signoffs = self.signoffs_for(spec.id, content.sha256)
            counts = {"error": 0, "warning": 0, "info": 0}
            dismissed = 0
            for rf in reviewed.get(spec.id, []):
                if rf.is_open:
                    counts[str(rf.finding.severity)] += 1
                else:
                    dismissed += 1
            state = compute_state(signoffs, content.sha256, spec.id in active)
            out.append(TranscriptStatus(spec.id, spec.site, state, content.sha256, signoffs, counts, dismissed,
                                        spec.translator))
        return out

    def history(self, transcript_id: str | None = None) -> list[AuditEntry]:
        """The audit log (of one transcript, or all), oldest first."""
        return audit.entries(self.db, transcript_id)

    # verification -----------------------------------------------------------------------------
    def verify(self) -> VerifyReport:
        """Re-hash the audit chain, compare every record with its entry, re-hash every sign-off,
        and compare each transcript file with the last content transqa recorded for it."""
        report = VerifyReport()
        with self.db.read():
            chain_problems, log = audit.verify_chain(self.db)
            report.problems += chain_problems
            report.entries = len(log)
            report.head = log[-1].hash if log else audit.GENESIS
            by_seq = {e.seq: e for e in log}
            report.problems += self._verify_records(by_seq, report)
            known = self._known_files(log)
        for rel, (sha, seq) in sorted(known.items()):
            path = self._abs(rel)
            report.files_checked += 1
            if not path.exists():
                report.problems.append(f"{rel}: missing (transqa last recorded it in entry {seq})")
                continue
            if file_sha256(path) != sha:
                e = by_seq.get(seq)
                report.problems.append(f"{rel}: changed outside transqa (differs from what entry {seq}"
                                       f"{' of ' + e.at if e else ''} recorded)")
        return report

    def _verify_records(self, by_seq: dict[int, AuditEntry], report: VerifyReport) -> list[str]:
        problems: list[str] = []
        referenced: dict[str, set[str]] = {t: set() for t in AUDITED}
        for e in by_seq.values():
            if e.record in AUDITED and e.record_id is not None:
                referenced[e.record].add(e.record_id)
        for table, cols in AUDITED.items():
            label = table.rstrip("s")
            rows = self.db.dicts(f"SELECT * FROM {table}")
            present = set()
            for r in rows:
                rid = str(r["id"])
                present.add(rid)
                e = by_seq.get(int(r["seq"]))
                if e is None or e.record != table or e.record_id != rid:
                    problems.append(f"{label} {rid}: has no audit entry (inserted or altered outside transqa)")
                    continue
                if {c: r[c] for c in cols} != {c: e.payload.get(c) for c in cols}:
                    changed = [c for c in cols if r[c] != e.payload.get(c)]
                    problems.append(f"{label} {rid}: differs from audit entry {e.seq} ({', '.join(changed)} altered)")
                if table == "signoffs":
                    report.signoffs += 1
                    problems += self._verify_signoff_hash(r)
            for rid in sorted(referenced[table] - present):
                problems.append(f"{label} {rid}: recorded in the audit log but missing from the database (deleted)")
        return problems

    @staticmethod
    def _verify_signoff_hash(r: dict[str, Any]) -> list[str]:
        try:
            files = json.loads(r["files"])
            content = Content({k: v["sha256"] for k, v in files.items()}, {k: v["path"] for k, v in files.items()})
        except (TypeError, ValueError, KeyError, AttributeError):
            return [f"signoff {r['id']}: its file hashes are unreadable"]
        if content.sha256 != r["content_sha256"] or content.source_sha256 != r["source_sha256"] \
                or content.translation_sha256 != r["translation_sha256"]:
            return [f"signoff {r['id']}: content hash does not match its file hashes"]
        return []

    def _known_files(self, log: list[AuditEntry]) -> dict[str, tuple[str, int]]:
        """path → (sha256, entry seq) of the last content transqa recorded for each file."""
        known: dict[str, tuple[str, int]] = {}
        for e in log:
            p = e.payload
            if e.record == "edits" and isinstance(p.get("file"), str):
                known[p["file"]] = (str(p.get("after_sha256")), e.seq)
            elif e.record == "signoffs" or e.action == "content.accepted":
                try:
                    files = json.loads(p["files"]) if isinstance(p.get("files"), str) else p.get("files")
                    for v in (files or {}).values():
                        known[v["path"]] = (v["sha256"], e.seq)
                except (TypeError, ValueError, KeyError, AttributeError):
                    continue
        return known


def sha256_text_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()

