"""``transqa signoff``: record one reviewer's decision on a transcript's current content.

A refusal (unknown reviewer, the translator, the same reviewer twice, open error findings
without ``--override-reason``) prints one line saying why and exits 1.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from transqa.cli.status import add_db_option
from transqa.project.config import load_project
from transqa.store import DECISIONS, Refused, open_store


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("signoff", help="record a reviewer's approval or rejection of a transcript",
                       description="Sign off a transcript's current source and translation. Two different "
                                   "reviewers (neither the translator) must approve for it to be signed off.")
    p.add_argument("project", type=Path, metavar="PROJECT_DIR")
    p.add_argument("transcript", metavar="TRANSCRIPT_ID")
    p.add_argument("--reviewer", required=True, metavar="ID", help="reviewer id from transqa.toml")
    p.add_argument("--decision", choices=DECISIONS, default="approve")
    p.add_argument("--comment", metavar="TEXT", default=None)
    p.add_argument("--override-reason", metavar="TEXT", default=None,
                   help="sign despite open error findings; the reason is recorded")
    add_db_option(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    project = load_project(args.project)
    with open_store(project, args.db) as store:
        try:
            s = store.sign_off(args.transcript, args.reviewer, args.decision, comment=args.comment,
                               override_reason=args.override_reason)
        except Refused as e:
            print(f"transqa: sign-off refused: {e}", file=sys.stderr)
            return 1
        state = store.state(args.transcript)
    verb = "approved" if s.decision == "approve" else "rejected"
    extra = f" (override: {s.override_reason})" if s.override_reason else ""
    print(f"{s.transcript}: {s.reviewer_name} ({s.reviewer}) {verb} content {s.content_sha256[:12]} "
          f"at {s.at}{extra}; state: {state}")
    return 0
