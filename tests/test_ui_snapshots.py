"""Snapshot tests of every screen (SVG, pytest-textual-snapshot), German, Hebrew, Marathi and
Hindi transcripts, and the bundled sample study. Regenerate after reviewing the report with
``pytest tests/test_ui_snapshots.py --snapshot-update``.

SVGs are drawn by a browser, which applies bidi and its own font widths: widths and RTL order
are asserted in test_ui_widths.py and test_ui_bidi.py, not here. (Viewed in a browser, the
Hebrew of these SVGs looks reversed: the app already put it in visual order and the browser
reorders it again; the docs screenshots switch that off, see transqa.ui.screenshots.)
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from transqa.model import Finding, Severity
from transqa.ui.app import create_app
from transqa.ui.demo import write_demo_project

REPO = Path(__file__).resolve().parents[1]
SIZE = (130, 40)


# The demo-study snapshots show a fixed set of findings, so that they test the screens and do
# not change whenever a check is tuned; the sample-study snapshots below use the real checks.
PLANTED = {
    "ULM-FG1": [("untranslated.copy", Severity.WARNING, "translation is a copy of the source", 3, 3, None, None),
                ("anonymisation.register-hit", Severity.ERROR, "register person still in the text: replace with [name]",
                 4, None, "source", "Sabine Müller"),
                ("anonymisation.register-hit", Severity.ERROR, "register person still in the text: replace with [name]",
                 None, 4, "translation", "Sabine Müller")],
    "BGU-FG1": [("alignment.missing-translation", Severity.ERROR, "no translation for this turn", 4, None, "source", None),
                ("anonymisation.register-hit", Severity.ERROR, "register person “דני כהן” still in the text",
                 5, None, "source", "דני כהן"),
                ("glossary.missing-term", Severity.WARNING, "“עמית” should be rendered “peer worker”",
                 2, 2, "source", "עמית")],
    "PU-FG1": [("anonymisation.register-hit", Severity.ERROR, "register person “राहुल पाटील” still in the text",
                2, None, "source", "राहुल पाटील"),
               ("anonymisation.register-hit", Severity.ERROR, "register person “Rahul Patil” still in the text",
                None, 2, "translation", "Rahul Patil"),
               ("glossary.forbidden-term", Severity.WARNING, "“advisor” is a forbidden rendering of “समुपदेशक”",
                3, 3, "translation", "advisor")],
    "IN-FG1": [],
}


def planted_session(root: Path):
    """The demo study read and aligned as usual, with the findings above instead of the checks'."""
    from transqa.project import load_project
    from transqa.project.run import build_document, load_pair
    from transqa.store import open_store
    from transqa.ui.session import ReviewSession

    project = load_project(root)
    session = ReviewSession(project, store=open_store(project), reviewer="ak")
    for spec in project.transcripts:
        doc = build_document(load_pair(project, spec), session.settings)
        session.documents[spec.id] = doc
        findings = []
        for check, sev, msg, src, tgt, side, evidence in PLANTED[spec.id]:
            span = None
            if evidence and side in ("source", "translation"):
                line = src if side == "source" else tgt
                text = next(seg.text for seg in doc.segments(side) if seg.line == line)
                start = text.find(evidence)
                span = (start, start + len(evidence)) if start >= 0 else None
            findings.append(Finding(check, sev, msg, (src,) if src else (), (tgt,) if tgt else (),
                                    side or "translation", span, evidence, spec.id))
        session.findings[spec.id] = findings
    session.checked = True
    return session


@pytest.fixture
def study(tmp_path: Path) -> Path:
    return write_demo_project(tmp_path / "study")


def demo_app(root: Path, **options):
    return create_app(session=planted_session(root), run_checks=False, bidi_mode="on", **options)


def ready(*keys: str, row: int | None = None):
    async def run_before(pilot) -> None:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if row is not None:
            from textual.widgets import DataTable

            pilot.app.screen.query_one(DataTable).move_cursor(row=row)
        for key in keys:
            await pilot.press(key)
            await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    return run_before


def test_overview(snap_compare, study):
    assert snap_compare(demo_app(study), terminal_size=SIZE, run_before=ready())


def test_review_german(snap_compare, study):
    app = demo_app(study)
    assert snap_compare(app, terminal_size=SIZE, run_before=ready("enter", "u", row=0))


def test_review_hebrew(snap_compare, study):
    app = demo_app(study)
    assert snap_compare(app, terminal_size=SIZE, run_before=ready("enter", "n", "n", row=1))


def test_review_marathi(snap_compare, study):
    app = demo_app(study)
    assert snap_compare(app, terminal_size=SIZE, run_before=ready("enter", "n", row=2))


def test_review_hindi(snap_compare, study):
    app = demo_app(study)
    assert snap_compare(app, terminal_size=SIZE, run_before=ready("enter", "j", row=3))


def test_glossary_panel(snap_compare, study):
    app = demo_app(study)
    assert snap_compare(app, terminal_size=SIZE, run_before=ready("enter", "2", row=2))


def test_anonymisation_panel_redacted(snap_compare, study):
    app = demo_app(study)
    app.session.redact = True
    assert snap_compare(app, terminal_size=SIZE, run_before=ready("enter", "3", row=2))


def test_signoff_dialog(snap_compare, study):
    app = demo_app(study)
    assert snap_compare(app, terminal_size=SIZE, run_before=ready("enter", "s", row=0))


def test_filter_dialog(snap_compare, study):
    app = demo_app(study)
    assert snap_compare(app, terminal_size=SIZE, run_before=ready("enter", "f", row=0))


def test_dismiss_dialog(snap_compare, study):
    app = demo_app(study)
    assert snap_compare(app, terminal_size=SIZE, run_before=ready("enter", "u", "d", row=0))


def test_help(snap_compare, study):
    assert snap_compare(demo_app(study), terminal_size=SIZE, run_before=ready("f1"))


@pytest.fixture
def sample_study(tmp_path: Path) -> Path:
    """A copy of samples/study (the review store is created inside the project folder)."""
    src = REPO / "samples" / "study"
    if not (src / "transqa.toml").is_file():
        pytest.fail("samples/study/transqa.toml is missing")
    shutil.copytree(src, tmp_path / "samples" / "study")
    shutil.copytree(REPO / "glossaries", tmp_path / "glossaries")
    return tmp_path / "samples" / "study"


def test_sample_study_overview(snap_compare, sample_study):
    app = create_app(sample_study, reviewer="ak", bidi_mode="on")
    assert snap_compare(app, terminal_size=SIZE, run_before=ready())


@pytest.mark.parametrize("row", [0, 2, 5])  # ULM German, BGU Hebrew, PU Marathi
def test_sample_study_review(snap_compare, sample_study, row):
    app = create_app(sample_study, reviewer="ak", bidi_mode="on")
    assert snap_compare(app, terminal_size=SIZE, run_before=ready("enter", "n", row=row))
