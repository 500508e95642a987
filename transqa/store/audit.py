"""The append-only, hash-chained audit log.

Each entry is ``seq, at, actor, action, transcript, record, record_id, payload`` plus the hash
of the previous entry. Its own hash is

    SHA-256( canonical JSON of {seq, at, actor, action, transcript, record, record_id,
                                payload, prev} )

where canonical JSON is ``json.dumps(sort_keys=True, separators=(",", ":"),
ensure_ascii=False)`` encoded as UTF-8, and ``prev`` of the first entry is 64 zeros. Because
``seq`` and ``prev`` are inside the hash, editing, deleting or reordering a row breaks the chain
at that row; ``audit_head`` keeps the newest seq and hash, so cutting entries off the end is
seen too.

What a hash chain cannot do: someone with write access to the database can rebuild the whole
chain. Anchor the head hash outside (``transqa verify`` prints it; commit it or e-mail it).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from transqa.store.dialect import Database
from transqa.store.schema import now_utc

GENESIS = "0" * 64


def canonical_json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class AuditEntry:
    seq: int
    at: str
    actor: str | None
    action: str
    transcript: str | None
    record: str | None
    record_id: str | None
    payload: dict[str, Any]
    prev_hash: str
    hash: str

    def to_json(self) -> dict[str, Any]:
        return {"seq": self.seq, "at": self.at, "actor": self.actor, "action": self.action,
                "transcript": self.transcript, "record": self.record, "record_id": self.record_id,
                "payload": self.payload, "prev_hash": self.prev_hash, "hash": self.hash}


def entry_hash(seq: int, at: str, actor: str | None, action: str, transcript: str | None,
               record: str | None, record_id: str | None, payload: dict[str, Any], prev: str) -> str:
    body = {"seq": seq, "at": at, "actor": actor, "action": action, "transcript": transcript,
            "record": record, "record_id": record_id, "payload": payload, "prev": prev}
    return sha256_text(canonical_json(body))


def head(db: Database) -> tuple[int, str]:
    row = db.one("SELECT seq, hash FROM audit_head WHERE id = 1")
    return (int(row[0]), str(row[1])) if row else (0, GENESIS)


def next_seq(db: Database) -> int:
    """The seq the next entry will get; call inside :meth:`Database.write`."""
    return head(db)[0] + 1


def append(db: Database, *, action: str, actor: str | None, transcript: str | None,
           payload: dict[str, Any], record: str | None = None, record_id: str | None = None,
           at: str | None = None) -> AuditEntry:
    """Append one entry. Must run inside :meth:`Database.write` (the head is read under the lock)."""
    seq, prev = head(db)
    seq += 1
    at = at or now_utc()
    digest = entry_hash(seq, at, actor, action, transcript, record, record_id, payload, prev)
    db.execute("INSERT INTO audit_log (seq, at, actor, action, transcript, record, record_id, payload, "
               "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
               (seq, at, actor, action, transcript, record, record_id, canonical_json(payload), prev, digest))
    db.execute("INSERT INTO audit_head (id, seq, hash) VALUES (1, ?, ?) "
               "ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash", (seq, digest))
    return AuditEntry(seq, at, actor, action, transcript, record, record_id, payload, prev, digest)


def entries(db: Database, transcript: str | None = None) -> list[AuditEntry]:
    """Entries in log order (all, or those about one transcript)."""
    where, params = ("WHERE transcript = ?", (transcript,)) if transcript else ("", ())
    out = []
    for seq, at, actor, action, tid, record, rid, payload, prev, digest in db.rows(
            "SELECT seq, at, actor, action, transcript, record, record_id, payload, prev_hash, hash "
            f"FROM audit_log {where} ORDER BY seq", params):
        try:
            data = json.loads(payload)
        except (TypeError, ValueError):
            data = {"__unreadable__": str(payload)}
        out.append(AuditEntry(int(seq), at, actor, action, tid, record, rid, data, prev, digest))
    return out


def verify_chain(db: Database) -> tuple[list[str], list[AuditEntry]]:
    """Problems with the chain (empty when it holds) and the entries read."""
    problems: list[str] = []
    log = entries(db)
    prev = GENESIS
    expected_seq = 1
    for e in log:
        if e.seq != expected_seq:
            problems.append(f"audit log: entry {expected_seq} is missing (next is {e.seq}): rows deleted or reordered")
            expected_seq = e.seq
        if e.prev_hash != prev:
            problems.append(f"audit log: entry {e.seq} does not follow entry {e.seq - 1} "
                            f"(previous-hash mismatch): rows deleted, inserted or reordered")
        recomputed = entry_hash(e.seq, e.at, e.actor, e.action, e.transcript, e.record, e.record_id,
                                e.payload, e.prev_hash)
        if recomputed != e.hash:
            problems.append(f"audit log: entry {e.seq} ({e.action}) was altered (hash mismatch)")
        prev = e.hash
        expected_seq += 1
    head_seq, head_hash = head(db)
    last_seq, last_hash = (log[-1].seq, log[-1].hash) if log else (0, GENESIS)
    if (head_seq, head_hash) != (last_seq, last_hash):
        problems.append(f"audit log: ends at entry {last_seq} but its head records entry {head_seq}: "
                        "entries were removed from the end or the head was altered")
    return problems, log
