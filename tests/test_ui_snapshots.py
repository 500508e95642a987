"""Snapshot tests of every screen (SVG, pytest-textual-snapshot), German, Hebrew, Marathi and
Hindi transcripts, and the bundled sample study. Regenerate after reviewing the report with
``pytest tests/test_ui_snapshots.py --snapshot-update``.

SVGs are drawn by a browser, which applies bidi and its own font widths: widths and RTL order
are asserted in test_ui_widths.py and test_ui_bidi.py, not here.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from transqa.ui.app import create_app
from transqa.ui.demo import write_demo_project

REPO = Path(__file__).resolve().parents[1]
SIZE = (130, 40)


@pytest.fixture
def study(tmp_path: Path) -> Path:
    return write_demo_project(tmp_path / "study")


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
    assert snap_compare(create_app(study, reviewer="ak", bidi_mode="on"), terminal_size=SIZE, run_before=ready())


def test_review_german(snap_compare, study):
    app = create_app(study, reviewer="ak", bidi_mode="on")
    assert snap_compare(app, terminal_size=SIZE, run_before=ready("enter", "u", row=0))


def test_review_hebrew(snap_compare, study):
    app = create_app(study, reviewer="ak", bidi_mode="on")
    assert snap_compare(app, terminal_size=SIZE, run_before=ready("enter", "n", "n", row=1))


def test_review_marathi(snap_compare, study):
    app = create_app(study, reviewer="ak", bidi_mode="on")
    assert snap_compare(app, terminal_size=SIZE, run_before=ready("enter", "n", row=2))


def test_review_hindi(snap_compare, study):
    app = create_app(study, reviewer="ak", bidi_mode="on")
    assert snap_compare(app, terminal_size=SIZE, run_before=ready("enter", "j", row=3))


def test_glossary_panel(snap_compare, study):
    app = create_app(study, reviewer="ak", bidi_mode="on")
    assert snap_compare(app, terminal_size=SIZE, run_before=ready("enter", "2", row=2))


def test_anonymisation_panel_redacted(snap_compare, study):
    app = create_app(study, reviewer="ak", bidi_mode="on", redact=True)
    assert snap_compare(app, terminal_size=SIZE, run_before=ready("enter", "3", row=2))


def test_signoff_dialog(snap_compare, study):
    app = create_app(study, reviewer="ak", bidi_mode="on")
    assert snap_compare(app, terminal_size=SIZE, run_before=ready("enter", "s", row=0))


def test_filter_dialog(snap_compare, study):
    app = create_app(study, reviewer="ak", bidi_mode="on")
    assert snap_compare(app, terminal_size=SIZE, run_before=ready("enter", "f", row=0))


def test_dismiss_dialog(snap_compare, study):
    app = create_app(study, reviewer="ak", bidi_mode="on")
    assert snap_compare(app, terminal_size=SIZE, run_before=ready("enter", "u", "d", row=0))


def test_help(snap_compare, study):
    assert snap_compare(create_app(study, reviewer="ak"), terminal_size=SIZE, run_before=ready("f1"))


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
