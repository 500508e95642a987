"""Dispositions bound to content, notes, states, and edits written back into .txt and .docx."""

from __future__ import annotations

import codecs

import pytest
from pg import database, make_project, pg_server  # noqa: F401  (fixtures)

from transqa.errors import InputError
from transqa.model import Finding, Severity
from transqa.project import load_project
from transqa.project.run import load_pair
from transqa.readers import read_transcript
from transqa.store import Refused, open_store
from transqa.store.states import compute_state


@pytest.fixture
def store(tmp_path, database):
    s = open_store(load_project(make_project(tmp_path / "study", database)))
    yield s
    s.close()


# -- dispositions -------------------------------------------------------------------------
def test_dismissal_is_bound_to_content_not_position(store):
    [rf] = [r for r in store.open_findings("T2") if r.finding.severity == Severity.ERROR]
    assert rf.finding.check == "glossary.forbidden-term"
    store.dismiss("T2", rf.finding, "ak", reason="'sleepy' is what the participant meant")
    assert [r for r in store.open_findings("T2") if r.finding.check == rf.finding.check] == []
    [after] = [r for r in store.findings(["T2"])["T2"] if r.finding.check == rf.finding.check]
    assert after.status == "dismissed" and after.disposition.reason.startswith("'sleepy'")
    # a line inserted above (both sides) moves the finding but keeps the dismissal
    for name, line in (("t2.de.txt", "M: Guten Tag."), ("t2.en.txt", "M: Good day.")):
        path = store.root / "ULM" / name
        path.write_text(line + "\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    [moved] = [r for r in store.findings(["T2"])["T2"] if r.finding.check == rf.finding.check]
    assert moved.finding.translation_lines == (3,) and moved.status == "dismissed"
    # changing the text the finding is about revives it
    store.edit_translation("T2", 3, "I was so sleepy after work.", "bm")
    [revived] = [r for r in store.open_findings("T2") if r.finding.check == rf.finding.check]
    assert revived.key != rf.key and revived.disposition is None


def test_reopen_and_fixed_keep_a_finding_open(store):
    [rf] = [r for r in store.open_findings("T2") if r.finding.severity == Severity.ERROR]
    store.dismiss("T2", rf.finding, "ak", reason="accepted")
    store.reopen("T2", rf.finding, "bm", reason="not convinced")
    assert rf.key in {r.key for r in store.open_findings("T2")}
    store.mark_fixed("T2", rf.finding, "bm", comment="fixed, I think")
    [still] = [r for r in store.open_findings("T2") if r.key == rf.key]
    assert still.status == "fixed" and still.is_open  # the checks still report it
    history = [d.status for d in store.dispositions_for("T2").values()]
    assert history == ["fixed"]
    assert [e.action for e in store.history("T2")] == ["finding.dismissed", "finding.open", "finding.fixed"]


def test_dismissal_needs_a_reason_and_a_known_reviewer(store):
    f = Finding("format.x", Severity.WARNING, "m", (1,), (1,))
    with pytest.raises(Refused, match="reason"):
        store.dismiss("T1", f, "ak", reason="  ")
    with pytest.raises(Refused, match="unknown reviewer"):
        store.dismiss("T1", f, "nobody", reason="r")


def test_notes_are_recorded_per_segment(store):
    store.add_note("T1", 4, "'such moments' is vague", "bm")
    store.add_note("T1", 1, "source greeting is formal", "ak", side="source")
    notes = store.notes_for("T1")
    assert [(n.line, n.side, n.reviewer) for n in notes] == [(4, "translation", "bm"), (1, "source", "ak")]
    assert store.state("T1") == "in-review"


# -- states -------------------------------------------------------------------------------
class _S:
    def __init__(self, reviewer, decision, content):
        self.reviewer, self.decision, self.content_sha256 = reviewer, decision, content


@pytest.mark.parametrize("signoffs, activity, expected", [
    ([], False, "unchecked"),
    ([], True, "in-review"),
    ([("a", "approve", "C")], False, "in-review"),
    ([("a", "approve", "C"), ("b", "approve", "C")], False, "signed-off"),
    ([("a", "approve", "C"), ("a", "approve", "C")], False, "in-review"),
    ([("a", "approve", "C"), ("b", "approve", "C"), ("c", "reject", "C")], False, "rejected"),
    ([("a", "reject", "C"), ("a", "approve", "C"), ("b", "approve", "C")], False, "signed-off"),
    ([("a", "approve", "OLD"), ("b", "approve", "OLD")], True, "stale"),
    ([("a", "approve", "OLD"), ("b", "approve", "OLD"), ("a", "approve", "C")], True, "stale"),
    ([("a", "approve", "OLD"), ("a", "approve", "C"), ("b", "approve", "C")], True, "signed-off"),
    ([("a", "reject", "OLD")], True, "in-review"),
])
def test_state_rules(signoffs, activity, expected):
    assert compute_state([_S(*s) for s in signoffs], "C", activity) == expected


# -- edits to .txt ------------------------------------------------------------------------
def _edit_project(tmp_path, data: bytes, name: str = "t1.en.txt"):
    root = make_project(tmp_path / "e")
    (root / "ULM" / name).write_bytes(data)
    if name != "t1.en.txt":
        toml = root / "transqa.toml"
        toml.write_text(toml.read_text(encoding="utf-8").replace("ULM/t1.en.txt", f"ULM/{name}"), encoding="utf-8")
    return open_store(load_project(root))


@pytest.mark.parametrize("encoding, bom, newline", [
    ("utf-8", b"", "\n"),
    ("utf-8", codecs.BOM_UTF8, "\r\n"),
    ("utf-16-le", codecs.BOM_UTF16_LE, "\r\n"),
    ("cp1252", b"", "\r\n"),
])
def test_txt_edit_keeps_encoding_bom_newlines_and_labels(tmp_path, encoding, bom, newline):
    lines = ["M: Welcome to our group today.", "P1: I often feel tired and alone.  #00:01:02-3#",
             "[00:01:10] P2: The work is very hard for me.", "M: What helps you in such moments?",
             "P1: My sister calls me every evening (Grüße)."]
    data = bom + newline.join(lines).encode(encoding)  # no final newline
    with _edit_project(tmp_path, data) as store:
        store.edit_translation("T1", 2, "I often feel weary – and alone.", "ak")
        store.edit_translation("T1", 3, "Work is very hard for me.", "bm")
        path = store.root / "ULM" / "t1.en.txt"
        expected = list(lines)
        expected[1] = "P1: I often feel weary – and alone.  #00:01:02-3#"
        expected[2] = "[00:01:10] P2: Work is very hard for me."
        assert path.read_bytes() == bom + newline.join(expected).encode(encoding)
        edits = store.edits_for("T1")
        assert [(e.line, e.before, e.after) for e in edits] == [
            (2, "I often feel tired and alone.", "I often feel weary – and alone."),
            (3, "The work is very hard for me.", "Work is very hard for me.")]
        backup = store.root / edits[0].backup
        assert backup.read_bytes() == data
        assert store.verify().problems == []


def test_txt_edit_finds_the_text_not_the_label(tmp_path):
    data = "R1: R1\nR2: yes, R1 said R1\n".encode()
    with _edit_project(tmp_path, data) as store:
        store.edit_translation("T1", 1, "R2", "ak")
        store.edit_translation("T1", 2, "no", "ak")
        assert (store.root / "ULM" / "t1.en.txt").read_text(encoding="utf-8") == "R1: R2\nR2: no\n"


def test_edit_refusals(store):
    with pytest.raises(InputError, match="line breaks"):
        store.edit_translation("T1", 2, "two\nlines", "ak")
    with pytest.raises(InputError, match="no translation segment at line 99"):
        store.edit_translation("T1", 99, "x", "ak")
    with pytest.raises(Refused, match="unknown reviewer"):
        store.edit_translation("T1", 2, "x", "zz")
    with pytest.raises(InputError, match="change how the transcript is read"):
        store.edit_translation("T1", 2, "[00:00:01]", "ak")  # would read as a bare timestamp
    with pytest.raises(InputError, match="cannot hold"):
        _cp = store.root / "ULM" / "t1.en.txt"
        _cp.write_bytes(_cp.read_text(encoding="utf-8").replace("sister", "Schwester ü").encode("cp1252"))
        store.edit_translation("T1", 2, "I often feel tired and alone, said אבי.", "ak")
    assert store.edits_for("T1") == []
    assert store.edit_translation("T1", 3, "The work is very hard for me.", "ak") is None  # no change


# -- edits to .docx -----------------------------------------------------------------------
def _paragraph_docx(path):
    import docx

    d = docx.Document()
    d.add_paragraph("Focus group 1")  # a header paragraph without a label
    for label, text, stamp in (("M: ", "Welcome to our group today.", ""),
                               ("P1: ", "I often feel tired and alone.", " #00:01:02-3#"),
                               ("P2: ", "The work is very hard for me.", "")):
        p = d.add_paragraph()
        p.add_run(label).bold = True
        p.add_run(text).italic = True
        if stamp:
            p.add_run(stamp)
    d.save(path)


def test_docx_paragraph_edit_keeps_label_run_and_timestamp(tmp_path):
    import docx

    root = make_project(tmp_path / "d")
    _paragraph_docx(root / "ULM" / "t1.en.docx")
    toml = root / "transqa.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace("ULM/t1.en.txt", "ULM/t1.en.docx"), encoding="utf-8")
    with open_store(load_project(root)) as store:
        before = read_transcript(root / "ULM" / "t1.en.docx")
        line = next(s.line for s in before.segments if s.text == "I often feel tired and alone.")
        store.edit_translation("T1", line, "I often feel weary and alone.", "ak")
        after = read_transcript(root / "ULM" / "t1.en.docx")
        assert [s.text for s in after.segments] == [
            "I often feel weary and alone." if s.line == line else s.text for s in before.segments]
        runs = docx.Document(str(root / "ULM" / "t1.en.docx")).paragraphs[2].runs
        assert [(r.text, bool(r.bold)) for r in runs] == [("P1: ", True), ("I often feel weary and alone.", False),
                                                          (" #00:01:02-3#", False)]
        assert runs[1].italic
        assert store.verify().problems == []


def test_bilingual_docx_edit_changes_the_translation_cell_only(tmp_path):
    import docx

    root = make_project(tmp_path / "b")
    d = docx.Document()
    t = d.add_table(rows=1, cols=3)
    for cell, text in zip(t.rows[0].cells, ("Speaker", "German", "English")):
        cell.text = text
    rows = [("M", "Willkommen zu unserer Gruppe heute.", "Welcome to our group today."),
            ("P1", "Ich fühle mich oft müde und allein.", "I often feel tired and alone."),
            ("P2", "Die Arbeit ist sehr schwer für mich.", "The work is very hard for me.")]
    for row in rows:
        cells = t.add_row().cells
        for cell, text in zip(cells, row):
            cell.text = text
    d.save(root / "ULM" / "t1.docx")
    toml = root / "transqa.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace(
        'source = "ULM/t1.de.txt"\ntranslation = "ULM/t1.en.txt"', 'bilingual = "ULM/t1.docx"'), encoding="utf-8")
    project = load_project(root)
    with open_store(project) as store:
        store.edit_translation("T1", 3, "Work is very hard for me.", "bm")
        pair = load_pair(project, project.spec("T1"))
        assert [s.text for s in pair.translation.segments] == [r[2] for r in rows[:2]] + ["Work is very hard for me."]
        assert [s.text for s in pair.source.segments] == [r[1] for r in rows]
        store.sign_off("T1", "ak")
        [s] = store.signoffs_for("T1")
        assert s.source_sha256 == s.translation_sha256  # one file serves both sides
        assert store.verify().problems == []
