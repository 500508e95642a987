"""Study overview: every site and transcript, its findings and its sign-off state."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from transqa.ui import keymap

if TYPE_CHECKING:
    from transqa.ui.app import ReviewApp

COLUMNS = ("Transcript", "Site", "Lang", "Segments", "✖ err", "▲ warn", "● info", "Sign-off", "Open findings by category")

SHORT = {"alignment": "align", "anonymisation": "anon", "consistency": "consist", "glossary": "gloss",
         "numbers": "num", "untranslated": "untransl", "format": "fmt"}

SIGNOFF_STYLE = {"signed off": "bold green", "stale": "bold yellow", "rejected": "bold red", "missing": "red"}


class OverviewScreen(Screen[None]):
    BINDINGS = keymap.bindings(keymap.OVERVIEW)
    BINDING_GROUP_TITLE = "Study"

    @property
    def review_app(self) -> "ReviewApp":
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        project = self.review_app.session.project
        title = Text(project.name, style="bold")
        title.append(f"  {len(project.sites)} sites · {len(project.transcripts)} transcripts")
        yield Static(title, id="overview-title")
        yield Static("", id="overview-sites")
        yield Static("Checking…", id="overview-status")
        table: DataTable[object] = DataTable(id="transcripts", cursor_type="row", zebra_stripes=True)
        yield table
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for c in COLUMNS:
            table.add_column(c, key=c)
        if self.review_app.session.checked:
            self.populate()
        table.focus()

    def show_progress(self, done: int, total: int) -> None:
        self.query_one("#overview-status", Static).update(f"Checking… {done}/{total}")

    def populate(self) -> None:
        session = self.review_app.session
        table = self.query_one(DataTable)
        keep = table.cursor_row
        table.clear()
        rows = session.overview()
        for r in rows:
            segs = f"{r.source_segments}/{r.translation_segments}" if not r.error else "—"
            cats = Text(r.error, style="red") if r.error else Text(
                " · ".join(f"{SHORT.get(c, c)} {n}" for c, n in r.by_category.items()) or "—")
            sev = r.by_severity
            table.add_row(
                r.id, f"{r.site} {r.site_name}".strip(), r.language, segs,
                Text(str(sev["error"]), style="bold red" if sev["error"] else "dim"),
                Text(str(sev["warning"]), style="yellow" if sev["warning"] else "dim"),
                Text(str(sev["info"]), style="cyan" if sev["info"] else "dim"),
                Text(r.signoff, style=SIGNOFF_STYLE.get(r.signoff, "")), cats, key=r.id)
        if rows:
            table.move_cursor(row=min(max(keep, 0), len(rows) - 1))
        sites = Text("Sites: ", style="bold")
        for i, (code, site) in enumerate(session.project.sites.items()):
            mine = [r for r in rows if r.site == code]
            done = sum(1 for r in mine if r.signoff == "signed off")
            sites.append(("  ·  " if i else "") + f"{code} {site.name} ({site.language or '?'}) ")
            sites.append(f"{done}/{len(mine)} signed off", style="green" if mine and done == len(mine) else "dim")
        self.query_one("#overview-sites", Static).update(sites)
        n_err = sum(r.by_severity["error"] for r in rows)
        signed = sum(1 for r in rows if r.signoff == "signed off")
        who = session.reviewer or "nobody (read-only: start with --reviewer ID)"
        self.query_one("#overview-status", Static).update(Text(
            f"{len(rows)} transcripts · {n_err} open errors · {signed} signed off · reviewing as {who}"
            + ("" if session.store is not None else " · no review store")))

    def selected(self) -> str | None:
        table = self.query_one(DataTable)
        if table.row_count == 0:
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        self.review_app.open_transcript(str(event.row_key.value))

    def action_open_transcript(self) -> None:
        tid = self.selected()
        if tid:
            self.review_app.open_transcript(tid)

    def action_recheck(self) -> None:
        self.review_app.run_checks()

    def action_sign_off(self) -> None:
        tid = self.selected()
        if tid:
            self.review_app.open_signoff(tid, on_done=self.populate)
