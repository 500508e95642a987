"""``transqa review``: open the review app on a project."""

from __future__ import annotations

import argparse
import importlib
import os
from pathlib import Path


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("review", help="review a study in the terminal app",
                       description="Open the review app: study overview, transcripts side by side, "
                                   "findings, dispositions, edits and sign-off.")
    p.add_argument("project", nargs="?", type=Path, default=Path("."), metavar="PROJECT_DIR")
    p.add_argument("--reviewer", metavar="ID", help="who you are (a reviewer id of transqa.toml; default "
                   "$TRANSQA_REVIEWER, then [ui] reviewer); without it the review is read-only")
    p.add_argument("--db", metavar="URL", help="review database (default: [store] database or .transqa/review.db)")
    p.add_argument("--bidi", choices=("auto", "on", "off"), help="reorder right-to-left lines for display "
                   "(off if your terminal does it itself)")
    p.add_argument("--cell-width", choices=("glibc", "rich"), help="how your terminal measures Devanagari "
                   "vowel signs (default glibc)")
    p.add_argument("--redact", action="store_true", default=None, help="mask anonymisation matches on screen")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    # The UI (and Textual) is loaded only for this command, so `transqa check` stays light.
    ui = importlib.import_module("transqa.ui.app")
    reviewer = args.reviewer or os.environ.get("TRANSQA_REVIEWER") or None
    app = ui.create_app(args.project, reviewer=reviewer, database=args.db,
                        bidi_mode=args.bidi, cell_width=args.cell_width, redact=args.redact)
    app.run()
    return 0
