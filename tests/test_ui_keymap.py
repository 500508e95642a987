"""Bindings: every one has an id, ids are unique per screen, no key does two things on one
screen, and the keymap loader refuses what it cannot apply."""

from __future__ import annotations

from pathlib import Path

import pytest

from transqa.errors import InputError
from transqa.ui import keymap


def _keys(table) -> list[str]:
    return [k for keys, *_ in table.values() for k in keys.split(",")]


@pytest.mark.parametrize("tables", [(keymap.APP, keymap.OVERVIEW), (keymap.APP, keymap.REVIEW, keymap.SEGMENTS)])
def test_no_key_does_two_things_on_one_screen(tables):
    keys = [k for t in tables for k in _keys(t)]
    assert len(keys) == len(set(keys)), sorted(k for k in keys if keys.count(k) > 1)


def test_every_binding_has_an_id_and_a_description():
    for table in (keymap.APP, keymap.OVERVIEW, keymap.REVIEW, keymap.SEGMENTS):
        for b in keymap.bindings(table):
            assert b.id and b.description and b.action


def test_issue_actions_all_have_bindings():
    actions = {a for _k, a, _d, _s in keymap.ALL.values()}
    for wanted in ("next_finding", "previous_finding", "next_untranslated", "previous_untranslated",
                   "next_anonymisation", "previous_anonymisation", "edit_translation", "dismiss_finding",
                   "mark_concern", "recheck", "sign_off", "help"):
        assert wanted in actions


def test_project_keys_then_user_keys(tmp_path: Path):
    user = tmp_path / "keys.toml"
    user.write_text('dismiss-finding = ["x", "delete"]\n', encoding="utf-8")
    got = keymap.load_keymap({"next-finding": "j", "dismiss-finding": "z"}, tmp_path / "transqa.toml", user)
    assert got == {"next-finding": "j", "dismiss-finding": "x,delete"}


def test_missing_user_file_is_fine(tmp_path: Path):
    assert keymap.load_keymap(None, None, tmp_path / "nope.toml") == {}


@pytest.mark.parametrize("table,match", [({"next-findng": "j"}, "unknown key binding id"),
                                         ({"next-finding": ""}, "must be a string"),
                                         ({"next-finding": 3}, "must be a string")])
def test_bad_keymaps_are_refused_with_a_clear_message(tmp_path: Path, table, match):
    with pytest.raises(InputError, match=match):
        keymap.load_keymap(table, tmp_path / "transqa.toml", tmp_path / "nope.toml")


def test_broken_user_file_is_reported(tmp_path: Path):
    user = tmp_path / "keys.toml"
    user.write_text("next-finding = \n", encoding="utf-8")
    with pytest.raises(InputError, match="invalid keys file"):
        keymap.load_keymap(None, None, user)
