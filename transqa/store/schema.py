"""The review database schema as ordered migration steps.

``schema_version`` holds one row per applied step. Opening a store applies the missing steps in
order inside one write transaction, so two processes opening a new database at once cannot both
create it, and a database written by a newer transqa is refused rather than misread.

To change the schema, append a step to :data:`MIGRATIONS` (never edit an applied one).

Every record table has ``seq``: the audit-log entry that recorded the row. ``transqa verify``
compares each row with the payload of that entry, so editing or deleting a row is detected.
"""

from __future__ import annotations

from datetime import datetime, timezone

from transqa.errors import InputError
from transqa.store.dialect import Database

MIGRATIONS: list[tuple[int, str, list[str]]] = [
    (1, "review store: reviewers, audit log, dispositions, edits, notes, sign-offs", [
        """CREATE TABLE store_meta (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL)""",
        """CREATE TABLE reviewers (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            role TEXT NOT NULL,
            seq INTEGER NOT NULL)""",
        """CREATE TABLE audit_log (
            seq INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            actor TEXT,
            action TEXT NOT NULL,
            transcript TEXT,
            record TEXT,
            record_id TEXT,
            payload TEXT NOT NULL,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL)""",
        # One row (id = 1): the newest entry. Catches a log cut off at its end.
        """CREATE TABLE audit_head (
            id INTEGER PRIMARY KEY,
            seq INTEGER NOT NULL,
            hash TEXT NOT NULL)""",
        """CREATE TABLE dispositions (
            id {pk},
            transcript TEXT NOT NULL,
            finding_key TEXT NOT NULL,
            check_id TEXT NOT NULL,
            status TEXT NOT NULL,
            reason TEXT,
            reviewer TEXT NOT NULL,
            at TEXT NOT NULL,
            source_lines TEXT NOT NULL,
            translation_lines TEXT NOT NULL,
            message TEXT NOT NULL,
            seq INTEGER NOT NULL)""",
        "CREATE INDEX dispositions_by_key ON dispositions (transcript, finding_key)",
        """CREATE TABLE edits (
            id {pk},
            transcript TEXT NOT NULL,
            side TEXT NOT NULL,
            line INTEGER NOT NULL,
            file TEXT NOT NULL,
            before_text TEXT NOT NULL,
            after_text TEXT NOT NULL,
            reviewer TEXT NOT NULL,
            at TEXT NOT NULL,
            before_sha256 TEXT NOT NULL,
            after_sha256 TEXT NOT NULL,
            backup TEXT,
            pending TEXT,
            seq INTEGER NOT NULL)""",
        "CREATE INDEX edits_by_transcript ON edits (transcript)",
        """CREATE TABLE notes (
            id {pk},
            transcript TEXT NOT NULL,
            side TEXT NOT NULL,
            line INTEGER NOT NULL,
            text TEXT NOT NULL,
            reviewer TEXT NOT NULL,
            at TEXT NOT NULL,
            seq INTEGER NOT NULL)""",
        "CREATE INDEX notes_by_transcript ON notes (transcript)",
        """CREATE TABLE signoffs (
            id {pk},
            transcript TEXT NOT NULL,
            reviewer TEXT NOT NULL,
            reviewer_name TEXT NOT NULL,
            reviewer_role TEXT NOT NULL,
            decision TEXT NOT NULL,
            meaning TEXT NOT NULL,
            at TEXT NOT NULL,
            comment TEXT,
            override_reason TEXT,
            open_errors INTEGER NOT NULL,
            source_sha256 TEXT,
            translation_sha256 TEXT,
            content_sha256 TEXT NOT NULL,
            files TEXT NOT NULL,
            seq INTEGER NOT NULL)""",
        "CREATE INDEX signoffs_by_transcript ON signoffs (transcript)",
    ]),
]

LATEST = MIGRATIONS[-1][0]


def now_utc() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def current_version(db: Database) -> int:
    if not db.table_exists("schema_version"):
        return 0
    row = db.one("SELECT MAX(version) FROM schema_version")
    return int(row[0]) if row and row[0] is not None else 0


def migrate(db: Database, migrations: list[tuple[int, str, list[str]]] | None = None) -> int:
    """Bring the schema up to date; returns the version now in force."""
    steps = MIGRATIONS if migrations is None else migrations
    latest = steps[-1][0]
    if _up_to_date(db, latest):
        return latest
    with db.write():
        db.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
                   "description TEXT NOT NULL, applied_at TEXT NOT NULL)")
        version = current_version(db)
        if version > latest:
            raise InputError(db.where, f"the review database has schema version {version}, newer "
                             f"than this transqa understands ({latest}); upgrade transqa")
        for number, description, statements in steps:
            if number <= version:
                continue
            for statement in statements:
                db.execute(statement)
            db.execute("INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)",
                       (number, description, now_utc()))
        return latest


def _up_to_date(db: Database, latest: int) -> bool:
    version = current_version(db)
    if version > latest:
        raise InputError(db.where, f"the review database has schema version {version}, newer than "
                         f"this transqa understands ({latest}); upgrade transqa")
    return version == latest
