"""Shared set-up for the export tests (a signed copy of the sample study), and the refusal rules.

The sample study is copied with its glossaries (transqa.toml points at ../../glossaries) into a
temporary folder once per test session; ``signed_study()`` signs off BGU-FG1 (Hebrew) and
ULM-FG1 (German) with two non-translator reviewers, gives PU-FG1 one approval, dismisses one
finding with a reason and adds a note. Tests that change files make their own copy.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from functools import lru_cache
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
OVERRIDE = "planted sample problems accepted for the export tests"
SIGNED = ("BGU-FG1", "ULM-FG1")


def copy_study(dest: Path) -> Path:
    """A copy of samples/study (and the glossaries it points at) under ``dest``; returns the study dir."""
    study = dest / "samples" / "study"
    shutil.copytree(REPO / "samples" / "study", study, ignore=shutil.ignore_patterns(".transqa", "exports"))
    shutil.copytree(REPO / "glossaries", dest / "glossaries")
    return study


def sign(study_dir: Path, transcript: str, reviewers=("ak", "mr")) -> None:
    from transqa.project import load_project
    from transqa.store import open_store

    with open_store(load_project(study_dir)) as store:
        for r in reviewers:
            store.sign_off(transcript, r, comment=f"checked by {r}", override_reason=OVERRIDE)


@lru_cache(maxsize=1)
def signed_study() -> Path:
    from transqa.project import load_project
    from transqa.store import open_store

    root = Path(tempfile.mkdtemp(prefix="transqa-export-"))
    atexit.register(shutil.rmtree, root, True)
    study = copy_study(root)
    project = load_project(study)
    with open_store(project) as store:
        reviewed = store.findings(["ULM-FG1"])["ULM-FG1"]
        target = next(rf for rf in reviewed if rf.finding.check.startswith("glossary."))
        store.dismiss("ULM-FG1", target.finding, "ln", reason="acceptable rendering in context")
        store.add_note("ULM-FG1", 3, "idiom explained to the team", "ln")
    for tid in SIGNED:
        sign(study, tid)
    sign(study, "PU-FG1", reviewers=("ak",))
    return study


@lru_cache(maxsize=1)
def gathered():
    from transqa.exports.study import gather
    from transqa.project import load_project

    return gather(load_project(signed_study()), workers=1)


def run_cli(argv: list[str]) -> int:
    from transqa.cli.main import main

    return main(argv)


# -- tests of the shared gathering and the refusal rule ------------------------------------

def test_gather_reports_states_and_signoffs():
    study = gathered()
    states = {it.id: it.state for it in study.items}
    assert states["BGU-FG1"] == states["ULM-FG1"] == "signed-off"
    assert states["PU-FG1"] == "in-review"
    assert states["DS-FG1"] == "unchecked"
    bgu = next(it for it in study.items if it.id == "BGU-FG1")
    assert {s.reviewer for s in bgu.current_approvals()} == {"ak", "mr"}
    ulm = next(it for it in study.items if it.id == "ULM-FG1")
    assert any(rf.status == "dismissed" for rf in ulm.findings)


def test_split_signed_refuses_all_but_signed_off():
    from transqa.exports.study import split_signed

    study = gathered()
    keep, refused = split_signed(study.items, include_unsigned=False)
    assert sorted(it.id for it in keep) == sorted(SIGNED)
    assert len(refused) == len(study.items) - len(SIGNED)
    assert any(line.startswith("PU-FG1:") and "in review" in line for line in refused)
    keep_all, none = split_signed(study.items, include_unsigned=True)
    assert len(keep_all) == len(study.items) and none == []


def test_stale_transcript_is_refused(tmp_path, capsys):
    study = copy_study(tmp_path)
    sign(study, "DS-FG1")
    en = study / "DS" / "DS-FG1.en.txt"
    en.write_text(en.read_text(encoding="utf-8") + "P1: one more line\n", encoding="utf-8")
    out = tmp_path / "out"
    capsys.readouterr()
    rc = run_cli(["export", str(study), "--to", "analysis", "--transcript", "DS-FG1", "--output", str(out)])
    err = capsys.readouterr().err
    assert rc == 1
    assert "DS-FG1" in err and "stale" in err
    assert not (out / "DS-FG1.en.txt").exists()


@pytest.mark.parametrize("fmt", ["analysis", "qdpx"])
def test_unsigned_refused_one_line_each_and_exit_1(tmp_path, capsys, fmt):
    study = signed_study()
    out = tmp_path / ("out" if fmt == "analysis" else "s.qdpx")
    capsys.readouterr()
    rc = run_cli(["export", str(study), "--to", fmt, "--output", str(out)])
    err = [ln for ln in capsys.readouterr().err.splitlines() if "refused" in ln]
    assert rc == 1
    assert sorted(ln.split(":")[1].strip() for ln in err) == ["BU-FG1", "DS-FG1", "PU-FG1", "UKE-FG1"]
    if fmt == "analysis":
        assert sorted(p.name for p in out.iterdir()) == sorted(
            f"{t}.en.{ext}" for t in SIGNED for ext in ("txt", "docx"))
    else:
        assert out.is_file()


def test_include_unsigned_exports_everything_marked(tmp_path, capsys):
    out = tmp_path / "out"
    rc = run_cli(["export", str(signed_study()), "--to", "analysis", "--include-unsigned", "--output", str(out)])
    assert rc == 0
    ds = (out / "DS-FG1.en.txt").read_text(encoding="utf-8")
    assert "NOT SIGNED OFF" in ds.splitlines()[1]
    bgu = (out / "BGU-FG1.en.txt").read_text(encoding="utf-8")
    assert "NOT SIGNED OFF" not in bgu and "A. Kaya" in bgu and "M. Rahman" in bgu


def test_transcript_without_translation_still_gets_review_rows(tmp_path):
    from transqa.exports import review_docx
    from transqa.exports.study import gather
    from transqa.project import load_project
    from transqa.readers import read_pair

    (tmp_path / "T1.de.txt").write_text("M: Willkommen.\nR1: Danke.\n", encoding="utf-8")
    (tmp_path / "transqa.toml").write_text('[study]\nname = "Solo"\n[[transcripts]]\nid = "T1"\n'
                                           'source = "T1.de.txt"\nsource_lang = "de"\n', encoding="utf-8")
    study = gather(load_project(tmp_path), workers=1)
    [item] = study.items
    assert [u.source_text for u in item.units] == ["Willkommen.", "Danke."]
    path = tmp_path / "r.docx"
    review_docx.write(item, study, path)
    pair = read_pair(path)
    assert [s.text for s in pair.source.segments] == ["Willkommen.", "Danke."]
    assert pair.translation.segments == []


def test_bad_input_exits_2_with_one_line(tmp_path, capsys):
    capsys.readouterr()
    assert run_cli(["export", str(tmp_path / "nowhere"), "--to", "html"]) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
    a_file = tmp_path / "file.txt"
    a_file.write_text("x", encoding="utf-8")
    assert run_cli(["export", str(signed_study()), "--to", "docx", "--output", str(a_file)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "folder" in err
    with pytest.raises(SystemExit) as usage:  # argparse's usage error
        run_cli(["export", str(signed_study()), "--to", "pdf"])
    assert usage.value.code == 2
