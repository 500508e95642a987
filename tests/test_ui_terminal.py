"""The app notices when its terminal hangs up, so a closed window leaves no process behind."""

from __future__ import annotations

import os

from transqa.ui.app import terminal_gone


def test_terminal_gone_after_the_other_end_closes():
    master, slave = os.openpty()
    try:
        assert not terminal_gone(slave)
        os.close(master)
        assert terminal_gone(slave)
    finally:
        os.close(slave)


def test_a_plain_file_is_not_a_terminal(tmp_path):
    with open(tmp_path / "f", "w") as fh:
        assert terminal_gone(fh.fileno())
