"""The audit trail is tamper-evident: every kind of alteration is reported by verify()."""

from __future__ import annotations

import json

import pytest
from pg import database, make_project, pg_server  # noqa: F401  (fixtures)

from transqa.model import Finding, Severity
from transqa.project import load_project
from transqa.store import open_store
from transqa.store.audit import GENESIS, canonical_json, entry_hash


@pytest.fixture
def store(tmp_path, database):
    project = load_project(make_project(tmp_path / "study", database))
    s = open_store(project)
    finding = Finding("format.test", Severity.WARNING, "test finding", (1,), (1,))
    s.dismiss("T1", finding, "ak", reason="false alarm")
    s.add_note("T1", 2, "clear enough", "bm")
    s.edit_translation("T1", 3, "The work is really hard for me.", "ak")
    s.sign_off("T1", "ak", comment="fine")
    s.sign_off("T1", "bm")
    assert s.verify().problems == []
    yield s
    s.close()


def problems(store) -> list[str]:
    return store.verify().problems


def test_chain_links_every_entry_to_the_previous_one(store):
    log = store.history()
    assert [e.seq for e in log] == list(range(1, len(log) + 1))
    assert log[0].prev_hash == GENESIS
    for a, b in zip(log, log[1:]):
        assert b.prev_hash == a.hash
    for e in log:
        body = {"seq": e.seq, "at": e.at, "actor": e.actor, "action": e.action, "transcript": e.transcript,
                "record": e.record, "record_id": e.record_id, "payload": e.payload, "prev": e.prev_hash}
        assert e.hash == entry_hash(e.seq, e.at, e.actor, e.action, e.transcript, e.record, e.record_id,
                                    e.payload, e.prev_hash)
        import hashlib

        assert e.hash == hashlib.sha256(canonical_json(body).encode()).hexdigest()
    actions = [e.action for e in log]
    assert actions[:4] == ["reviewer.declared"] * 4
    assert actions[4:] == ["finding.dismissed", "note.added", "translation.edited", "signoff.approve",
                           "signoff.approve"]


def test_edited_log_payload_is_detected(store):
    seq, payload = store.db.one("SELECT seq, payload FROM audit_log WHERE action = 'note.added'")
    data = json.loads(payload)
    data["text"] = "unclear"
    store.db.execute("UPDATE audit_log SET payload = ? WHERE seq = ?", (canonical_json(data), seq))
    found = problems(store)
    assert any(f"entry {seq} (note.added) was altered" in p for p in found)
    assert any(p.startswith("note ") and "differs from audit entry" in p for p in found)


def test_deleted_log_row_is_detected(store):
    seq = store.db.one("SELECT seq FROM audit_log WHERE action = 'finding.dismissed'")[0]
    store.db.execute("DELETE FROM audit_log WHERE seq = ?", (seq,))
    found = problems(store)
    assert any(f"entry {seq} is missing" in p for p in found)
    assert any("disposition 1: has no audit entry" in p for p in found)


def test_reordered_log_rows_are_detected(store):
    a, b = store.db.rows("SELECT seq FROM audit_log WHERE action LIKE 'signoff.%' ORDER BY seq")
    store.db.execute("UPDATE audit_log SET seq = -1 WHERE seq = ?", a)
    store.db.execute("UPDATE audit_log SET seq = ? WHERE seq = ?", (a[0], b[0]))
    store.db.execute("UPDATE audit_log SET seq = ? WHERE seq = -1", b)
    found = problems(store)
    assert any("does not follow" in p for p in found)
    assert any("was altered" in p for p in found)


def test_rehashed_forgery_still_breaks_the_link_to_the_next_entry(store):
    """Rewriting one entry and recomputing its own hash does not help: the next entry's
    previous-hash no longer matches."""
    e = next(x for x in store.history() if x.action == "note.added")
    payload = dict(e.payload, text="forged")
    forged = entry_hash(e.seq, e.at, e.actor, e.action, e.transcript, e.record, e.record_id, payload, e.prev_hash)
    store.db.execute("UPDATE audit_log SET payload = ?, hash = ? WHERE seq = ?",
                     (canonical_json(payload), forged, e.seq))
    store.db.execute("UPDATE notes SET text = 'forged'")
    assert any(f"entry {e.seq + 1} does not follow" in p for p in problems(store))


def test_truncated_log_tail_is_detected(store):
    last = store.db.one("SELECT MAX(seq) FROM audit_log")[0]
    store.db.execute("DELETE FROM audit_log WHERE seq = ?", (last,))
    store.db.execute("DELETE FROM signoffs WHERE seq = ?", (last,))
    found = problems(store)
    assert any("entries were removed from the end" in p for p in found)


def test_edited_signoff_row_is_detected(store):
    store.db.execute("UPDATE signoffs SET reviewer = 'cn' WHERE reviewer = 'bm'")
    found = problems(store)
    assert any(p.startswith("signoff ") and "reviewer altered" in p for p in found)


def test_signoff_bound_to_other_content_is_detected(store):
    """Moving a sign-off to other content (changing its hash in row and log) is caught twice."""
    store.db.execute("UPDATE signoffs SET content_sha256 = ? WHERE reviewer = 'ak'", ("0" * 64,))
    found = problems(store)
    assert any("content_sha256 altered" in p for p in found)
    assert any("content hash does not match its file hashes" in p for p in found)


def test_deleted_signoff_row_is_detected(store):
    store.db.execute("DELETE FROM signoffs WHERE reviewer = 'bm'")
    found = problems(store)
    assert any("missing from the database (deleted)" in p for p in found)
    assert store.state("T1") == "in-review"


def test_inserted_signoff_row_is_detected(store):
    cols = ("transcript, reviewer, reviewer_name, reviewer_role, decision, meaning, at, comment, override_reason, "
            "open_errors, source_sha256, translation_sha256, content_sha256, files, seq")
    store.db.execute(f"INSERT INTO signoffs ({cols}) SELECT transcript, 'cn', 'C. Nakato', reviewer_role, "
                     "decision, meaning, at, comment, override_reason, open_errors, source_sha256, "
                     "translation_sha256, content_sha256, files, seq FROM signoffs WHERE reviewer = 'ak'")
    assert any("has no audit entry" in p for p in problems(store))


def test_file_changed_outside_transqa_is_detected_and_accepting_it_clears(store):
    path = store.root / "ULM" / "t1.de.txt"
    path.write_text(path.read_text(encoding="utf-8") + "P2: Noch etwas.\n", encoding="utf-8")
    found = problems(store)
    assert found == [next(p for p in found if p.startswith("ULM/t1.de.txt: changed outside transqa"))]
    assert store.state("T1") == "stale"
    store.accept_content("T1", "cn", reason="translator delivered the final source")
    assert problems(store) == []
    assert store.state("T1") == "stale"  # accepting the files is not approving them


def test_deleted_transcript_file_is_reported(store):
    (store.root / "ULM" / "t1.en.txt").unlink()
    assert any(p.startswith("ULM/t1.en.txt: missing") for p in problems(store))
