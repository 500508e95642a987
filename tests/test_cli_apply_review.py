"""`transqa apply-review`: edits made in Word come back to the translation file, audited."""

from __future__ import annotations

import docx

from test_export_study import copy_study, sign
from transqa.cli.main import main
from transqa.exports import review_docx
from transqa.readers import read_transcript


def _edit_cell(path, row, text):
    d = docx.Document(str(path))
    cell = d.tables[0].rows[row].cells[review_docx.TRANSLATION_COL]
    for extra in cell.paragraphs[0].runs[1:]:
        extra.text = ""
    cell.paragraphs[0].runs[0].text = text
    d.save(str(path))


def test_dry_run_changes_nothing_then_apply_edits_and_makes_the_signoff_stale(tmp_path, capsys):
    study = copy_study(tmp_path)
    sign(study, "DS-FG1")
    out = tmp_path / "review"
    assert main(["export", str(study), "--to", "docx", "--transcript", "DS-FG1", "--output", str(out)]) == 0
    [path] = list(out.glob("*.docx"))
    before = (study / "DS" / "DS-FG1.en.txt").read_bytes()
    _edit_cell(path, 6, "Reworded in Word by the reviewer.")
    capsys.readouterr()

    assert main(["apply-review", str(study), "DS-FG1", str(path), "--reviewer", "ln", "--dry-run"]) == 0
    assert "would change" in capsys.readouterr().out
    assert (study / "DS" / "DS-FG1.en.txt").read_bytes() == before

    assert main(["apply-review", str(study), "DS-FG1", str(path), "--reviewer", "ln"]) == 0
    assert "1 edit applied" in capsys.readouterr().out
    en = read_transcript(study / "DS" / "DS-FG1.en.txt")
    assert sum(s.text == "Reworded in Word by the reviewer." for s in en.segments) == 1
    assert main(["status", str(study), "--format", "json"]) == 0
    import json
    state = {t["id"]: t["state"] for t in json.loads(capsys.readouterr().out)["transcripts"]}
    assert state["DS-FG1"] == "stale"
    assert main(["verify", str(study)]) == 0  # the edit went through the audited store


def test_unknown_reviewer_is_refused_and_file_kept(tmp_path, capsys):
    study = copy_study(tmp_path)
    out = tmp_path / "review"
    assert main(["export", str(study), "--to", "docx", "--transcript", "DS-FG1", "--output", str(out),
                 "--include-unsigned"]) == 0
    [path] = list(out.glob("*.docx"))
    _edit_cell(path, 6, "Changed.")
    before = (study / "DS" / "DS-FG1.en.txt").read_bytes()
    assert main(["apply-review", str(study), "DS-FG1", str(path), "--reviewer", "nobody"]) == 1
    assert "unknown reviewer" in capsys.readouterr().err
    assert (study / "DS" / "DS-FG1.en.txt").read_bytes() == before
