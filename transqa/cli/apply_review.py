"""``transqa apply-review``: bring a reviewer's edits in a returned review .docx back.

The review document comes from ``transqa export --to docx``; a reviewer corrects the English
column in Word and returns it. Each changed row that maps to one translation line becomes an
audited edit of the translation file (atomic, with a backup), so an earlier sign-off turns
stale. Rows that cannot be mapped (a merged row, an English cell filled in for an omitted
turn) are listed for a person to carry over, and the command then exits 1.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from transqa.cli.options import existing_file
from transqa.cli.status import add_db_option
from transqa.exports.review_import import apply_review, review_changes
from transqa.exports.study import gather
from transqa.project.config import load_project
from transqa.store import Refused, open_store


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("apply-review", help="apply the edits of a returned review .docx to the translation",
                       description="Apply the English-column edits of a review document (from "
                                   "'transqa export --to docx') to the transcript's translation file.")
    p.add_argument("project", type=Path, metavar="PROJECT_DIR")
    p.add_argument("transcript", metavar="TRANSCRIPT_ID")
    p.add_argument("document", type=Path, metavar="REVIEW_DOCX")
    p.add_argument("--reviewer", required=True, metavar="ID", help="who made the edits (a reviewer id from transqa.toml)")
    p.add_argument("--dry-run", action="store_true", help="list the changes without applying them")
    add_db_option(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    existing_file(args.document, "review document")
    project = load_project(args.project)
    project.spec(args.transcript)
    [item] = gather(project, only=[args.transcript], database=args.db, workers=1).items
    site = item.site_code
    if args.dry_run:
        edits, skipped = review_changes(item, args.document)
        for ch in edits:
            print(f"{site} {ch.line}: would change to: {ch.after}")
    else:
        with open_store(project, args.db) as store:
            try:
                done, skipped = apply_review(store, item, args.document, args.reviewer)
            except Refused as e:
                print(f"transqa: refused: {e}", file=sys.stderr)
                return 1
        for e in done:
            print(f"{site} {e.line}: edited")
        print(f"{len(done)} edit{'s' if len(done) != 1 else ''} applied to {item.id}; state now: "
              f"{'see transqa status' if done else item.state}")
    for ch in skipped:
        print(f"transqa: row {ch.row} not applied ({ch.reason}): carry it over by hand", file=sys.stderr)
    return 1 if skipped else 0
