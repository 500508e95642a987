"""Real processes: two reviewers saving at once lose nothing; a save killed midway leaves the
database consistent and the transcript whole. On SQLite and on a real PostgreSQL server."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from pg import database, make_project, pg_server  # noqa: F401  (fixtures)

from transqa.project import load_project
from transqa.project.run import load_pair
from transqa.store import open_store
from transqa.store.content import file_sha256

REPO = Path(__file__).resolve().parent.parent

PRELUDE = f"""
import os, signal, sys
sys.path.insert(0, {str(REPO)!r})
from transqa.model import Finding, Severity
from transqa.project import load_project
from transqa.store import open_store, writeback
root, db = sys.argv[1], sys.argv[2] or None
store = open_store(load_project(root), db)
"""

WORKER = PRELUDE + """
reviewer, line, n = sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
print("ready", flush=True)
sys.stdin.readline()  # start together
decision = "reject"
for i in range(n):
    f = Finding("format.concurrency", Severity.WARNING, f"finding {i}", (1,), (1,), evidence=f"{reviewer}-{i}")
    store.dismiss("T1", f, reviewer, reason=f"{reviewer} reason {i}")
    if i % 5 == 0:
        store.add_note("T1", 1 + i % 5, f"{reviewer} note {i}", reviewer)
    if i % 2 == 0:
        store.edit_translation("T1", line, f"{reviewer} edit {i}.", reviewer)
    if i % 8 == 0:
        decision = "approve" if decision == "reject" else "reject"
        store.sign_off("T2", reviewer, decision, override_reason="error accepted for the test")
if decision != "approve":
    store.sign_off("T2", reviewer, "approve", override_reason="error accepted for the test")
store.close()
"""


def spawn(script: str, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", script, *[str(a) for a in args]], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO)


def test_two_reviewers_at_once_lose_nothing(tmp_path, database):
    root = make_project(tmp_path / "study", database)  # both workers create the database at once
    n = 40
    procs = [spawn(WORKER, root, database or "", "ak", 2, n), spawn(WORKER, root, database or "", "bm", 4, n)]
    for p in procs:
        assert p.stdout.readline().strip() == "ready", p.stderr.read()
    for p in procs:
        p.stdin.write("go\n")
        p.stdin.flush()
    for p in procs:
        out, err = p.communicate(timeout=300)
        assert p.returncode == 0, err[-2000:]
    with open_store(load_project(root)) as store:
        disp = store.db.rows("SELECT reviewer, reason FROM dispositions")
        assert sorted(disp) == sorted([("ak", f"ak reason {i}") for i in range(n)]
                                      + [("bm", f"bm reason {i}") for i in range(n)])
        assert len(store.dispositions_for("T1")) == 2 * n  # every finding kept its own disposition
        notes = [(x.reviewer, x.text) for x in store.notes_for("T1")]
        assert sorted(notes) == sorted((r, f"{r} note {i}") for r in ("ak", "bm") for i in range(0, n, 5))
        edits = store.edits_for("T1")
        assert len(edits) == 2 * len(range(0, n, 2))
        # no lost update: every edit started from the file the previous edit left behind
        for prev, nxt in zip(edits, edits[1:]):
            assert nxt.before_sha256 == prev.after_sha256
        pair = load_pair(store.project, store.project.spec("T1"))
        lines = pair.translation.by_line()
        last = max(range(0, n, 2))
        assert lines[2].text == f"ak edit {last}." and lines[4].text == f"bm edit {last}."
        assert lines[2].speaker == "P1" and lines[4].speaker == "M"
        assert lines[1].text == "Welcome to our group today."
        signoffs = store.signoffs_for("T2")
        per = {r: [s.decision for s in signoffs if s.reviewer == r] for r in ("ak", "bm")}
        for r in ("ak", "bm"):
            expected = ["approve" if k % 2 == 0 else "reject" for k in range(len(range(0, n, 8)))]
            if expected[-1] != "approve":
                expected.append("approve")
            assert per[r] == expected
        assert store.state("T2") == "signed-off"
        report = store.verify()
        assert report.problems == []
        assert report.entries == 4 + 2 * n + len(notes) + len(edits) + len(signoffs)


KILLER = PRELUDE + """
mode = sys.argv[3]
real_install, real_stage = writeback.install, writeback.stage
def die():
    os.kill(os.getpid(), signal.SIGKILL)
