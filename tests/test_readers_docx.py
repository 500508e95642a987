"""Word transcripts: paragraphs and bilingual review tables (transqa.readers.docx / dispatch)."""

from __future__ import annotations

import copy
import zipfile

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from docx.oxml.ns import qn

from transqa.errors import InputError
from transqa.readers.dispatch import is_bilingual_docx, read_pair, read_transcript


def _doc(paragraphs=(), table=None, path=None):
    d = docx.Document()
    for p in paragraphs:
        d.add_paragraph(p)
    if table is not None:
        t = d.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                t.cell(r, c).text = value
    d.save(str(path))
    return path


def test_paragraphs_are_segments_numbered_by_non_empty_paragraph(tmp_path):
    p = _doc(["Fokusgruppe Ulm, 3. Mai", "", "Moderator: Willkommen #00:00:04-2#", "   ",
              "R1: Danke. Ich sage: ja.", "מנחה: שלום"], path=tmp_path / "ULM-FG2.docx")
    t = read_transcript(p, site="ULM")
    assert t.id == "ULM-FG2"
    assert [(s.line, s.speaker, s.text) for s in t.segments] == [
        (1, None, "Fokusgruppe Ulm, 3. Mai"), (2, "Moderator", "Willkommen"),
        (3, "R1", "Danke. Ich sage: ja."), (4, "מנחה", "שלום")]
    assert t.segments[1].timestamp == "#00:00:04-2#" and t.segments[1].seconds == 4.2
    assert t.meta["format"] == "docx"
    assert t.meta["paragraph_index"] == [0, 2, 4, 5]  # where a writer finds each segment again
    assert not is_bilingual_docx(p)


def test_runs_hyperlinks_breaks_and_tracked_changes(tmp_path):
    d = docx.Document()
    para = d.add_paragraph("R1: Ich ")
    para.add_run("war").bold = True
    run = para.add_run(" da")
    run.add_break()
    para.add_run("neue Zeile")
    # a tracked insertion counts, a tracked deletion does not
    ins = para._p.makeelement(qn("w:ins"), {qn("w:id"): "1", qn("w:author"): "x"})
    r = copy.deepcopy(para.runs[0]._r)
    r.find(qn("w:t")).text = " eingefügt"
    ins.append(r)
    para._p.append(ins)
    dele = para._p.makeelement(qn("w:del"), {qn("w:id"): "2", qn("w:author"): "x"})
    r2 = copy.deepcopy(para.runs[0]._r)
    t = r2.find(qn("w:t"))
    t.tag = qn("w:delText")
    t.text = " gelöscht"
    dele.append(r2)
    para._p.append(dele)
    d.save(str(tmp_path / "runs.docx"))
    seg = read_transcript(tmp_path / "runs.docx").segments[0]
    assert seg.speaker == "R1"
    assert seg.text == "Ich war da\nneue Zeile eingefügt"


def test_ordinary_tables_are_read_as_paragraphs(tmp_path):
    p = _doc(["M: Hallo"], [["Ort", "Datum"], ["Ulm", "3. Mai"]], tmp_path / "t.docx")
    t = read_transcript(p)
    assert [s.text for s in t.segments] == ["Hallo", "Ort", "Datum", "Ulm", "3. Mai"]
    assert [s.line for s in t.segments] == [1, 2, 3, 4, 5]


@pytest.mark.parametrize("header, lang", [
    (["German", "English"], "de"), (["Source", "Translation"], None), (["Original", "English"], None),
    (["HEBREW", "english"], "he"), (["Kiswahili", "English translation"], "sw"),
    (["Luganda", "English"], "lg"), (["मराठी", "English"], "mr"), (["Source (Hindi)", "Target (English)"], "hi"),
])
def test_bilingual_table_headers(tmp_path, header, lang):
    p = _doc(["Title paragraph, not a unit"], [header, ["R1: Hallo", "R1: Hello"]], tmp_path / "b.docx")
    assert is_bilingual_docx(p)
    pair = read_pair(p)
    assert pair.aligned and pair.source_lang == lang and pair.translation.language == "en"
    assert [(s.speaker, s.text) for s in pair.source.segments] == [("R1", "Hallo")]
    assert [(s.speaker, s.text) for s in pair.translation.segments] == [("R1", "Hello")]


