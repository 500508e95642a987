"""The review app and its one factory, :func:`create_app`, used by the CLI and the tests.

Options (keyword arguments win over the ``[ui]`` table of transqa.toml)::

    [ui]
    reviewer = "ak"          # who the app records actions for (or --reviewer)
    bidi = "auto"            # auto | on | off: reorder right-to-left lines for display
    cell_width = "glibc"     # glibc | rich: how wide Devanagari vowel signs are on your terminal
    redact = false           # mask anonymisation matches on screen
    [ui.keys]                # remap any binding by id (see transqa.ui.keymap)
    next-finding = "j"
"""

from __future__ import annotations

import gc
import sys
import tomllib
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from typing import Any

from textual.app import App, SystemCommand
from textual.screen import Screen

from transqa.errors import InputError
from transqa.project import Project, load_project
from transqa.ui import bidi, cellwidth, keymap
from transqa.ui.screens.dialogs import HelpScreen, SignOffDialog
from transqa.ui.screens.overview import OverviewScreen
from transqa.ui.screens.review import ReviewScreen
from transqa.ui.session import ReviewSession

STYLES = Path(__file__).parent / "styles"
UI_KEYS = frozenset({"reviewer", "bidi", "cell_width", "redact", "keys"})


def ui_table(project: Project) -> dict[str, Any]:
    """The ``[ui]`` table of the project file (the project loader ignores it)."""
    try:
        data = tomllib.loads(project.file.read_text(encoding="utf-8-sig"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return {}
    table = data.get("ui", {})
    if not isinstance(table, dict):
        raise InputError(project.file, "[ui] must be a table")
    unknown = sorted(set(table) - UI_KEYS)
    if unknown:
        raise InputError(project.file, f"unknown [ui] setting {unknown[0]!r} (known: {', '.join(sorted(UI_KEYS))})")
    if "redact" in table and not isinstance(table["redact"], bool):
        raise InputError(project.file, "[ui] redact must be true or false")
    return table


def settle_memory() -> None:
    """Move the checked documents out of the garbage collector's way.

    A study holds hundreds of thousands of long-lived objects (segments, beads, findings); a
    full collection walking them all stalls a keypress for a few hundred milliseconds. Freezing
    them after loading keeps collections to what the UI allocates while you work.
    """
    gc.collect()
    gc.freeze()


def terminal_gone(fd: int | None = None) -> bool:
    """True when the controlling terminal has hung up (its attributes can no longer be read)."""
    import termios

    try:
        termios.tcgetattr(sys.__stdin__.fileno() if fd is None else fd)
    except (termios.error, OSError, ValueError, AttributeError):
        return True
    return False


class ReviewApp(App[None]):
    """Review a study: overview → transcript → findings, dispositions, edits, sign-off."""

    CSS_PATH = [STYLES / "app.tcss"]
    TITLE = "transqa review"
    BINDINGS = keymap.bindings(keymap.APP)

    def __init__(self, session: ReviewSession, *, reorder: bool = True, width_mode: str = cellwidth.DEFAULT_MODE,
                 keys: dict[str, str] | None = None, run_checks: bool = True) -> None:
        super().__init__()
        self.session = session
        self.reorder = reorder
        self.width_mode = width_mode
        self.keys = dict(keys or {})
        self._run_checks_on_mount = run_checks and not session.checked
        self._glossary_cache: dict[str, list[tuple[str, str, str, list[int], int]]] = {}
        self._installed = False

    # -- life cycle -------------------------------------------------------------------------
    def on_load(self) -> None:
        cellwidth.install(self.width_mode)
        self._installed = True

    def on_mount(self) -> None:
        if self.keys:
            self.set_keymap(self.keys)
        self.push_screen(OverviewScreen())
        if self._run_checks_on_mount:
            self.run_checks()
        else:
            settle_memory()
        if not self.is_headless:
            self.set_interval(2.0, self._exit_if_terminal_gone, name="terminal-watch")

    def _exit_if_terminal_gone(self) -> None:
        """Quit when the terminal went away (a closed window, a killed tmux session).

        Started through ``make run`` the app is not the session leader, so it gets no SIGHUP;
        without this its input reader spins on the dead terminal. Everything was already saved
        (every edit and disposition is committed when made), so quitting loses nothing.
        """
        if terminal_gone():
            self.exit()

    def on_unmount(self) -> None:
        gc.unfreeze()
        if self._installed:
            cellwidth.uninstall()
            self._installed = False
        if self.session.store is not None:
            self.session.store.close()

    # -- checks -----------------------------------------------------------------------------
    def run_checks(self) -> None:
        self.run_worker(self._check_all, thread=True, exclusive=True, group="checks", name="check-all")

    def _check_all(self) -> None:
        def progress(done: int, total: int) -> None:
            screen = self.screen
            if isinstance(screen, OverviewScreen):
                self.call_from_thread(screen.show_progress, done, total)

        try:
            self.session.check_all(progress)
        except InputError as e:
            self.call_from_thread(self.notify, str(e), severity="error", timeout=10, markup=False)
        self._glossary_cache.clear()
        settle_memory()
        self.call_from_thread(self.refresh_overview)

    def forget_glossary(self, transcript_id: str) -> None:
        self._glossary_cache.pop(transcript_id, None)

    def refresh_overview(self) -> None:
        for screen in self.screen_stack:
            if isinstance(screen, OverviewScreen) and screen.is_mounted:
                screen.populate()

    # -- navigation -------------------------------------------------------------------------
    def open_transcript(self, transcript_id: str) -> None:
        if transcript_id in self.session.errors:
            self.notify(self.session.errors[transcript_id], severity="error", timeout=8, markup=False)
            return
        if transcript_id not in self.session.documents:
            self.notify("Still checking; try again in a moment.", severity="warning", markup=False)
            return
        self.push_screen(ReviewScreen(transcript_id))

    def open_signoff(self, transcript_id: str, on_done: Callable[[], None] | None = None) -> None:
        from transqa.store import Refused

        reviewers = [(r.id, r.name) for r in self.session.project.reviewers.values()]
        if not reviewers:
            self.notify("No [[reviewers]] in transqa.toml: nobody can sign off.", severity="error", markup=False)
            return

        def submit(reviewer: str, decision: str, comment: str, override: str) -> str | None:
            try:
                self.session.sign_off(transcript_id, reviewer, decision, comment, override)
            except (Refused, InputError) as e:
                return str(e)
            return None

        def done(result: object) -> None:
            if result is not None:
                self.notify(f"{transcript_id}: {self.session.signoff_label(transcript_id)}", markup=False)
                if on_done:
                    on_done()
                self.refresh_overview()

        self.push_screen(SignOffDialog(transcript_id, reviewers, self.session.signoff_label(transcript_id),
                                       submit, default=self.session.reviewer), done)

    # -- glossary panel data ----------------------------------------------------------------
    def glossary_rows(self, transcript_id: str) -> list[tuple[str, str, str, list[int], int]]:
        got = self._glossary_cache.get(transcript_id)
        if got is not None:
            return got
        doc = self.session.documents[transcript_id]
        terms = doc.settings.glossary.for_language(doc.source_lang)
        rows: list[tuple[str, str, str, list[int], int]] = []
        if terms:
            from transqa.terms import TermMatcher

            matcher = TermMatcher(((t.source, i) for i, t in enumerate(terms)), doc.source_lang)
            hits: dict[int, list[int]] = {}
            for seg in doc.pair.source.segments:
                for m in matcher.find(seg.text):
                    lines = hits.setdefault(int(m.label), [])  # type: ignore[call-overload]
                    if not lines or lines[-1] != seg.line:
                        lines.append(seg.line)
            gloss = [f for f in self.session.findings.get(transcript_id, []) if f.category == "glossary"]
            for i, t in enumerate(terms):
                lines = hits.get(i, [])
                lineset = set(lines)
                n = sum(1 for f in gloss if lineset.intersection(f.source_lines))
                rows.append((t.source, " | ".join(t.targets), " | ".join(t.forbidden), lines, n))
        self._glossary_cache[transcript_id] = rows
        return rows

    # -- help and palette -------------------------------------------------------------------
    def _keys_for(self, bid: str, default: str) -> str:
        return self.keys.get(bid, default)

    def help_sections(self) -> list[tuple[str, list[tuple[str, str, str]]]]:
        def rows(table: dict[str, tuple[str, str, str, bool]]) -> list[tuple[str, str, str]]:
            return [(self._keys_for(bid, keys), desc, bid) for bid, (keys, _a, desc, _s) in table.items()]

        return [("Everywhere", rows(keymap.APP)), ("Study overview", rows(keymap.OVERVIEW)),
                ("Transcript review", rows(keymap.REVIEW)), ("Moving in the transcript", rows(keymap.SEGMENTS))]

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.help_sections()))

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """The palette lists every binding of the screen (with its key), then Textual's own."""
        seen: set[str] = set()
        for key, active in screen.active_bindings.items():
            b = active.binding
            if not b.description or b.action in seen:
                continue
            seen.add(b.action)
            yield SystemCommand(b.description, f"key {self.get_key_display(b)}  ·  id {b.id}",
                                partial(self.call_later, active.node.run_action, b.action))
        yield from super().get_system_commands(screen)