if mode == "after-stage":        # staged file written, nothing committed
    def stage(target, data):
        real_stage(target, data); die()
    writeback.stage = stage
elif mode == "after-commit":     # edit committed, file not yet replaced
    def install(temp, target):
        die()
    writeback.install = install
elif mode == "after-replace":    # file replaced, pending marker not yet cleared
    def install(temp, target):
        real_install(temp, target); die()
    writeback.install = install
print("ready", flush=True)
i = 0
while True:
    i += 1
    store.edit_translation("T1", 2, f"Edit number {i} of the second line, {'x' * (i % 50)}.", "ak")
    if i % 3 == 0:
        f = Finding("format.kill", Severity.INFO, "k", (1,), (1,), evidence=str(i))
        store.dismiss("T1", f, "ak", reason="kill test")
"""


def _kill_and_check(root: Path, database: str | None, mode: str, wait: float) -> str | None:
    """Run the killer once; returns "before"/"after" (what the file held at death) or None
    when no edit had been committed."""
    proc = spawn(KILLER, root, database or "", mode)
    assert proc.stdout.readline().strip() == "ready", proc.stderr.read()
    if mode == "random":
        time.sleep(wait)
        proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL, proc.stderr.read()[-2000:]
    path = root / "ULM" / "t1.en.txt"
    project = load_project(root)
    if database is None:
        import sqlite3

        conn = sqlite3.connect(root / ".transqa" / "review.db")
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.close()
    # Before any recovery: the file is whole, and is either the last committed edit's
    # "before" (killed before the rename) or its "after".
    load_pair(project, project.spec("T1"))
    with _raw(project, database) as raw:
        last = raw.db.one("SELECT before_sha256, after_sha256 FROM edits ORDER BY seq DESC LIMIT 1")
    current = file_sha256(path)
    assert last is None or current in last
    state = None if last is None else ("after" if current == last[1] else "before")
    with open_store(project) as store:  # opening completes an interrupted save
        assert store.verify().problems == []
        if last:
            assert file_sha256(path) == last[1]
    leftovers = [p.name for p in path.parent.iterdir() if "transqa-tmp" in p.name]
    assert leftovers == []
    return state


class _raw:
    """The store without its opening-time recovery, to look at the state a crash left."""

    def __init__(self, project, database):
        from transqa.store.dialect import Database
        from transqa.store.review import ReviewStore, database_target

        self.store = ReviewStore(project, Database.open(database_target(project, database)))

    def __enter__(self):
        return self.store

    def __exit__(self, *exc):
        self.store.close()


@pytest.mark.parametrize("mode", ["after-stage", "after-commit", "after-replace"])
def test_kill_at_each_step_of_a_save(tmp_path, database, mode):
    root = make_project(tmp_path / "study", database)
    open_store(load_project(root)).close()
    original = (root / "ULM" / "t1.en.txt").read_bytes()
    state = _kill_and_check(root, database, mode, 0)
    assert state == {"after-stage": None, "after-commit": "before", "after-replace": "after"}[mode]
    changed = (root / "ULM" / "t1.en.txt").read_bytes() != original
    assert changed == (mode != "after-stage")


def test_kill_at_random_moments(tmp_path, database):
    root = make_project(tmp_path / "study", database)
    open_store(load_project(root)).close()
    rng = random.Random(20261122)
    for _ in range(6):
        _kill_and_check(root, database, "random", rng.uniform(0.05, 0.6))
    with open_store(load_project(root)) as store:
        assert len(store.edits_for("T1")) > 0
        assert store.verify().problems == []


OPENER = f"""
import sys
sys.path.insert(0, {str(REPO)!r})
from transqa.store.dialect import Database
sys.stdin.readline()  # open together
db = Database.open(sys.argv[1])
db.execute("CREATE TABLE IF NOT EXISTS t (x)")
db.close()
"""


def test_reviewers_creating_a_new_database_together_all_get_in(tmp_path):
    """Switching a new SQLite file to WAL mode raced: one of several openers got "database is
    locked" at once (seen in CI). Every opener must get in."""
    failures = []
    for trial in range(8):
        path = tmp_path / f"t{trial}" / "review.db"
        procs = [spawn(OPENER, path) for _ in range(6)]
        time.sleep(0.3)
        for p in procs:
            p.stdin.write("\n")
            p.stdin.flush()
        for p in procs:
            _, err = p.communicate(timeout=120)
            if p.returncode:
                failures.append(err.strip().splitlines()[-1])
    assert failures == []
