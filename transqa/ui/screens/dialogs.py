"""Modal dialogs: a one-line prompt (dismiss reason, concern, edit), sign-off, filters, help."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, RadioButton, RadioSet, Select, Static


class PromptDialog(ModalScreen[str | None]):
    """Ask for one line of text. Enter submits, Escape cancels (returns None)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="dialog-cancel")]

    def __init__(self, title: str, label: str, *, value: str = "", placeholder: str = "",
                 context: str = "", submit: Callable[[str], str | None] | None = None,
                 allow_empty: bool = False) -> None:
        super().__init__()
        self.title_text = title
        self.label = label
        self.value = value
        self.placeholder = placeholder
        self.context = context
        self.submit = submit
        self.allow_empty = allow_empty

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog"):
            yield Label(Text(self.title_text), classes="dialog-title")
            if self.context:  # transcript text and finding messages: never markup ("[name]")
                yield Static(Text(self.context), classes="dialog-context")
            yield Label(Text(self.label))
            yield Input(value=self.value, placeholder=self.placeholder, id="prompt-input")
            yield Static("", id="dialog-error", classes="dialog-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("OK", variant="primary", id="ok")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#prompt-input", Input).focus()

    def _finish(self) -> None:
        value = self.query_one("#prompt-input", Input).value
        if not value.strip() and not self.allow_empty:
            self.query_one("#dialog-error", Static).update("Please write something (or press Escape).")
            return
        if self.submit is not None:
            error = self.submit(value)
            if error:
                self.query_one("#dialog-error", Static).update(Text(error))
                return
        self.dismiss(value)

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self._finish()

    @on(Button.Pressed, "#ok")
    def _ok(self) -> None:
        self._finish()

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


class SignOffDialog(ModalScreen[object | None]):
    """Who signs, the decision and a comment. ``submit`` performs the sign-off through the store
    and returns None on success or the store's reason for refusing, which is shown here."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="dialog-cancel")]

    def __init__(self, transcript: str, reviewers: Sequence[tuple[str, str]], state: str,
                 submit: Callable[[str, str, str, str], str | None], *, default: str | None = None) -> None:
        super().__init__()
        self.transcript = transcript
        self.reviewers = list(reviewers)
        self.state = state
        self.submit = submit
        self.default = default

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="signoff-dialog"):
            yield Label(Text(f"Sign off {self.transcript}  (now: {self.state})"), classes="dialog-title")
            yield Static("Meaning: translation checked and comprehensible for analysis. "
                         "Two different reviewers (not the translator) must approve.", classes="dialog-context")
            yield Label("Reviewer")
            options = [(Text(f"{name} ({rid})"), rid) for rid, name in self.reviewers]
            default = self.default if self.default in {r for r, _ in self.reviewers} else Select.NULL
            yield Select(options, prompt="who signs?", id="signoff-reviewer", value=default)
            yield Label("Decision")
            with RadioSet(id="signoff-decision"):
                yield RadioButton("approve", value=True, id="decision-approve")
                yield RadioButton("reject", id="decision-reject")
            yield Label("Comment")
            yield Input(placeholder="optional", id="signoff-comment")
            yield Label("Override reason (only to approve despite open errors)")
            yield Input(placeholder="leave empty unless you mean it", id="signoff-override")
            yield Static("", id="dialog-error", classes="dialog-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Sign", variant="primary", id="ok")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#signoff-reviewer", Select).focus()

    @on(Button.Pressed, "#ok")
    @on(Input.Submitted)
    def _sign(self) -> None:
        reviewer = self.query_one("#signoff-reviewer", Select).value
        if reviewer is Select.NULL or not reviewer:
            self.query_one("#dialog-error", Static).update("Choose who signs.")
            return
        pressed = self.query_one("#signoff-decision", RadioSet).pressed_button
        decision = "reject" if pressed is not None and pressed.id == "decision-reject" else "approve"
        comment = self.query_one("#signoff-comment", Input).value
        override = self.query_one("#signoff-override", Input).value
        error = self.submit(str(reviewer), decision, comment, override)
        if error:
            self.query_one("#dialog-error", Static).update(Text(f"Refused: {error}"))
            return
        self.dismiss((reviewer, decision))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


class FilterDialog(ModalScreen[tuple[frozenset[str], str, bool] | None]):
    """Which findings to show: categories, the lowest severity, and whether dismissed ones."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="dialog-cancel")]

    def __init__(self, categories: Sequence[str], chosen: frozenset[str], min_severity: str,
                 show_dismissed: bool) -> None:
        super().__init__()
        self.categories = list(categories)
        self.chosen = chosen
        self.min_severity = min_severity
        self.show_dismissed = show_dismissed

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="filter-dialog"):
            yield Label("Show findings", classes="dialog-title")
            yield Label("Categories")
            with VerticalScroll(id="filter-categories"):
                for c in self.categories:
                    yield Checkbox(Text(c), value=c in self.chosen, id=f"cat-{c}")
            yield Label("At least")
            with RadioSet(id="filter-severity"):
                for s in ("info", "warning", "error"):
                    yield RadioButton(s, value=s == self.min_severity, id=f"sev-{s}")
            yield Checkbox("also dismissed findings", value=self.show_dismissed, id="filter-dismissed")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Apply", variant="primary", id="ok")
                yield Button("Cancel", id="cancel")

    @on(Button.Pressed, "#ok")
    def _apply(self) -> None:
        chosen = frozenset(c for c in self.categories if self.query_one(f"#cat-{c}", Checkbox).value)
        pressed = self.query_one("#filter-severity", RadioSet).pressed_button
        sev = pressed.id.removeprefix("sev-") if pressed is not None and pressed.id else "info"
        self.dismiss((chosen, sev, self.query_one("#filter-dismissed", Checkbox).value))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


class HelpScreen(ModalScreen[None]):
    """Every key of the app with its binding id (remap ids in [ui.keys])."""

    BINDINGS = [Binding("escape,q,f1,question_mark", "close", "Close", id="help-close")]

    def __init__(self, sections: Sequence[tuple[str, Sequence[tuple[str, str, str]]]]) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        text = Text()
        text.append("transqa review — keys\n\n", style="bold")
        for title, rows in self.sections:
            text.append(f"{title}\n", style="bold underline")
            for keys, description, bid in rows:
                text.append(f"  {keys:<18}", style="bold cyan")
                text.append(f"{description:<26}")
                text.append(f"{bid}\n", style="dim")
            text.append("\n")
        text.append("Remap any key by its id in transqa.toml [ui.keys] or ~/.config/transqa/keys.toml,\n"
                    "e.g.  next-finding = \"j\".  Ctrl+P opens the command palette.", style="dim")
        with VerticalScroll(classes="dialog", id="help-dialog"):
            yield Static(text)

    def action_close(self) -> None:
        self.dismiss(None)
