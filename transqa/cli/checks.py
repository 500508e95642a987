"""``transqa checks``: list the registered checks (id, severity, scope, description)."""

from __future__ import annotations

import argparse
import json
import sys

from transqa.checks import REGISTRY


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("checks", help="list the available checks")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    rows = [{"id": c.id, "severity": str(c.severity), "scope": c.scope.value,
             "needs_translation": c.needs_translation, "description": c.description} for c in REGISTRY]
    if args.format == "json":
        sys.stdout.write(json.dumps({"schema": "transqa.checks/1", "checks": rows}, indent=2) + "\n")
        return 0
    width = max((len(r["id"]) for r in rows), default=10)
    for r in rows:
        sys.stdout.write(f"{r['id']:<{width}}  {r['severity']:<7}  {r['description']}\n")
    return 0
