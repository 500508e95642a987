"""Generate ``docs/checks.md`` from the check registry and ``docs/cli.md`` from the CLI's own
parser: the references never drift from the code.

Run ``python -m transqa.docs`` (or ``make docs``); a test fails when either file is out of date.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from transqa.checks import REGISTRY
from transqa.checks.registry import CATEGORIES, Registry

DEFAULT_SILENCE = (
    "Dismiss the finding in `transqa review` with a reason (the dismissal is bound to the text, so it "
    "lapses if the segment changes), or skip the check for a project with `ignore = [\"{id}\"]` under "
    "`[checks]` in `transqa.toml`, or for one run with `--ignore {id}`."
)

SCOPE_TEXT = {
    "segment": "each segment on its own (also in `check --transcript` mode)",
    "unit": "each aligned source/translation unit",
    "document": "each transcript as a whole",
    "project": "all transcripts of the project together",
}


def render(registry: Registry = REGISTRY) -> str:
    out = [
        "# Checks reference",
        "",
        "Generated from the check registry by `python -m transqa.docs`; do not edit by hand.",
        "List them with `transqa checks`. Severities are defaults; `--fail-on` decides which fail a run.",
        "",
    ]
    for cat in CATEGORIES:
        infos = [c for c in registry if c.category == cat]
        if not infos:
            continue
        out += [f"## {cat}", ""]
        out += [f"| check | severity | looks at |", "|---|---|---|"]
        out += [f"| [`{c.id}`](#{c.id.replace('.', '')}) | {c.severity} | {SCOPE_TEXT[c.scope.value]} |" for c in infos]
        out.append("")
        for c in infos:
            out += [f"### `{c.id}`", "", f"**{c.description}**", ""]
            if c.doc:
                out += [c.doc, ""]
            if c.example:
                out += ["Example:", "", *[f"    {ln}" for ln in c.example.strip().splitlines()], ""]
            out += [f"*Default severity:* {c.severity}. *Looks at:* {SCOPE_TEXT[c.scope.value]}.", ""]
            out += ["*A false alarm?* " + (c.silence or DEFAULT_SILENCE.format(id=c.id)), ""]
    return "\n".join(out).rstrip() + "\n"


# What ../shared/contract.md fixes, per command: outside tools rely on these. Anything else the
# parser offers is an extension, listed as such so script writers know what may still change.
CONTRACT = {
    "check": {"--source", "--translation", "--source-lang", "--transcript", "--lang", "--glossary", "--register",
              "--allow", "--format", "--output", "--fail-on"},
    "align": {"--source", "--translation", "--source-lang", "--format"},
    "review": set(),
    "status": {"--format"},
    "signoff": {"--reviewer", "--decision", "--comment", "--override-reason"},
    "verify": set(),
    "export": {"--to", "--output", "--include-unsigned"},
}
HELP_WIDTH = "100"


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def _options(parser: argparse.ArgumentParser) -> list[str]:
    return [a.option_strings[-1] for a in parser._actions
            if a.option_strings and not isinstance(a, argparse._HelpAction)]


def render_cli() -> str:
    """The CLI reference: every command's ``--help``, and which parts go beyond the contract."""
    from transqa.cli.main import build_parser

    old = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = HELP_WIDTH  # argparse wraps to the terminal: fix it for a stable file
    try:
        commands = _subcommands(build_parser())
        helps = {name: p.format_help() for name, p in commands.items()}
    finally:
        if old is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = old
    out = [
        "# Command-line reference",
        "",
        "Generated from the parser by `python -m transqa.docs`; do not edit by hand. Exit codes: 0 = ran and",
        "nothing at or above `--fail-on`; 1 = findings at or above it (or a failed verification); 2 = bad",
        "input or usage, with a one-line message naming the file.",
        "",
        "| command | in the contract | options beyond the contract |",
        "|---|---|---|",
    ]
    for name, p in commands.items():
        fixed = CONTRACT.get(name)
        extra = [o for o in _options(p) if fixed is None or o not in fixed]
        out.append(f"| [`{name}`](#transqa-{name}) | {'yes' if fixed is not None else 'no (extension)'} | "
                   f"{', '.join(f'`{o}`' for o in extra) or '–'} |")
    out += ["", "The contract (`../shared/contract.md`) fixes what outside tools rely on; extensions may still change.", ""]
    for name, text in helps.items():
        out += [f"## transqa {name}", "", "```", text.rstrip(), "```", ""]
    return "\n".join(out).rstrip() + "\n"


def main(argv: list[str] | None = None) -> int:
    docs = Path(argv[0]) if argv else Path(__file__).resolve().parents[1] / "docs"
    (docs / "checks.md").write_text(render(), encoding="utf-8")
    (docs / "cli.md").write_text(render_cli(), encoding="utf-8")
    print(f"wrote {docs / 'checks.md'} ({len(REGISTRY)} checks) and {docs / 'cli.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
