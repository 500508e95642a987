"""``transqa status``: the sign-off state of every transcript, for a team lead at a glance.

Text is a table (site, transcript, open findings by severity, who approved, state); ``--format
json`` is the ``transqa.status/1`` document of the contract.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from transqa.project.config import load_project
from transqa.store import open_store

STATE_STYLE = {"signed-off": "green", "stale": "yellow", "rejected": "red", "in-review": "cyan", "unchecked": "dim"}


def add_db_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", metavar="URL", default=None,
                   help="review database: postgresql://… or a file path (default: [store] database in "
                        "transqa.toml, else PROJECT_DIR/.transqa/review.db)")


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("status", help="sign-off state of every transcript",
                       description="Show each transcript's review state, open findings and sign-offs.")
    p.add_argument("project", type=Path, metavar="PROJECT_DIR")
    p.add_argument("--format", choices=("text", "json"), default="text")
    add_db_option(p)
    p.set_defaults(func=run)


def status_document(statuses) -> dict:
    return {"schema": "transqa.status/1", "transcripts": [s.to_json() for s in statuses]}


def run(args: argparse.Namespace) -> int:
    project = load_project(args.project)
    with open_store(project, args.db) as store:
        statuses = store.status()
    if args.format == "json":
        print(json.dumps(status_document(statuses), ensure_ascii=False, indent=2))
        return 0
    _print_table(project, statuses)
    return 0


def _print_table(project, statuses) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{project.name}: review status", title_justify="left")
    for name, kw in (("site", {}), ("transcript", {}), ("errors", {"justify": "right"}),
                     ("warnings", {"justify": "right"}), ("infos", {"justify": "right"}),
                     ("approved by", {}), ("state", {})):
        table.add_column(name, **kw)
    for s in statuses:
        f = s.open_findings
        approvers = ", ".join(s.approvers) or "-"
        rejecters = [so.reviewer for so in s.signoffs if so.current and so.decision == "reject"]
        if rejecters:
            approvers += f" (rejected: {', '.join(dict.fromkeys(rejecters))})"
        state = s.state
        table.add_row(s.site or "-", s.id, _count(f["error"], "red"), _count(f["warning"], "yellow"),
                      str(f["info"]), approvers, f"[{STATE_STYLE.get(state, '')}]{state}[/]")
    Console(highlight=False).print(table)
    counts: dict[str, int] = {}
    for s in statuses:
        counts[s.state] = counts.get(s.state, 0) + 1
    print(", ".join(f"{n} {state}" for state, n in counts.items()) or "no transcripts")


def _count(n: int, style: str) -> str:
    return f"[{style}]{n}[/]" if n else "0"