def test_bilingual_table_with_number_speaker_time_columns_and_empty_cells(tmp_path):
    table = [["#", "Speaker", "Time", "Deutsch", "English"],
             ["1", "M", "00:00:01", "Willkommen", "Welcome"],
             ["2", "R1", "00:00:05", "Ich sage: nein", ""],
             ["3", "", "", "", ""],
             ["4", "R2", "00:00:09", "", "Added in translation"],
             ["5", "R1", "", "Danke", "Thanks"]]
    p = _doc([], table, tmp_path / "review.docx")
    pair = read_pair(p, id="ULM-FG1", site="ULM", translator="ak")
    src, trg = pair.source.segments, pair.translation.segments
    assert [(s.line, s.speaker, s.text) for s in src] == [(1, "M", "Willkommen"), (2, "R1", "Ich sage: nein"),
                                                         (4, "R1", "Danke")]
    assert [(s.line, s.speaker, s.text) for s in trg] == [(1, "M", "Welcome"), (3, "R2", "Added in translation"),
                                                         (4, "R1", "Thanks")]
    assert src[0].timestamp == "00:00:01" and src[0].seconds == 1.0
    assert pair.id == "ULM-FG1" and pair.site == "ULM" and pair.translator == "ak"
    assert pair.source.meta["cells"][0] == (0, 1, 3)  # table, row, cell: for writing edits back
    # read as a single transcript, a review document gives its source column
    alone = read_transcript(p)
    assert [s.text for s in alone.segments] == ["Willkommen", "Ich sage: nein", "Danke"]


def test_heading_row_spanning_both_columns_is_not_a_unit(tmp_path):
    d = docx.Document()
    t = d.add_table(rows=4, cols=2)
    for r, (a, b) in enumerate([("German", "English"), ("Hallo", "Hello"), ("Teil 2", ""), ("Ja", "Yes")]):
        t.cell(r, 0).text, t.cell(r, 1).text = a, b
    t.cell(2, 0).merge(t.cell(2, 1))
    d.save(str(tmp_path / "span.docx"))
    pair = read_pair(tmp_path / "span.docx")
    assert [(s.line, s.text) for s in pair.source.segments] == [(1, "Hallo"), (2, "Ja")]
    assert [(s.line, s.text) for s in pair.translation.segments] == [(1, "Hello"), (2, "Yes")]
    assert pair.source.meta["spanning_rows"] == [(0, 2)]


def test_table_without_translation_header_is_not_bilingual(tmp_path):
    p = _doc([], [["Speaker", "Text"], ["M", "Hallo"]], tmp_path / "mono.docx")
    assert not is_bilingual_docx(p)
    assert read_pair(p).translation is None


def test_read_pair_docx_and_txt(tmp_path):
    src = _doc(["M: Hallo", "R1: Gut"], path=tmp_path / "a_de.docx")
    trg = tmp_path / "a_en.txt"
    trg.write_text("M: Hello\nR1: Good\n", encoding="utf-8")
    pair = read_pair(src, trg, source_lang="de")
    assert not pair.aligned and [s.text for s in pair.translation.segments] == ["Hello", "Good"]


# --- bad Word input -----------------------------------------------------------------------

def _bad(path, match):
    with pytest.raises(InputError, match=match) as e:
        read_transcript(path)
    assert path.name in str(e.value) and "\n" not in str(e.value)


