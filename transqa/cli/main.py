"""``transqa``: one entry point, one module per subcommand.

Each command module exposes ``add_parser(subparsers)`` which registers its subcommand with
``set_defaults(func=run)``; ``run(args) -> int`` returns the exit code. Bad input raises
:class:`transqa.errors.InputError`, printed here as one line (exit 2), never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from transqa import __version__
from transqa.cli import align as align_cmd
from transqa.cli import anonymise as anonymise_cmd
from transqa.cli import apply_review as apply_review_cmd
from transqa.cli import check as check_cmd
from transqa.cli import export as export_cmd
from transqa.cli import checks as checks_cmd
from transqa.cli import init as init_cmd
from transqa.cli import signoff as signoff_cmd
from transqa.cli import status as status_cmd
from transqa.cli import verify as verify_cmd
from transqa.cli import review as review_cmd
from transqa.errors import InputError

COMMANDS = (check_cmd, align_cmd, review_cmd, status_cmd, signoff_cmd, verify_cmd, export_cmd, apply_review_cmd, anonymise_cmd, checks_cmd, init_cmd)


class _Parser(argparse.ArgumentParser):
    """Usage errors exit 2 with one line (argparse's default prints the whole usage too)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="transqa", description="Translation and transcript QA for multi-site qualitative research.")
    parser.add_argument("--version", action="version", version=f"transqa {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for module in COMMANDS:
        module.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args.func(args))
    except InputError as e:
        print(f"transqa: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("transqa: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except MemoryError:
        print("transqa: out of memory (is the input file unusually large?)", file=sys.stderr)
        return 2


def entry() -> None:  # pragma: no cover - console script
    sys.exit(main())


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
