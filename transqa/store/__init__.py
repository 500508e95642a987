"""The review store: dispositions, edits, notes, sign-offs and a tamper-evident audit trail.

One small API serves the CLI (``status``, ``signoff``, ``verify``) and the review UI, so neither
holds database code::

    from transqa.store import open_store, Refused

    with open_store(project) as store:            # project = transqa.project.load_project(...)
        store.findings(["ULM-FGD1"])              # {id: [ReviewedFinding(finding, key, disposition)]}
        store.dismiss("ULM-FGD1", finding, "ak", reason="name of a public clinic, allowed")
        store.reopen(...); store.mark_fixed(...)  # same arguments; mark_fixed takes a comment
        store.dispositions_for("ULM-FGD1")        # {finding key: latest Disposition}
        store.edit_translation("ULM-FGD1", 41, "new text", "ak")   # -> Edit, file rewritten atomically
        store.edits_for("ULM-FGD1")
        store.add_note("ULM-FGD1", 41, "idiom unclear to non-speakers", "ak")   # -> Note
        store.notes_for("ULM-FGD1")
        store.sign_off("ULM-FGD1", "ak", "approve", comment=..., override_reason=...)  # -> SignOff
        store.signoffs_for("ULM-FGD1", store.content("ULM-FGD1").sha256)
        store.state("ULM-FGD1")                   # unchecked | in-review | signed-off | stale | rejected
        store.status()                            # [TranscriptStatus] for every transcript
        store.history("ULM-FGD1")                 # audit entries, oldest first
        store.verify()                            # VerifyReport(problems=[...], entries, head)

Rule violations raise :class:`Refused` (one line for the user); bad input raises
:class:`transqa.errors.InputError`.

Where the data lives: ``<project>/.transqa/review.db`` (SQLite, WAL mode), created on first use;
or a PostgreSQL database given as ``[store] database = "postgresql://…"`` in transqa.toml or
``--db URL`` on the commands, for teams spread over several sites. The same SQL runs on both
(:mod:`transqa.store.dialect`). Schema: :mod:`transqa.store.schema` (versioned migrations).
Every change is one transaction holding the database's write lock and appends one entry to the
hash-chained audit log (:mod:`transqa.store.audit`) in that same transaction.

What is bound to what: :mod:`transqa.store.content` (sign-offs to file bytes, dismissals to the
text of the segments a finding is about). States: :mod:`transqa.store.states`. Writing edits
back safely: :mod:`transqa.store.writeback`.

This package never imports rich or textual.
"""

from transqa.store.audit import AuditEntry
from transqa.store.review import (
    DECISIONS,
    MEANING,
    Disposition,
    Edit,
    Note,
    Refused,
    ReviewedFinding,
    ReviewStore,
    SignOff,
    TranscriptStatus,
    VerifyReport,
    database_target,
    open_store,
)
from transqa.store.states import STATES

__all__ = [
    "AuditEntry", "DECISIONS", "MEANING", "STATES", "Disposition", "Edit", "Note", "Refused",
    "ReviewStore", "ReviewedFinding", "SignOff", "TranscriptStatus", "VerifyReport", "database_target",
    "open_store",
]
