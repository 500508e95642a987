"""The analysis transcript (.txt/.docx for MAXQDA and NVivo) and the MAXQDA speaker-label lint."""

from __future__ import annotations

import re

import pytest
from test_export_study import gathered, run_cli, signed_study

from transqa.exports import analysis
from transqa.exports.qda_lint import MAX_LABEL, label_of, lint_paragraphs

F4 = re.compile(r" #\d\d:\d\d:[0-5]\d-\d#$")


def _item(tid):
    study = gathered()
    return study, next(it for it in study.items if it.id == tid)


@pytest.mark.parametrize("tid", ["BGU-FG1", "ULM-FG1"])
def test_one_turn_per_paragraph_with_label_citation_and_f4_timestamp(tid):
    study, item = _item(tid)
    doc = analysis.build(item, study)
    segs = item.translation_segments()
    assert len(doc.turns) == len(segs)
    for seg, turn in zip(segs, doc.turns):
        para = turn.paragraph
        assert "\n" not in para
        assert para.startswith(f"{seg.speaker}: [{item.site_code} {seg.line}] ")  # label exactly as in the file
        assert label_of(para) == seg.speaker
        assert seg.text in para
        if seg.seconds is not None:
            assert F4.search(para), para
            h, m, s = (int(x) for x in F4.search(para).group(0)[2:10].split(":"))
            assert abs(h * 3600 + m * 60 + s - int(seg.seconds)) <= 1
    assert sum(1 for t in doc.turns if F4.search(t.paragraph)) >= len(doc.turns) * 0.8


def test_header_is_never_taken_for_a_speaker():
    study, item = _item("ULM-FG1")
    doc = analysis.build(item, study)
    assert doc.header
    for line in doc.header:
        assert label_of(line) is None, line  # no colon within MAXQDA's 63 characters
    assert item.site_code in doc.header[0] and item.id in doc.header[0]
    assert "signed off by A. Kaya" in doc.header[1]


def test_txt_is_utf8_without_bom_lf_or_crlf_consistently(tmp_path, capsys):
    out = tmp_path / "lf"
    assert run_cli(["export", str(signed_study()), "--to", "analysis", "--transcript", "BGU-FG1", "--output", str(out)]) == 0
    data = (out / "BGU-FG1.en.txt").read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf") and b"\r" not in data
    data.decode("utf-8")
    out2 = tmp_path / "crlf"
    assert run_cli(["export", str(signed_study()), "--to", "analysis", "--transcript", "BGU-FG1", "--crlf",
                    "--output", str(out2)]) == 0
    crlf = (out2 / "BGU-FG1.en.txt").read_bytes()
    assert crlf.count(b"\r\n") == crlf.count(b"\n") == data.count(b"\n")
    assert crlf.replace(b"\r\n", b"\n") == data


def test_docx_reads_back_as_the_same_turns(tmp_path):
    from transqa.readers import read_transcript

    study, item = _item("BGU-FG1")
    doc = analysis.build(item, study)
    path = tmp_path / "a.docx"
    analysis.write_docx(doc, path)
    back = read_transcript(path)
    turns = [s for s in back.segments if s.speaker]
    assert [s.speaker for s in turns] == [t.speaker for t in doc.turns]
    assert all(f"[BGU {t.line}]" in s.raw for s, t in zip(turns, doc.turns))


# -- MAXQDA label lint ------------------------------------------------------------------------

def test_lint_catches_case_variants_of_one_speaker():
    issues = lint_paragraphs(["P01: hello", "p01: hi", "P02: yes", "P01: again", "p01: and again"])
    assert [i.kind for i in issues] == ["case-variant"]
    assert issues[0].paragraph == 2 and "'p01'" in issues[0].message and "'P01'" in issues[0].message


def test_lint_catches_stray_colons_and_long_names():
    long = "X" * (MAX_LABEL + 1)
    issues = lint_paragraphs(["Note: the recorder stopped", "M: fine", f"{long}: text"],
                             [None, "M", long])
    kinds = {i.kind for i in issues}
    assert kinds == {"stray-colon", "too-long"}
    assert "'Note'" in next(i.message for i in issues if i.kind == "stray-colon")
    assert lint_paragraphs(["M: a: b", "R1: c"], ["M", "R1"]) == []


def test_export_warns_about_p01_and_P01(tmp_path, capsys):
    from test_export_study import sign

    root = tmp_path / "p"
    (root / "S").mkdir(parents=True)
    (root / "S" / "T1.de.txt").write_text("P01: Ich bin seit Jahren dabei.\np01: Das stimmt.\nM: Danke.\n", encoding="utf-8")
    (root / "S" / "T1.en.txt").write_text("P01: I have been here for years.\np01: That is true.\nM: Thanks.\n", encoding="utf-8")
    (root / "transqa.toml").write_text(
        '[study]\nname = "Tiny"\n[[sites]]\ncode = "S"\nname = "Site"\nlanguage = "de"\n'
        '[[reviewers]]\nid = "ak"\nname = "A. K."\n[[reviewers]]\nid = "mr"\nname = "M. R."\n'
        '[[transcripts]]\nid = "T1"\nsite = "S"\nsource = "S/T1.de.txt"\ntranslation = "S/T1.en.txt"\n',
        encoding="utf-8")
    sign(root, "T1")
    capsys.readouterr()
    assert run_cli(["export", str(root), "--to", "analysis", "--output", str(tmp_path / "o")]) == 0
    err = capsys.readouterr().err
    warnings = [ln for ln in err.splitlines() if "warning" in ln]
    case = [ln for ln in warnings if "differs only in case" in ln]
    assert len(case) == 1 and "'p01'" in case[0] and "'P01'" in case[0] and "two speakers" in case[0]
    text = (tmp_path / "o" / "T1.en.txt").read_text(encoding="utf-8").splitlines()
    assert "p01: [S 2] That is true." in text  # the label stays in front of the citation
