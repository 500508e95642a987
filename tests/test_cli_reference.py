"""docs/cli.md is generated from the parser, and the parser offers everything the contract fixes."""

from __future__ import annotations

from pathlib import Path

from transqa.cli.main import build_parser
from transqa.docs import CONTRACT, _options, _subcommands, render_cli

ROOT = Path(__file__).resolve().parents[1]


def test_cli_reference_is_generated_from_the_parser():
    current = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert current == render_cli(), "docs/cli.md is stale: run `python -m transqa.docs`"


def test_every_contract_command_and_option_is_offered():
    commands = _subcommands(build_parser())
    for name, options in CONTRACT.items():
        assert name in commands, name
        offered = {s for a in commands[name]._actions for s in a.option_strings}
        assert options <= offered, (name, options - offered)


def test_reference_marks_extensions():
    text = render_cli()
    commands = _subcommands(build_parser())
    for name in commands:
        assert f"## transqa {name}" in text
    row = next(line for line in text.splitlines() if line.startswith("| [`check`]"))
    assert "`--redact`" in row and "`--register`" not in row  # an extension listed, a contract option not
    assert any(line.startswith("| [`anonymise`]") and "extension" in line for line in text.splitlines())
    assert _options(commands["anonymise"])  # its options are listed too
