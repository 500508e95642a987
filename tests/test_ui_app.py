"""Pilot tests: every action of the review app, driven by keys (and the mouse), checked against
the store and the files — not only against what the screen shows."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.widgets import Button, Checkbox, DataTable, Input, RadioButton, Select, Static, TabbedContent

from transqa.store import open_store
from transqa.ui.app import ReviewApp, create_app
from transqa.ui.demo import write_demo_project
from transqa.ui.screens.dialogs import FilterDialog, HelpScreen, PromptDialog, SignOffDialog
from transqa.ui.screens.overview import OverviewScreen
from transqa.ui.screens.review import ReviewScreen
from transqa.ui.widgets.findings_panel import FindingsPanel
from transqa.ui.widgets.segment_view import SegmentView

ROWS = {"ULM-FG1": 0, "BGU-FG1": 1, "PU-FG1": 2, "IN-FG1": 3}


@pytest.fixture
def study(tmp_path: Path) -> Path:
    return write_demo_project(tmp_path / "study")


def drive(app: ReviewApp, scenario: Callable[..., Awaitable[None]], size=(120, 36)) -> None:
    async def go() -> None:
        async with app.run_test(size=size, notifications=True) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            await scenario(pilot)

    asyncio.run(go())


async def open_transcript(pilot, tid: str) -> ReviewScreen:
    table = pilot.app.screen.query_one(DataTable)
    table.move_cursor(row=ROWS[tid])
    await pilot.press("enter")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, ReviewScreen) and screen.tid == tid
    return screen


def unit_of_line(app: ReviewApp, tid: str, line: int, side: str = "source") -> int:
    doc = app.session.documents[tid]
    for u in doc.units:
        if line in (u.source_lines if side == "source" else u.translation_lines):
            return u.index
    raise AssertionError(line)


def test_overview_lists_every_transcript_with_language_counts_and_signoff(study):
    app = create_app(study, reviewer="ak")

    async def scenario(pilot):
        table = pilot.app.screen.query_one(DataTable)
        assert isinstance(pilot.app.screen, OverviewScreen)
        assert table.row_count == 4
        for tid, row in ROWS.items():
            cells = [str(c) for c in table.get_row_at(row)]
            assert cells[0] == tid
            findings = app.session.findings[tid]
            assert cells[4] == str(sum(1 for f in findings if str(f.severity) == "error"))
            assert cells[5] == str(sum(1 for f in findings if str(f.severity) == "warning"))
            assert cells[7] == "0/2"
        assert [str(c) for c in table.get_row_at(2)][2] == "mr"
        assert [str(c) for c in table.get_row_at(1)][3] == "6/5"  # the Hebrew line without translation

    drive(app, scenario)


def test_enter_opens_the_transcript_and_escape_goes_back(study):
    app = create_app(study, reviewer="ak")

    async def scenario(pilot):
        screen = await open_transcript(pilot, "PU-FG1")
        view = screen.query_one(SegmentView)
        assert view.has_focus and view.cursor == 0
        assert "मराठी" in "".join(view.cell_text(y) for y in range(6))
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, OverviewScreen)

    drive(app, scenario)


def test_next_and_previous_finding_walk_the_findings_in_reading_order(study):
    app = create_app(study, reviewer="ak")

    async def scenario(pilot):
        screen = await open_transcript(pilot, "ULM-FG1")
        index = app.session.index("ULM-FG1")
        units = sorted(u for u in index.unit_of if u is not None)
        seen = []
        for _ in units:
            await pilot.press("n")
            seen.append(screen.view.cursor)
        assert seen == units  # one stop per finding, in bead order
        await pilot.press("n")  # past the last: stays, says so
        assert screen.view.cursor == units[-1]
        await pilot.press("p")
        assert screen.view.cursor == units[-2]
        await pilot.press("g", "p")  # from the top there is nothing before
        assert screen.view.cursor == 0

    drive(app, scenario)


def test_untranslated_and_anonymisation_jumps_skip_other_findings(study):
    app = create_app(study, reviewer="ak")

    async def scenario(pilot):
        screen = await open_transcript(pilot, "ULM-FG1")
        await pilot.press("u")
        f = screen.current_finding()
        assert f is not None and f.category == "untranslated"
        assert screen.view.cursor == unit_of_line(app, "ULM-FG1", 3)
        await pilot.press("a")
        f = screen.current_finding()
        assert f is not None and f.category == "anonymisation"
        await pilot.press("G", "A")
        f = screen.current_finding()
        assert f is not None and f.category == "anonymisation"
        await pilot.press("U")
        assert screen.current_finding().category == "untranslated"

    drive(app, scenario)


def test_dismiss_asks_a_reason_and_records_it_in_the_store(study):
    app = create_app(study, reviewer="ak")

    async def scenario(pilot):
        screen = await open_transcript(pilot, "ULM-FG1")
        await pilot.press("u")
        target = screen.current_finding()
        await pilot.press("d")
        assert isinstance(pilot.app.screen, PromptDialog)
        await pilot.press("enter")  # empty reason: refused in the dialog
        assert isinstance(pilot.app.screen, PromptDialog)
        await pilot.press(*"quote in German on purpose")
        await pilot.press("enter")
        await pilot.pause()
        assert pilot.app.screen is screen
        assert app.session.status("ULM-FG1", target) == "dismissed"
        assert target not in app.session.open_findings("ULM-FG1")
        await pilot.press("o")  # reopen
        await pilot.pause()
        assert app.session.status("ULM-FG1", target) == "open"

    drive(app, scenario)
    with open_store(app.session.project) as store:
        disp = [d for d in store.dispositions_for("ULM-FG1").values()]
        history = [e.action for e in store.history("ULM-FG1")]
    assert any(d.check == "untranslated.copy" for d in disp)
    assert "finding.dismissed" in history and "finding.open" in history
    dismissed = [e for e in store_history(app) if e.action == "finding.dismissed"]
    assert dismissed[0].payload["reason"] == "quote in German on purpose"
    assert dismissed[0].actor == "ak"


def store_history(app):
    with open_store(app.session.project) as store:
        return store.history("ULM-FG1")


def test_without_a_reviewer_nothing_is_recorded_and_the_dialog_says_why(study):
    app = create_app(study)  # no --reviewer

    async def scenario(pilot):
        await open_transcript(pilot, "ULM-FG1")
        await pilot.press("u", "d", *"because", "enter")
        await pilot.pause()
        dialog = pilot.app.screen
        assert isinstance(dialog, PromptDialog)
        assert "reviewer" in str(dialog.query_one("#dialog-error", Static).render())
        await pilot.press("escape")

    drive(app, scenario)
    with open_store(app.session.project) as store:
        assert store.dispositions_for("ULM-FG1") == {}


def test_edit_translation_writes_the_file_and_the_findings_follow(study):
    app = create_app(study, reviewer="ak")
    en = study / "ULM" / "ULM-FG1.en.txt"

    async def scenario(pilot):
        screen = await open_transcript(pilot, "ULM-FG1")
        await pilot.press("u")
        assert any(f.check == "untranslated.copy" for f in app.session.findings["ULM-FG1"])
        await pilot.press("e")
        dialog = pilot.app.screen
        assert isinstance(dialog, PromptDialog)
        field = dialog.query_one(Input)
        assert field.value.startswith("Am Anfang")
        field.value = "At first the team was sceptical, but that has changed."
        await pilot.press("enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert pilot.app.screen is screen
        assert not any(f.check == "untranslated.copy" for f in app.session.findings["ULM-FG1"])
        assert "sceptical" in "".join(screen.view.cell_text(y) for y in range(12))

    drive(app, scenario)
    lines = en.read_text(encoding="utf-8").splitlines()
    assert lines[2] == "[00:00:33] R2: At first the team was sceptical, but that has changed."
    assert lines[0].startswith("[00:00:15] M: Good afternoon")  # the rest untouched
    with open_store(app.session.project) as store:
        edits = store.edits_for("ULM-FG1")
    assert len(edits) == 1 and edits[0].line == 3 and edits[0].reviewer == "ak"


def test_mark_concern_adds_a_note_on_the_translation_line(study):
    app = create_app(study, reviewer="ak")

    async def scenario(pilot):
        screen = await open_transcript(pilot, "PU-FG1")
        await pilot.press("j", "j", "c", *"advisor is not a counsellor", "enter")
        await pilot.pause()
        assert pilot.app.screen is screen
        body = screen.query_one(FindingsPanel).text.plain
        assert "advisor is not a counsellor" in body
        bead = screen.view.cursor
        first_row = next(y for y, (u, k) in enumerate(screen.view.screen_map()) if u == bead and k == 0)
        assert screen.view.cell_text(first_row)[1] == "✎"

    drive(app, scenario)
    with open_store(app.session.project) as store:
        notes = store.notes_for("PU-FG1")
    assert [(n.line, n.side, n.text, n.reviewer) for n in notes] == [(3, "translation", "advisor is not a counsellor", "ak")]


def test_recheck_picks_up_a_change_made_outside(study):
    app = create_app(study, reviewer="ak")
    en = study / "ULM" / "ULM-FG1.en.txt"

    async def scenario(pilot):
        await open_transcript(pilot, "ULM-FG1")
        text = en.read_text(encoding="utf-8").replace("Am Anfang war das Team skeptisch, aber das hat sich geändert.",
                                                      "In the beginning the team was sceptical; that changed.")
        en.write_text(text, encoding="utf-8")
        await pilot.press("r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not any(f.check == "untranslated.copy" for f in app.session.findings["ULM-FG1"])

    drive(app, scenario)


async def press_button(pilot, dialog, button_id: str = "#ok") -> None:
    dialog.query_one(button_id, Button).press()
    await pilot.pause()
    await pilot.pause()


def _sign(dialog: SignOffDialog, reviewer: str, reject: bool = False, override: str = "") -> None:
    dialog.query_one(Select).value = reviewer
    if reject:
        dialog.query_one("#decision-reject", RadioButton).value = True
    dialog.query_one("#signoff-override", Input).value = override


def test_sign_off_refusals_show_the_stores_reason(study):
    app = create_app(study, reviewer="ak")

    async def scenario(pilot):
        await open_transcript(pilot, "ULM-FG1")
        await pilot.press("s")
        dialog = pilot.app.screen
        assert isinstance(dialog, SignOffDialog)
        _sign(dialog, "jb")  # the translator
        await press_button(pilot, dialog)
        assert pilot.app.screen is dialog
        assert "translator" in str(dialog.query_one("#dialog-error", Static).render())
        _sign(dialog, "mr")  # open errors, no override
        await press_button(pilot, dialog)
        assert "open error" in str(dialog.query_one("#dialog-error", Static).render())
        await pilot.press("escape")

    drive(app, scenario)
    with open_store(app.session.project) as store:
        assert store.signoffs_for("ULM-FG1") == []


def test_two_approvals_sign_off_and_the_overview_shows_it(study):
    app = create_app(study, reviewer="ak")

    async def scenario(pilot):
        table = pilot.app.screen.query_one(DataTable)
        table.move_cursor(row=ROWS["IN-FG1"])
        for reviewer, label in (("ak", "1/2"), ("mr", "signed off")):
            await pilot.press("s")
            dialog = pilot.app.screen
            assert isinstance(dialog, SignOffDialog)
            _sign(dialog, reviewer, override="names are of staff roles, checked with the site")
            await press_button(pilot, dialog)
            assert isinstance(pilot.app.screen, OverviewScreen), dialog.query_one("#dialog-error", Static).render()
            assert str(table.get_row_at(ROWS["IN-FG1"])[7]) == label
        await pilot.press("s")
        dialog = pilot.app.screen
        _sign(dialog, "mr", reject=True)
        await press_button(pilot, dialog)
        assert str(table.get_row_at(ROWS["IN-FG1"])[7]) == "rejected"

    drive(app, scenario)


def test_filter_by_category_severity_and_dismissed(study):
    app = create_app(study, reviewer="ak")

    async def scenario(pilot):
        screen = await open_transcript(pilot, "ULM-FG1")
        total = len(screen.shown_ids)
        await pilot.press("f")
        dialog = pilot.app.screen
        assert isinstance(dialog, FilterDialog)
        dialog.query_one("#cat-anonymisation", Checkbox).value = False
        await press_button(pilot, dialog)
        index = app.session.index("ULM-FG1")
        shown = [index.findings[i] for i in screen.shown_ids]
        assert shown and all(f.category != "anonymisation" for f in shown) and len(shown) < total
        await pilot.press("a")  # no anonymisation finding is shown, so none to jump to
        assert screen.current_finding() is None or screen.current_finding().category != "anonymisation"
        screen.set_filter(None, "error", True)
        assert all(index.findings[i].severity.name == "ERROR" for i in screen.shown_ids)

    drive(app, scenario)


def test_help_lists_every_binding_with_its_id(study):
    app = create_app(study, reviewer="ak")

    async def scenario(pilot):
        await pilot.press("f1")
        assert isinstance(pilot.app.screen, HelpScreen)
        text = str(pilot.app.screen.query_one(Static).render())
        from transqa.ui import keymap

        for bid in keymap.ALL:
            assert bid in text
        await pilot.press("escape")
        assert isinstance(pilot.app.screen, OverviewScreen)

    drive(app, scenario)


def test_command_palette_offers_the_screens_actions(study):
    app = create_app(study, reviewer="ak")

    async def scenario(pilot):
        screen = await open_transcript(pilot, "ULM-FG1")
        titles = {c.title for c in app.get_system_commands(screen)}
        for wanted in ("Next finding", "Prev finding", "Next untranslated", "Next anonymisation", "Edit",
                       "Dismiss", "Concern", "Re-check", "Sign off", "Help"):
            assert wanted in titles
        command = next(c for c in app.get_system_commands(screen) if c.title == "Next untranslated")
        command.callback()
        await pilot.pause()
        assert screen.current_finding().category == "untranslated"

    drive(app, scenario)


def test_keys_are_remapped_from_the_project_file(tmp_path):
    study = write_demo_project(tmp_path / "study", ui='[ui.keys]\nnext-finding = "x"\ndismiss-finding = "ctrl+d"')
    app = create_app(study, reviewer="ak", user_keys=tmp_path / "none.toml")

    async def scenario(pilot):
        screen = await open_transcript(pilot, "ULM-FG1")
        await pilot.press("n")  # no longer bound
        assert screen.current is None
        await pilot.press("x")
        assert screen.current_finding() is not None
        await pilot.press("ctrl+d")
        assert isinstance(pilot.app.screen, PromptDialog)

    drive(app, scenario)


def test_user_keys_file_wins_and_unknown_ids_are_refused(tmp_path):
    from transqa.errors import InputError

    study = write_demo_project(tmp_path / "study", ui='[ui.keys]\nnext-finding = "x"')
    user = tmp_path / "keys.toml"
    user.write_text('next-finding = "y"\n', encoding="utf-8")
    app = create_app(study, store=None, user_keys=user)
    assert app.keys["next-finding"] == "y"
    user.write_text('next-findings = "y"\n', encoding="utf-8")
    with pytest.raises(InputError, match="unknown key binding id"):
        create_app(study, store=None, user_keys=user)


def test_panels_show_glossary_terms_and_anonymisation_hits(study):
    app = create_app(study, reviewer="ak")

    async def scenario(pilot):
        screen = await open_transcript(pilot, "PU-FG1")
        await pilot.press("2")
        assert screen.query_one(TabbedContent).active == "tab-glossary"
        await app.workers.wait_for_complete()
        await pilot.pause()
        glossary = str(screen.query_one("#glossary-body", Static).render())
        assert "समुपदेशक" in glossary and "line" in glossary
        await pilot.press("3")
        assert screen.query_one(TabbedContent).active == "tab-anonymisation"
        anon = str(screen.query_one("#anonymisation-body", Static).render())
        assert "anonymisation.register-hit" in anon
        await pilot.press("1")
        assert screen.query_one(TabbedContent).active == "tab-findings"

    drive(app, scenario)


def test_redact_masks_matches_on_screen_and_in_the_panels(study):
    app = create_app(study, reviewer="ak", redact=True)

    async def scenario(pilot):
        screen = await open_transcript(pilot, "PU-FG1")
        rows = "".join(screen.view.cell_text(y) for y in range(20))
        assert "Rahul Patil" not in rows and "█" in rows
        await pilot.press("3")
        anon = str(screen.query_one("#anonymisation-body", Static).render())
        assert "Rahul Patil" not in anon and "पाटील" not in anon and "█" in anon
        await pilot.press("a")
        panel = screen.query_one(FindingsPanel).text.plain
        assert "Rahul Patil" not in panel and "राहुल" not in panel

    drive(app, scenario)


def test_mouse_click_selects_a_bead(study):
    app = create_app(study, reviewer="ak")

    async def scenario(pilot):
        screen = await open_transcript(pilot, "ULM-FG1")
        view = screen.view
        smap = view.screen_map()
        y = next(i for i, (unit, _) in enumerate(smap) if unit == 3)
        await pilot.click(SegmentView, offset=(10, y))
        await pilot.pause()
        assert view.cursor == 3

    drive(app, scenario)


def test_toggle_bidi_switches_hebrew_between_visual_and_logical(study):
    app = create_app(study, reviewer="ak", bidi_mode="on")

    async def scenario(pilot):
        screen = await open_transcript(pilot, "BGU-FG1")
        logical = "מה השתנה בצוות?"
        rows = lambda: "".join(screen.view.cell_text(y) for y in range(20))  # noqa: E731
        assert logical not in rows()
        await pilot.press("b")
        await pilot.pause()
        assert logical in rows()

    drive(app, scenario)


def test_page_keys_and_cursor_keys_move_the_cursor(study):
    app = create_app(study, reviewer="ak")

    async def scenario(pilot):
        screen = await open_transcript(pilot, "ULM-FG1")
        await pilot.press("down", "down")
        assert screen.view.cursor == 2
        await pilot.press("up")
        assert screen.view.cursor == 1
        await pilot.press("end")
        assert screen.view.cursor == len(app.session.documents["ULM-FG1"].units) - 1
        await pilot.press("home", "pagedown")
        assert screen.view.cursor > 0

    drive(app, scenario)


def test_cli_review_parser_and_bad_project(tmp_path, capsys):
    from transqa.cli import main as cli_main

    code = cli_main.main(["review", str(tmp_path / "missing")])
    assert code == 2
    assert "project not found" in capsys.readouterr().err


def test_a_transcript_without_translation_can_still_be_read(tmp_path):
    study = write_demo_project(tmp_path / "study", sites=("PU",))
    toml = study / "transqa.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace('translation = "PU/PU-FG1.en.txt"\n', ""),
                    encoding="utf-8")
    app = create_app(study, reviewer="ak")

    async def scenario(pilot):
        await pilot.press("enter")
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, ReviewScreen)
        assert len(screen.view.units) == 6
        assert "नमस्कार" in screen.view.cell_text(0)
        await pilot.press("e")
        assert pilot.app.screen is screen  # nothing to edit: said, not crashed

    drive(app, scenario)


@pytest.mark.parametrize("ui,match", [('[ui]\nbidi_mode = "on"', "unknown \\[ui\\] setting 'bidi_mode'"),
                                      ('[ui]\nbidi = "sometimes"', "bidi must be auto, on or off"),
                                      ('[ui]\ncell_width = "wide"', "cell_width must be glibc or rich"),
                                      ('[ui]\nredact = "yes"', "redact must be true or false"),
                                      ('[ui]\nreviewer = "zz"', "unknown reviewer 'zz'")])
def test_bad_ui_settings_are_refused_with_one_clear_line(tmp_path, ui, match):
    from transqa.errors import InputError

    study = write_demo_project(tmp_path / "study", sites=("ULM",), ui=ui)
    with pytest.raises(InputError, match=match):
        create_app(study, store=None, user_keys=tmp_path / "none.toml")


def test_texts_with_brackets_are_shown_verbatim_not_as_markup(study):
    """Finding messages and transcript text carry brackets ("[name]", "[P3]"): never markup."""
    app = create_app(study, reviewer="ak")

    async def scenario(pilot):
        import dataclasses

        fs = app.session.findings["ULM-FG1"]
        k = next(i for i, f in enumerate(fs) if f.category == "anonymisation")
        fs[k] = dataclasses.replace(fs[k], message="still in the text: replace with [name] or [P3]")
        app.session._index.clear()  # noqa: SLF001
        screen = await open_transcript(pilot, "ULM-FG1")
        await pilot.press("a")
        finding = screen.current_finding()
        assert "[name]" in finding.message
        await pilot.press("d")
        dialog = pilot.app.screen
        context = str(dialog.query_one(".dialog-context", Static).render())
        assert context == f"{finding.check}: {finding.message}"
        submit = dialog.submit
        app.session.store.dismiss = lambda *a, **k: (_ for _ in ()).throw(ValueError("bad [name] here"))
        assert submit("reason") == "bad [name] here"
        await pilot.press(*"x", "enter")
        assert "bad [name] here" in str(dialog.query_one("#dialog-error", Static).render())

    drive(app, scenario)
