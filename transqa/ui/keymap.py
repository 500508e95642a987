"""Every key binding of the review app, each with a stable id users can remap.

Remap in the project's ``transqa.toml``::

    [ui.keys]
    next-finding = "j"
    dismiss-finding = "x,delete"

or for yourself in ``~/.config/transqa/keys.toml`` (``$XDG_CONFIG_HOME``), a flat table of the
same form, which wins over the project's. Textual applies the map with ``App.set_keymap``.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

from textual.binding import Binding

from transqa.errors import InputError

# id: (keys, action, description, shown in the footer)
APP: dict[str, tuple[str, str, str, bool]] = {
    "help": ("f1,question_mark", "help", "Help", True),
    "quit": ("ctrl+q", "quit", "Quit", True),
}

OVERVIEW: dict[str, tuple[str, str, str, bool]] = {
    "open-transcript": ("enter", "open_transcript", "Open", True),
    "recheck": ("r", "recheck", "Re-check", True),
    "sign-off": ("s", "sign_off", "Sign off", True),
}

REVIEW: dict[str, tuple[str, str, str, bool]] = {
    "next-finding": ("n", "next_finding", "Next finding", True),
    "previous-finding": ("p", "previous_finding", "Prev finding", True),
    "next-untranslated": ("u", "next_untranslated", "Next untranslated", False),
    "previous-untranslated": ("U", "previous_untranslated", "Prev untranslated", False),
    "next-anonymisation": ("a", "next_anonymisation", "Next anonymisation", False),
    "previous-anonymisation": ("A", "previous_anonymisation", "Prev anonymisation", False),
    "edit-translation": ("e", "edit_translation", "Edit", True),
    "dismiss-finding": ("d", "dismiss_finding", "Dismiss", True),
    "reopen-finding": ("o", "reopen_finding", "Reopen", False),
    "mark-concern": ("c", "mark_concern", "Concern", True),
    "recheck": ("r", "recheck", "Re-check", True),
    "sign-off": ("s", "sign_off", "Sign off", True),
    "filter": ("f", "filter", "Filter", True),
    "show-findings": ("1", "show_panel('findings')", "Findings panel", False),
    "show-glossary": ("2", "show_panel('glossary')", "Glossary panel", False),
    "show-anonymisation": ("3", "show_panel('anonymisation')", "Anonymisation panel", False),
    "toggle-bidi": ("b", "toggle_bidi", "RTL reorder", False),
    "back": ("escape", "back", "Overview", True),
}

SEGMENTS: dict[str, tuple[str, str, str, bool]] = {
    "cursor-down": ("down,j", "cursor_down", "Down", False),
    "cursor-up": ("up,k", "cursor_up", "Up", False),
    "page-down": ("pagedown,space", "page_down", "Page down", False),
    "page-up": ("pageup", "page_up", "Page up", False),
    "first-segment": ("home,g", "first", "First", False),
    "last-segment": ("end,G", "last", "Last", False),
}

ALL = {**APP, **OVERVIEW, **REVIEW, **SEGMENTS}


def bindings(table: dict[str, tuple[str, str, str, bool]], *, priority: bool = False) -> list[Binding]:
    return [Binding(keys, action, description, show=show, id=bid, priority=priority)
            for bid, (keys, action, description, show) in table.items()]


def user_keys_file() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "transqa" / "keys.toml"


def _validate(where: Path | None, table: object) -> dict[str, str]:
    if not isinstance(table, dict):
        raise InputError(where, "[ui.keys] must be a table of binding id = \"keys\"")
    out: dict[str, str] = {}
    for bid, keys in table.items():
        if bid not in ALL:
            known = ", ".join(sorted(ALL))
            raise InputError(where, f"unknown key binding id {bid!r} (known: {known})")
        if isinstance(keys, list):
            keys = ",".join(str(k) for k in keys)
        if not isinstance(keys, str) or not keys.strip():
            raise InputError(where, f"keys for {bid!r} must be a string such as \"ctrl+n\" or \"n,j\"")
        out[bid] = keys.replace(" ", "")
    return out


def load_keymap(project_keys: object = None, project_file: Path | None = None,
                user_file: Path | None = None) -> dict[str, str]:
    """Binding id → keys: the project's ``[ui.keys]``, then the user's keys.toml on top."""
    keymap = _validate(project_file, project_keys) if project_keys else {}
    path = user_keys_file() if user_file is None else user_file
    if path.is_file():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
            raise InputError(path, f"invalid keys file: {e}") from None
        keymap.update(_validate(path, data.get("keys", data)))
    return keymap
