"""The sign-off rules through the CLI (`transqa signoff`, `status`, `verify`), on both backends."""

from __future__ import annotations

import json

import pytest
from pg import database, make_project, pg_server, run_cli  # noqa: F401  (fixtures)


@pytest.fixture
def project(tmp_path, database):
    return make_project(tmp_path / "study", database)


def status_json(project, capsys) -> dict:
    capsys.readouterr()
    assert run_cli(["status", str(project), "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def entry(doc: dict, tid: str) -> dict:
    return next(t for t in doc["transcripts"] if t["id"] == tid)


def refused(capsys, argv) -> str:
    capsys.readouterr()
    assert run_cli(argv) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1, err
    return err


def test_two_distinct_reviewers_sign_off(project, capsys):
    p = str(project)
    assert entry(status_json(project, capsys), "T1")["state"] == "unchecked"
    assert run_cli(["signoff", p, "T1", "--reviewer", "ak", "--comment", "reads well"]) == 0
    doc = status_json(project, capsys)
    t1 = entry(doc, "T1")
    assert doc["schema"] == "transqa.status/1"
    assert t1["state"] == "in-review"
    [s] = t1["signoffs"]
    assert (s["reviewer"], s["decision"], s["current"]) == ("ak", "approve", True)
    assert s["at"].endswith("Z") and len(s["content_sha256"]) == 64
    assert s["meaning"] == "translation checked and comprehensible for analysis"
    assert s["comment"] == "reads well"
    assert run_cli(["signoff", p, "T1", "--reviewer", "bm"]) == 0
    t1 = entry(status_json(project, capsys), "T1")
    assert t1["state"] == "signed-off"
    assert {s["reviewer"] for s in t1["signoffs"]} == {"ak", "bm"}
    assert t1["open_findings"] == {"error": 0, "warning": 0, "info": 0}


def test_same_reviewer_twice_is_refused(project, capsys):
    p = str(project)
    assert run_cli(["signoff", p, "T1", "--reviewer", "ak"]) == 0
    err = refused(capsys, ["signoff", p, "T1", "--reviewer", "ak"])
    assert "already approved" in err and "two different reviewers" in err
    assert entry(status_json(project, capsys), "T1")["state"] == "in-review"


@pytest.mark.parametrize("translator", ["tt", "T. Translator", "t. translator"])
def test_translator_cannot_sign_by_id_or_name(tmp_path, capsys, translator):
    project = make_project(tmp_path / "s", translator=translator)
    err = refused(capsys, ["signoff", str(project), "T1", "--reviewer", "tt"])
    assert "translator" in err


def test_unknown_reviewer_is_refused(project, capsys):
    err = refused(capsys, ["signoff", str(project), "T1", "--reviewer", "zz"])
    assert "unknown reviewer 'zz'" in err


def test_open_error_findings_block_approval_unless_overridden(project, capsys):
    p = str(project)
    t2 = entry(status_json(project, capsys), "T2")
    assert t2["open_findings"]["error"] == 1
    err = refused(capsys, ["signoff", p, "T2", "--reviewer", "ak"])
    assert "1 open error finding" in err and "--override-reason" in err
    # a reject needs no clean slate
    assert run_cli(["signoff", p, "T2", "--reviewer", "bm", "--decision", "reject",
                    "--comment", "sleepy is wrong"]) == 0
    assert entry(status_json(project, capsys), "T2")["state"] == "rejected"
    assert run_cli(["signoff", p, "T2", "--reviewer", "ak", "--override-reason",
                    "term agreed with site lead"]) == 0
    t2 = entry(status_json(project, capsys), "T2")
    ak = next(s for s in t2["signoffs"] if s["reviewer"] == "ak")
    assert ak["override_reason"] == "term agreed with site lead" and ak["open_errors"] == 1
    assert t2["state"] == "rejected"  # bm's reject on this content still stands
    assert run_cli(["signoff", p, "T2", "--reviewer", "bm", "--override-reason", "ok after all"]) == 0
    assert entry(status_json(project, capsys), "T2")["state"] == "signed-off"


def test_any_change_after_sign_off_makes_it_stale(project, capsys):
    p = str(project)
    assert run_cli(["signoff", p, "T1", "--reviewer", "ak"]) == 0
    assert run_cli(["signoff", p, "T1", "--reviewer", "bm"]) == 0
    src = project / "ULM" / "t1.de.txt"
    src.write_bytes(src.read_bytes().replace(b"\n", b"\r\n"))  # only the line endings
    t1 = entry(status_json(project, capsys), "T1")
    assert t1["state"] == "stale"
    assert [s["current"] for s in t1["signoffs"]] == [False, False]
    capsys.readouterr()
    assert run_cli(["status", p]) == 0
    assert "stale" in capsys.readouterr().out
    # the same reviewer may approve the new content
    assert run_cli(["signoff", p, "T1", "--reviewer", "ak"]) == 0
    assert run_cli(["signoff", p, "T1", "--reviewer", "cn"]) == 0
    assert entry(status_json(project, capsys), "T1")["state"] == "signed-off"


def test_status_text_is_a_table_with_site_findings_reviewers_state(project, capsys):
    p = str(project)
    assert run_cli(["signoff", p, "T1", "--reviewer", "ak"]) == 0
    capsys.readouterr()
    assert run_cli(["status", p]) == 0
    out = capsys.readouterr().out
    row1 = next(ln for ln in out.splitlines() if " T1 " in ln)
    row2 = next(ln for ln in out.splitlines() if " T2 " in ln)
    assert "ULM" in row1 and "ak" in row1 and "in-review" in row1
    assert "unchecked" in row2 and " 1 " in row2  # one open error


def test_verify_exit_codes(project, capsys, tmp_path):
    p = str(project)
    assert run_cli(["signoff", p, "T1", "--reviewer", "ak"]) == 0
    capsys.readouterr()
    assert run_cli(["verify", p]) == 0
    assert capsys.readouterr().out.startswith("ok:")
    tr = project / "ULM" / "t1.en.txt"
    tr.write_text(tr.read_text(encoding="utf-8").replace("sister", "brother"), encoding="utf-8")
    assert run_cli(["verify", p]) == 1
    out = capsys.readouterr().out
    assert "ULM/t1.en.txt: changed outside transqa" in out
    assert run_cli(["verify", str(tmp_path / "nowhere")]) == 2


def test_verify_accept_records_a_legitimate_outside_change(project, capsys):
    p = str(project)
    assert run_cli(["signoff", p, "T1", "--reviewer", "ak"]) == 0
    tr = project / "ULM" / "t1.en.txt"
    tr.write_text(tr.read_text(encoding="utf-8").replace("sister", "brother"), encoding="utf-8")
    capsys.readouterr()
    assert run_cli(["verify", p, "--accept", "T1", "--reviewer", "ak"]) == 2  # a reason is required
    assert run_cli(["verify", p, "--accept", "T1", "--reviewer", "nobody", "--reason", "x"]) == 1
    assert run_cli(["verify", p, "--accept", "T1", "--reviewer", "ak",
                    "--reason", "translator's corrected version"]) == 0
    assert "ok:" in capsys.readouterr().out
    assert entry(status_json(project, capsys), "T1")["state"] == "stale"  # the old sign-off stays stale


def test_bad_input_exits_2(project, capsys):
    assert run_cli(["signoff", str(project), "NOPE", "--reviewer", "ak"]) == 2
    assert "no transcript 'NOPE'" in capsys.readouterr().err


def test_db_option_points_at_another_database(tmp_path, capsys):
    project = make_project(tmp_path / "s")
    other = tmp_path / "elsewhere" / "review.db"
    assert run_cli(["signoff", str(project), "T1", "--reviewer", "ak", "--db", str(other)]) == 0
    assert other.exists() and not (project / ".transqa" / "review.db").exists()
    assert entry(status_json(project, capsys), "T1")["state"] == "unchecked"  # the default db knows nothing
    capsys.readouterr()
    assert run_cli(["status", str(project), "--format", "json", "--db", str(other)]) == 0
    assert entry(json.loads(capsys.readouterr().out), "T1")["state"] == "in-review"