def test_corrupt_and_fake_docx(tmp_path):
    (tmp_path / "text.docx").write_text("just text")
    _bad(tmp_path / "text.docx", "not a valid .docx")
    with zipfile.ZipFile(tmp_path / "zip.docx", "w") as z:
        z.writestr("hello.txt", "hi")
    _bad(tmp_path / "zip.docx", "not a valid .docx")
    good = _doc(["M: hi"], path=tmp_path / "good.docx").read_bytes()
    (tmp_path / "cut.docx").write_bytes(good[: len(good) // 2])
    _bad(tmp_path / "cut.docx", "not a valid .docx")
    with zipfile.ZipFile(tmp_path / "good.docx") as zin, zipfile.ZipFile(tmp_path / "badxml.docx", "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            zout.writestr(item, b"<w:document><broken" if item.filename == "word/document.xml" else data)
    _bad(tmp_path / "badxml.docx", "not a valid .docx")


def test_empty_docx(tmp_path):
    _bad(_doc(["", "  "], path=tmp_path / "empty.docx"), "empty document")


def test_bilingual_header_without_rows(tmp_path):
    p = _doc([], [["German", "English"], ["", ""]], tmp_path / "norows.docx")
    with pytest.raises(InputError, match="no rows"):
        read_pair(p)


def test_docx_content_with_unknown_extension_is_read_as_docx(tmp_path):
    p = _doc(["M: hi"], path=tmp_path / "t.docx")
    q = tmp_path / "t.transcript"
    q.write_bytes(p.read_bytes())
    assert read_transcript(q).segments[0].speaker == "M"


def _valid_docx_bytes(tmp_path_factory=None):
    import io

    d = docx.Document()
    d.add_paragraph("M: Hallo")
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text, t.cell(0, 1).text = "German", "English"
    t.cell(1, 0).text, t.cell(1, 1).text = "Ja", "Yes"
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


_VALID = _valid_docx_bytes()


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.integers(0, len(_VALID) - 1), st.integers(0, 255)), min_size=1, max_size=6))
def test_damaged_docx_gives_a_result_or_input_error(tmp_path, edits):
    data = bytearray(_VALID)
    for pos, value in edits:
        data[pos] = value
    p = tmp_path / "damaged.docx"
    p.write_bytes(bytes(data))
    for read in (read_transcript, read_pair):
        try:
            read(p)
        except InputError as e:
            assert "damaged.docx" in str(e)
    assert isinstance(is_bilingual_docx(p), bool)


def _rezip(tmp_path, name, document_xml: bytes):
    import io

    out = tmp_path / name
    with zipfile.ZipFile(io.BytesIO(_VALID)) as zin, zipfile.ZipFile(out, "w") as zout:
        for item in zin.infolist():
            data = document_xml if item.filename == "word/document.xml" else zin.read(item.filename)
            zout.writestr(item.filename, data)
    return out


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_damaged_document_xml_gives_a_result_or_input_error(tmp_path, data):
    with zipfile.ZipFile(__import__("io").BytesIO(_VALID)) as z:
        xml = bytearray(z.read("word/document.xml"))
    # damage inside tags and attributes too (gridSpan="x", missing elements, stray text)
    for _ in range(data.draw(st.integers(1, 4))):
        pos = data.draw(st.integers(0, len(xml) - 1))
        xml[pos:pos + data.draw(st.integers(0, 8))] = data.draw(st.sampled_from(
            [b"", b"x", b"<", b">", b'"', b"<w:tc>", b"</w:tr>", b'w:val="zz"', b"\xff", b"&amp;"]))
    p = _rezip(tmp_path, "xmldamage.docx", bytes(xml))
    for read in (read_transcript, read_pair):
        try:
            read(p)
        except InputError as e:
            assert "xmldamage.docx" in str(e)


def test_title_row_above_header_and_back_translation_column(tmp_path):
    d = docx.Document()
    t = d.add_table(rows=4, cols=3)
    rows = [("Fokusgruppe ULM 3", "", ""), ("Hebräisch", "English", "Back-translation"),
            ("שלום", "Hello", "Hi"), ("תודה", "Thanks", "Thank you")]
    for r, values in enumerate(rows):
        for c, v in enumerate(values):
            t.cell(r, c).text = v
    t.cell(0, 0).merge(t.cell(0, 2))
    d.save(str(tmp_path / "title.docx"))
    pair = read_pair(tmp_path / "title.docx")
    assert pair.source_lang == "he"
    assert [(s.line, s.text) for s in pair.source.segments] == [(1, "שלום"), (2, "תודה")]
    assert [(s.line, s.text) for s in pair.translation.segments] == [(1, "Hello"), (2, "Thanks")]
