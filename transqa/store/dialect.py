"""The two database backends behind one tiny interface: SQLite (a file) and PostgreSQL (a URL).

SQL in the store is written once, SQLite-style, with ``?`` placeholders and the token ``{pk}``
for an auto-incrementing primary key; :class:`Database` rewrites both for PostgreSQL. Both
engines understand ``INSERT … ON CONFLICT … DO UPDATE`` and ``RETURNING``, so nothing else
differs. There is no ORM on purpose: the schema is small and must stay readable.

Writes go through :meth:`Database.write`, a context manager that holds the database's write lock
for the whole transaction (``BEGIN IMMEDIATE`` in SQLite, a transaction-scoped advisory lock in
PostgreSQL). That serialises writers across processes and sites, which the audit chain needs:
each entry's hash covers the previous entry's hash, read inside the same transaction.
"""

from __future__ import annotations

import re
import sqlite3
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from transqa.errors import InputError

# Any constant works; it only has to be the same for every transqa process on one database.
_PG_WRITE_LOCK = 0x7472_616E_7371_61  # "transqa"
BUSY_TIMEOUT_S = 60.0


def is_postgres_url(url: str) -> bool:
    return url.startswith(("postgresql://", "postgres://"))


def mask_url(url: str) -> str:
    """The URL with any password replaced, safe to print in messages."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", url)


def _switch_to_wal(conn: sqlite3.Connection) -> None:
    """Put the database in WAL mode, waiting out another process doing the same.

    Changing the journal mode takes an exclusive lock, and SQLite reports "database is locked"
    at once, without its busy handler, when two reviewers open a new database together. So
    retry with a short back-off until the busy timeout; a database already in WAL mode
    answers without a lock.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_S
    delay = 0.01
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as e:
            if "locked" not in str(e) and "busy" not in str(e) or time.monotonic() > deadline:
                raise
            time.sleep(delay)
            delay = min(delay * 2, 0.25)


class Database:
    """One connection to the review database, SQLite or PostgreSQL."""

    def __init__(self, kind: str, conn: Any, where: str) -> None:
        self.kind = kind  # "sqlite" | "postgresql"
        self.conn = conn
        self.where = where  # a path or a masked URL, for messages
        self._in_tx = False

    # -- connecting -------------------------------------------------------------------------
    @classmethod
    def open(cls, target: str | Path) -> "Database":
        if isinstance(target, str) and is_postgres_url(target):
            return cls._open_postgres(target)
        return cls._open_sqlite(Path(target))

    @classmethod
    def _open_sqlite(cls, path: Path) -> "Database":
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_S, isolation_level=None)
            conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
            _switch_to_wal(conn)
            # FULL: a commit is on disk before the transcript file is replaced (see writeback).
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA foreign_keys = ON")
        except (sqlite3.Error, OSError) as e:
            raise InputError(path, f"cannot open the review database: {e}") from None
        return cls("sqlite", conn, str(path))

    @classmethod
    def _open_postgres(cls, url: str) -> "Database":
        try:
            import psycopg
        except ImportError:  # pragma: no cover - psycopg is a dependency
            raise InputError(None, "PostgreSQL needs the 'psycopg' package") from None
        try:
            conn = psycopg.connect(url, autocommit=True, connect_timeout=10)
        except psycopg.Error as e:
            first = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
            raise InputError(mask_url(url), f"cannot connect to the review database: {first}") from None
        return cls("postgresql", conn, mask_url(url))

    def close(self) -> None:
        try:
            self.conn.close()
        except Exception:  # closing twice or after a dropped connection is harmless
            pass

    # -- SQL --------------------------------------------------------------------------------
    def sql(self, statement: str) -> str:
        """Rewrite SQLite-style SQL for this backend."""
        if self.kind == "postgresql":
            # psycopg treats % as a placeholder marker: a literal one (LIKE 'a%') is %%
            return statement.replace("{pk}", "BIGSERIAL PRIMARY KEY").replace("%", "%%").replace("?", "%s")
        return statement.replace("{pk}", "INTEGER PRIMARY KEY AUTOINCREMENT")

    def execute(self, statement: str, params: Sequence[Any] = ()) -> Any:
        return self.conn.execute(self.sql(statement), tuple(params))

    def rows(self, statement: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return [tuple(r) for r in self.execute(statement, params).fetchall()]

    def one(self, statement: str, params: Sequence[Any] = ()) -> tuple[Any, ...] | None:
        row = self.execute(statement, params).fetchone()
        return tuple(row) if row is not None else None

    def dicts(self, statement: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cur = self.execute(statement, params)
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r)) for r in cur.fetchall()]

    def insert(self, statement: str, params: Sequence[Any] = ()) -> int:
        """Run an INSERT … RETURNING id and give the new id."""
        row = self.execute(statement + " RETURNING id", params).fetchone()
        return int(row[0])

    def table_exists(self, name: str) -> bool:
        if self.kind == "postgresql":
            row = self.one("SELECT to_regclass(?)", (name,))
            return bool(row and row[0])
        return self.one("SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (name,)) is not None

    # -- transactions -----------------------------------------------------------------------
    @contextmanager
    def write(self) -> Iterator["Database"]:
        """One write transaction holding the database-wide write lock; rolled back on error."""
        if self._in_tx:  # nested use joins the open transaction
            yield self
            return
        self._begin()
        self._in_tx = True
        try:
            yield self
        except BaseException:
            self._in_tx = False
            self._rollback()
            raise
        self._in_tx = False
        self.execute("COMMIT")

    def _begin(self) -> None:
        if self.kind == "postgresql":
            self.execute("BEGIN")
            self.execute("SELECT pg_advisory_xact_lock(?)", (_PG_WRITE_LOCK,))
        else:
            self.execute("BEGIN IMMEDIATE")

    def _rollback(self) -> None:
        try:
            self.execute("ROLLBACK")
        except Exception:  # the connection may already be gone; the server rolls back itself
            pass

    @contextmanager
    def read(self) -> Iterator["Database"]:
        """A consistent snapshot for several reads (verify must not see half a write)."""
        if self._in_tx:
            yield self
            return
        if self.kind == "postgresql":
            self.execute("BEGIN ISOLATION LEVEL REPEATABLE READ")
        else:
            self.execute("BEGIN")  # deferred: a WAL read snapshot from the first SELECT on
        self._in_tx = True
        try:
            yield self
        finally:
            self._in_tx = False
            self._rollback()
