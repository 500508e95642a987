"""The review session (no screen): findings placed on beads, unreadable transcripts listed with
their error, and everything recorded going through the store."""

from __future__ import annotations

from pathlib import Path

import pytest

from transqa.checks.context import Document
from transqa.checks.settings import CheckSettings
from transqa.model import Bead, Finding, Segment, Severity, Transcript, TranscriptPair
from transqa.project import load_project
from transqa.store import Refused, open_store
from transqa.ui.demo import write_demo_project
from transqa.ui.session import FindingIndex, ReviewSession


def _doc() -> Document:
    src = Transcript("t", [Segment(1, "a"), Segment(2, "b"), Segment(3, "c")], "de")
    tgt = Transcript("t", [Segment(1, "A"), Segment(2, "BC")], "en")
    beads = [Bead((0,), (0,), 1.0), Bead((1, 2), (1,), 0.8)]
    return Document(TranscriptPair("t", src, tgt), beads, CheckSettings())


def test_findings_are_placed_on_the_bead_of_their_lines():
    doc = _doc()
    fs = [
        Finding("x.a", Severity.ERROR, "m", source_lines=(3,)),
        Finding("x.b", Severity.INFO, "m", translation_lines=(1,)),
        Finding("x.c", Severity.WARNING, "m"),  # the whole document
        Finding("x.d", Severity.INFO, "m", source_lines=(99,)),  # a line no bead has
    ]
    index = FindingIndex.build(doc, fs)
    assert index.unit_of == [1, 0, None, None]
    assert index.by_unit == {1: [0], 0: [1]}


def test_an_unreadable_transcript_is_listed_with_its_error(tmp_path: Path):
    root = write_demo_project(tmp_path / "study")
    (root / "BGU" / "BGU-FG1.en.txt").unlink()
    session = ReviewSession(load_project(root))
    session.check_all()
    rows = {r.id: r for r in session.overview()}
    assert rows["BGU-FG1"].error and "BGU-FG1.en.txt" in rows["BGU-FG1"].error
    assert rows["ULM-FG1"].error is None and rows["ULM-FG1"].source_segments == 6
    assert "BGU-FG1" not in session.documents


def test_read_only_session_refuses_to_record(tmp_path: Path):
    root = write_demo_project(tmp_path / "study", sites=("ULM",))
    session = ReviewSession(load_project(root))
    session.check_all()
    f = session.findings["ULM-FG1"][0]
    with pytest.raises(Refused, match="read-only"):
        session.dismiss("ULM-FG1", f, "why not")


def test_overview_counts_only_open_findings(tmp_path: Path):
    root = write_demo_project(tmp_path / "study", sites=("ULM",))
    project = load_project(root)
    with open_store(project) as store:
        session = ReviewSession(project, store=store, reviewer="ak")
        session.check_all()
        before = session.overview()[0]
        f = session.findings["ULM-FG1"][0]
        session.dismiss("ULM-FG1", f, "a quotation, kept on purpose")
        after = session.overview()[0]
        assert sum(after.by_severity.values()) == sum(before.by_severity.values()) - 1
        assert after.by_category.get(f.category, 0) == before.by_category[f.category] - 1
        assert session.signoff_label("ULM-FG1") == "0/2"


def test_finding_keys_are_the_stores_own(tmp_path: Path):
    """The session looks segments up once per document; the keys must be exactly the store's."""
    root = write_demo_project(tmp_path / "study")
    project = load_project(root)
    with open_store(project) as store:
        session = ReviewSession(project, store=store, reviewer="ak")
        session.check_all()
        compared = 0
        for tid, findings in session.findings.items():
            pair = session.documents[tid].pair
            for f in findings:
                assert session.key(tid, f) == store.key_for(f, pair)
                compared += 1
        assert compared >= 5