def create_app(project_path: str | Path | None = None, *, project: Project | None = None,
               reviewer: str | None = None, database: str | None = None, bidi_mode: str | None = None,
               cell_width: str | None = None, redact: bool | None = None, store: Any = "open",
               keys: dict[str, str] | None = None, user_keys: Path | None = None,
               session: ReviewSession | None = None, run_checks: bool = True) -> ReviewApp:
    """Build the review app for a project folder (or a loaded ``project`` / ready ``session``).

    ``store="open"`` opens the project's review store (``database`` overrides where);
    ``store=None`` reviews read-only. Bad options raise :class:`InputError`.
    """
    if session is None:
        if project is None:
            if project_path is None:
                raise InputError(None, "give a project folder")
            project = load_project(project_path)
        ui = ui_table(project)
        who = reviewer or ui.get("reviewer")
        if who and who not in project.reviewers:
            known = ", ".join(sorted(project.reviewers)) or "none declared"
            raise InputError(project.file, f"unknown reviewer {who!r} (known: {known})")
        the_store = None
        if store == "open":
            from transqa.store import open_store

            the_store = open_store(project, database)
        elif store is not None:
            the_store = store
        session = ReviewSession(project, store=the_store, reviewer=who,
                                redact=bool(ui.get("redact", False) if redact is None else redact))
    ui = ui_table(session.project)
    mode = bidi_mode or str(ui.get("bidi", "auto"))
    width = cell_width or str(ui.get("cell_width", cellwidth.DEFAULT_MODE))
    if mode not in bidi.MODES:
        raise InputError(session.project.file, f"[ui] bidi must be auto, on or off, not {mode!r}")
    if width not in cellwidth.MODES:
        raise InputError(session.project.file, f"[ui] cell_width must be glibc or rich, not {width!r}")
    keymap_ = keymap.load_keymap(ui.get("keys"), session.project.file, user_keys)
    keymap_.update(keys or {})
    return ReviewApp(session, reorder=bidi.resolve(mode), width_mode=width, keys=keymap_, run_checks=run_checks)
