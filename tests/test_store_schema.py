"""The review database: created on first use, versioned, migrated in order, WAL on SQLite."""

from __future__ import annotations

import sqlite3

import pytest
from pg import database, make_project, pg_server  # noqa: F401  (fixtures)

from transqa.errors import InputError
from transqa.project import load_project
from transqa.store import open_store
from transqa.store import schema as schema_mod
from transqa.store.dialect import Database, mask_url
from transqa.store.review import database_target


def test_created_on_first_use_inside_the_project(tmp_path):
    root = make_project(tmp_path / "s")
    assert not (root / ".transqa").exists()
    with open_store(load_project(root)) as store:
        assert store.db.kind == "sqlite"
        assert store.db.one("PRAGMA journal_mode")[0] == "wal"
    conn = sqlite3.connect(root / ".transqa" / "review.db")
    versions = [r[0] for r in conn.execute("SELECT version FROM schema_version ORDER BY version")]
    assert versions == [n for n, _, _ in schema_mod.MIGRATIONS]
    reviewers = conn.execute("SELECT id, name, role FROM reviewers ORDER BY id").fetchall()
    assert reviewers == [("ak", "A. Kaya", "researcher"), ("bm", "B. Meyer", "researcher"),
                         ("cn", "C. Nakato", "site lead"), ("tt", "T. Translator", "translator")]


def test_reopening_changes_nothing_and_reviewer_changes_are_audited(tmp_path, database):
    root = make_project(tmp_path / "s", database)
    with open_store(load_project(root)) as store:
        n = len(store.history())
    with open_store(load_project(root)) as store:
        assert len(store.history()) == n  # nothing new to record
    toml = root / "transqa.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace('name = "B. Meyer"', 'name = "B. Meyer-Ott"'),
                    encoding="utf-8")
    with open_store(load_project(root)) as store:
        last = store.history()[-1]
        assert (last.action, last.record_id, last.payload["name"]) == ("reviewer.changed", "bm", "B. Meyer-Ott")
        assert store.verify().problems == []


def test_migrations_apply_in_order_and_only_once(tmp_path, database):
    root = make_project(tmp_path / "s", database)
    project = load_project(root)
    open_store(project).close()
    extra = schema_mod.MIGRATIONS + [
        (schema_mod.LATEST + 1, "test: a column", ["ALTER TABLE notes ADD COLUMN colour TEXT"]),
        (schema_mod.LATEST + 2, "test: an index", ["CREATE INDEX notes_colour ON notes (colour)"]),
    ]
    db = Database.open(database_target(project))
    try:
        assert schema_mod.migrate(db, extra) == schema_mod.LATEST + 2
        assert schema_mod.migrate(db, extra) == schema_mod.LATEST + 2  # idempotent
        rows = db.rows("SELECT version FROM schema_version ORDER BY version")
        assert [r[0] for r in rows] == list(range(1, schema_mod.LATEST + 3))
        db.execute("UPDATE notes SET colour = 'red'")  # the column exists
    finally:
        db.close()
    with pytest.raises(InputError, match="newer than this transqa understands"):
        open_store(project)


def test_failed_migration_leaves_the_old_version(tmp_path, database):
    root = make_project(tmp_path / "s", database)
    project = load_project(root)
    open_store(project).close()
    broken = schema_mod.MIGRATIONS + [(schema_mod.LATEST + 1, "broken", [
        "CREATE TABLE half_done (x INTEGER)", "THIS IS NOT SQL"])]
    db = Database.open(database_target(project))
    try:
        with pytest.raises(Exception):
            schema_mod.migrate(db, broken)
        assert schema_mod.current_version(db) == schema_mod.LATEST
        assert not db.table_exists("half_done")
    finally:
        db.close()


def test_database_location_and_bad_urls(tmp_path):
    root = make_project(tmp_path / "s")
    project = load_project(root)
    assert database_target(project) == str(root.resolve() / ".transqa" / "review.db")
    assert database_target(project, "other.db") == str(root.resolve() / "other.db")
    assert database_target(project, "postgresql://u:pw@h/db") == "postgresql://u:pw@h/db"
    assert mask_url("postgresql://u:secret@h/db") == "postgresql://u:***@h/db"
    with pytest.raises(InputError) as e:
        open_store(project, "postgresql://u:secret@/nodb?host=/nonexistent-socket-dir")
    assert "cannot connect" in str(e.value) and "secret" not in str(e.value)


def test_store_never_imports_rich_or_textual():
    import subprocess
    import sys

    code = ("import sys; import transqa.store, transqa.store.docx_edit; "
            "bad = [m for m in sys.modules if m.split('.')[0] in ('rich', 'textual')]; "
            "assert not bad, bad")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=str(__import__("pathlib").Path(__file__).parent.parent))
