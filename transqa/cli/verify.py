"""``transqa verify``: re-check the audit chain, every record and sign-off hash, and the files.

Exit 0 when everything holds, 1 when anything was altered (each problem on its own line), 2 on
bad input. The last line names the chain's head hash: keep it somewhere else (a commit, an
e-mail to the PI) to make rewriting the whole chain detectable too.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from transqa.cli.status import add_db_option
from transqa.project.config import load_project
from transqa.errors import InputError
from transqa.store import Refused, open_store


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("verify", help="re-check the audit trail and sign-off hashes",
                       description="Re-hash the audit log chain and every sign-off; report rows edited, "
                                   "deleted or reordered and transcripts changed outside transqa.")
    p.add_argument("project", type=Path, metavar="PROJECT_DIR")
    p.add_argument("--accept", metavar="TRANSCRIPT_ID", default=None,
                   help="first record this transcript's files as they are now (after a legitimate change "
                        "made outside transqa); needs --reviewer and --reason, and is itself audited")
    p.add_argument("--reviewer", metavar="ID", default=None)
    p.add_argument("--reason", metavar="TEXT", default=None)
    add_db_option(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    project = load_project(args.project)
    with open_store(project, args.db) as store:
        if args.accept:
            if not args.reviewer or not args.reason:
                raise InputError(None, "--accept needs --reviewer ID and --reason TEXT")
            try:
                store.accept_content(args.accept, args.reviewer, args.reason)
            except Refused as e:
                print(f"transqa: refused: {e}", file=sys.stderr)
                return 1
            print(f"accepted the current files of {args.accept} (sign-offs on earlier content stay stale)")
        report = store.verify()
    for problem in report.problems:
        print(f"FAIL {problem}")
    summary = (f"{report.entries} audit entries, {report.signoffs} sign-offs, {report.files_checked} files; "
               f"head {report.head}")
    if report.ok:
        print(f"ok: {summary}")
        return 0
    print(f"{len(report.problems)} problem{'s' if len(report.problems) != 1 else ''}: {summary}")
    return 1
