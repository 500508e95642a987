"""`transqa check`, `align`, `checks`, `init` against the contract: modes, JSON shape, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from transqa.cli.main import main

DE = [
    "M: [00:00:05] Willkommen zur Gruppe. Wie erleben Sie die Arbeit der Peer-Begleiter?",
    "R1: [00:00:12] Ich finde, sie bringen eine ganz andere Perspektive in das Team.",
    "R2: [00:00:20] Am Anfang war die Rolle nicht klar, das hat zu Konflikten geführt.",
    "R1: [00:00:31] Inzwischen haben wir drei Peer-Begleiter auf der Station.",
    "M: [00:00:40] Was hat sich für die Patientinnen und Patienten verändert?",
    "R3: [00:00:47] Sie fühlen sich ernster genommen und sprechen offener über Rückfälle.",
]
EN = [
    "M: [00:00:05] Welcome to the group. How do you experience the work of the peer support workers?",
    "R1: [00:00:12] I think they bring a completely different perspective into the team.",
    "R2: [00:00:20] At the beginning the role was not clear, which led to conflicts.",
    "R1: [00:00:31] By now we have three peer support workers on the ward.",
    "M: [00:00:40] What has changed for the patients?",
    "R3: [00:00:47] They feel taken more seriously and talk more openly about relapses.",
]


def write(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run_json(capsys, args: list[str]) -> tuple[int, dict]:
    code = main([*args, "--format", "json"])
    out = capsys.readouterr().out
    return code, json.loads(out)


def test_pair_mode_json_follows_the_contract(tmp_path, capsys):
    src, tr = write(tmp_path / "s.txt", DE), write(tmp_path / "t.txt", EN)
    code, data = run_json(capsys, ["check", "--source", str(src), "--translation", str(tr), "--source-lang", "de",
                                   "--fail-on", "never"])
    assert code == 0
    assert data["schema"] == "transqa.findings/1"
    (t,) = data["transcripts"]
    assert t["source"] == str(src) and t["translation"] == str(tr)
    assert t["segments"] == {"source": 6, "translation": 6}
    for f in t["findings"]:
        assert set(f) >= {"check", "severity", "source_lines", "translation_lines", "side", "span", "message"}
        assert f["severity"] in ("error", "warning", "info")
        assert f["side"] in ("source", "translation", "both")
        assert f["source_lines"] or f["translation_lines"]
        assert f["check"].split(".")[0] in ("alignment", "untranslated", "glossary", "consistency", "numbers",
                                            "anonymisation", "format")


def test_dropped_line_is_flagged_at_its_line_and_sets_exit_code(tmp_path, capsys):
    src = write(tmp_path / "s.txt", DE)
    tr = write(tmp_path / "t.txt", EN[:2] + EN[3:])  # source line 3 has no translation
    code, data = run_json(capsys, ["check", "--source", str(src), "--translation", str(tr), "--source-lang", "de"])
    findings = data["transcripts"][0]["findings"]
    missing = [f for f in findings if f["check"] == "alignment.missing-translation"]
    assert [f["source_lines"] for f in missing] == [[3]]
    assert not [f for f in findings if f["check"].startswith("alignment.") and f is not missing[0]
                and f["severity"] == "error"], "one dropped line must not make later lines errors"
    assert code == 1  # an error-level finding with the default --fail-on error
    code_never = main(["check", "--source", str(src), "--translation", str(tr), "--source-lang", "de",
                       "--fail-on", "never", "--format", "json"])
    capsys.readouterr()
    assert code_never == 0


def test_untranslated_line_is_flagged(tmp_path, capsys):
    src = write(tmp_path / "s.txt", DE)
    en = list(EN)
    en[1] = DE[1]  # left in German
    tr = write(tmp_path / "t.txt", en)
    _, data = run_json(capsys, ["check", "--source", str(src), "--translation", str(tr), "--source-lang", "de",
                                "--fail-on", "never"])
    hits = [f for f in data["transcripts"][0]["findings"] if f["check"].startswith("untranslated.")]
    assert any(2 in f["translation_lines"] for f in hits)


def test_single_transcript_mode(tmp_path, capsys):
    doc = write(tmp_path / "one.txt", EN)
    code, data = run_json(capsys, ["check", "--transcript", str(doc), "--lang", "en", "--fail-on", "never"])
    assert code == 0
    (t,) = data["transcripts"]
    assert t["translation"] is None
    for f in t["findings"]:
        assert f["translation_lines"] == [] and f["source_lines"]


@pytest.mark.parametrize("args, needle", [
    (["check", "--source", "{missing}", "--translation", "{t}"], "not found"),
    (["check", "--transcript", "{empty}"], "empty"),
    (["check", "--transcript", "{binary}"], "binary"),
    (["check", "--transcript", "{baddocx}"], ".docx"),
    (["check", "{t}", "--transcript", "{t}"], "exactly one"),
    (["check", "--source", "{t}", "--translation", "{t}", "--glossary", "{missing}"], "not found"),
    (["check", "{nodir}"], "transqa.toml"),
])
def test_bad_input_exits_2_with_one_line(tmp_path, args, needle):
    t = write(tmp_path / "t.txt", EN)
    (tmp_path / "empty.txt").write_text("  \n\n", encoding="utf-8")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02\xff" * 100)
    (tmp_path / "bad.docx").write_bytes(b"this is not a zip file")
    (tmp_path / "nodir").mkdir()
    names = {"missing": tmp_path / "nope.txt", "t": t, "empty": tmp_path / "empty.txt",
             "binary": tmp_path / "bin.txt", "baddocx": tmp_path / "bad.docx", "nodir": tmp_path / "nodir"}
    argv = [a.format(**names) for a in args]
    proc = subprocess.run([sys.executable, "-m", "transqa.cli.main", *argv], capture_output=True, text=True)
    assert proc.returncode == 2, proc.stderr
    err = proc.stderr.strip()
    assert "Traceback" not in err
    assert len(err.splitlines()) == 1, err
    assert needle.lower() in err.lower()


def test_align_json_covers_every_line_once_in_order(tmp_path, capsys):
    src = write(tmp_path / "s.txt", DE)
    tr = write(tmp_path / "t.txt", EN[:4] + [EN[4] + " " + EN[5]])  # last two merged
    code = main(["align", "--source", str(src), "--translation", str(tr), "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert code == 0 and data["schema"] == "transqa.alignment/1"
    src_lines = [n for p in data["pairs"] for n in p["source_lines"]]
    tr_lines = [n for p in data["pairs"] for n in p["translation_lines"]]
    assert src_lines == list(range(1, 7)) and tr_lines == list(range(1, 6))
    assert {"source_lines": [5, 6], "translation_lines": [5]} in [
        {k: p[k] for k in ("source_lines", "translation_lines")} for p in data["pairs"]]
    assert all(0.0 <= p["score"] <= 1.0 for p in data["pairs"])


def test_checks_lists_registry(capsys):
    assert main(["checks", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    ids = [c["id"] for c in data["checks"]]
    assert ids == sorted(ids) and len(ids) == len(set(ids)) > 0


def test_init_writes_a_loadable_commented_project(tmp_path, capsys):
    from transqa.project import load_project

    assert main(["init", str(tmp_path), "--name", "PEER-MH"]) == 0
    text = (tmp_path / "transqa.toml").read_text(encoding="utf-8")
    assert text.count("#") > 10
    project = load_project(tmp_path)
    assert project.name == "PEER-MH" and project.transcripts == []
    assert main(["init", str(tmp_path)]) == 2  # refuses to overwrite
