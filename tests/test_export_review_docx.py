"""The bilingual review .docx: right-to-left Hebrew, findings, and the edit round trip."""

from __future__ import annotations

import zipfile

import docx
import pytest
from lxml import etree
from test_export_study import gathered

from transqa.exports import review_docx
from transqa.readers import read_pair
from transqa.readers.docx import classify_header

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _export(tmp_path, tid):
    study = gathered()
    item = next(it for it in study.items if it.id == tid)
    path = tmp_path / f"{tid}.review.docx"
    review_docx.write(item, study, path)
    return item, path


def _ws(text):
    return " ".join(text.split())


def _column_paragraphs(path, col):
    table = docx.Document(str(path)).tables[0]
    return [p for row in table.rows[1:] for p in row.cells[col].paragraphs if p.text.strip()]


def test_header_is_one_the_bilingual_reader_recognises():
    roles = [classify_header(h)[0] for h in review_docx.headers("he")]
    assert roles.count("source") == 1 and roles.count("translation") == 1
    assert roles[review_docx.SOURCE_COL] == "source" and roles[review_docx.TRANSLATION_COL] == "translation"
    assert classify_header(review_docx.headers("he")[review_docx.SOURCE_COL])[1] == "he"


def test_hebrew_source_cells_are_right_to_left(tmp_path):
    _, path = _export(tmp_path, "BGU-FG1")
    source = _column_paragraphs(path, review_docx.SOURCE_COL)
    assert source
    for p in source:
        ppr = p._p.pPr
        assert ppr is not None and ppr.find(W + "bidi") is not None
        assert p.runs and all(r._r.rPr is not None and r._r.rPr.find(W + "rtl") is not None for r in p.runs)
    for p in _column_paragraphs(path, review_docx.TRANSLATION_COL):
        assert p._p.pPr is None or p._p.pPr.find(W + "bidi") is None
        assert all(r._r.rPr is None or r._r.rPr.find(W + "rtl") is None for r in p.runs)


def test_bidi_comes_before_later_paragraph_properties(tmp_path):
    """w:pPr children follow the schema order (Word rejects files that break it)."""
    _, path = _export(tmp_path, "BGU-FG1")
    xml = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    for ppr in xml.iter(W + "pPr"):
        tags = [c.tag for c in ppr]
        if W + "bidi" in tags and W + "jc" in tags:
            assert tags.index(W + "bidi") < tags.index(W + "jc")


def test_german_source_is_left_to_right(tmp_path):
    _, path = _export(tmp_path, "ULM-FG1")
    for p in _column_paragraphs(path, review_docx.SOURCE_COL):
        assert p._p.pPr is None or p._p.pPr.find(W + "bidi") is None


def test_findings_are_in_the_findings_column_and_as_comments(tmp_path):
    item, path = _export(tmp_path, "ULM-FG1")
    table = docx.Document(str(path)).tables[0]
    cells = " ".join(row.cells[review_docx.FINDINGS_COL].text for row in table.rows[1:])
    checks = {rf.finding.check for rf in item.findings}
    assert checks and all(c in cells for c in checks)
    assert "[dismissed (acceptable rendering in context)]" in cells
    comments = etree.fromstring(zipfile.ZipFile(path).read("word/comments.xml"))
    texts = ["".join(c.itertext()) for c in comments.iter(W + "comment")]
    assert len(texts) >= len(item.findings) * 0.9
    assert any("glossary." in t for t in texts)


@pytest.mark.parametrize("tid", ["BGU-FG1", "ULM-FG1", "BU-FG1"])
def test_edited_translation_cell_reads_back_at_its_line(tmp_path, tid):
    item, path = _export(tmp_path, tid)
    before = read_pair(path)
    assert before.aligned
    # one row per aligned unit (a merged 2-1 unit keeps its two turns as two paragraphs of one cell)
    assert [_ws(s.text) for s in before.source.segments] == [_ws(u.source_text) for u in item.units if u.source]
    assert [_ws(s.text) for s in before.translation.segments] == [
        _ws(u.translation_text) for u in item.units if u.translation]
    # the reviewer corrects the translation of row 5 in Word
    d = docx.Document(str(path))
    cell = d.tables[0].rows[5].cells[review_docx.TRANSLATION_COL]
    cell.paragraphs[0].runs[0].text = "Corrected by the reviewer."
    for extra in cell.paragraphs[0].runs[1:]:
        extra.text = ""
    d.save(str(path))
    after = read_pair(path)
    by_line = after.translation.by_line()
    assert by_line[5].text == "Corrected by the reviewer."
    old = before.translation.by_line()
    assert {n: s.text for n, s in by_line.items() if n != 5} == {n: s.text for n, s in old.items() if n != 5}
    assert [s.text for s in after.source.segments] == [s.text for s in before.source.segments]


def test_edits_in_word_go_back_to_the_translation_file(tmp_path):
    """Export, edit one English cell in Word, apply: the .txt changes at the right line, audited."""
    from test_export_study import copy_study, sign

    from transqa.exports.review_import import apply_review, review_changes
    from transqa.exports.study import gather
    from transqa.project import load_project
    from transqa.readers import read_transcript
    from transqa.store import open_store

    study_dir = copy_study(tmp_path)
    sign(study_dir, "DS-FG1")
    project = load_project(study_dir)
    study = gather(project, only=["DS-FG1"], workers=1)
    [item] = study.items
    assert item.state == "signed-off"
    path = tmp_path / "DS.review.docx"
    review_docx.write(item, study, path)
    unit = next(u for u in item.units if len(u.translation) == 1 and u.index > 3)
    d = docx.Document(str(path))
    cell = d.tables[0].rows[unit.index + 1].cells[review_docx.TRANSLATION_COL]
    for extra in cell.paragraphs[0].runs[1:]:
        extra.text = ""
    cell.paragraphs[0].runs[0].text = "Reworded by the reviewer."
    d.save(str(path))
    edits, skipped = review_changes(item, path)
    assert [(c.line, c.after) for c in edits] == [(unit.translation[0].line, "Reworded by the reviewer.")]
    assert skipped == []
    with open_store(project) as store:
        done, _ = apply_review(store, item, path, "ln")
        assert len(done) == 1
        assert store.state("DS-FG1") == "stale"  # the sign-off no longer covers the content
    en = read_transcript(study_dir / "DS" / "DS-FG1.en.txt")
    line = unit.translation[0].line
    assert en.by_line()[line].text == "Reworded by the reviewer."
    assert en.by_line()[line].speaker == unit.translation[0].speaker
    assert [s.text for s in en.segments if s.line != line] == [
        s.text for s in item.translation_segments() if s.line != line]
