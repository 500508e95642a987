"""``transqa align``: show how source and translation segments pair up."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from transqa.cli.options import existing_file
from transqa.checks.settings import CheckSettings
from transqa.project.run import build_document
from transqa.readers import read_pair
from transqa.report.alignment_json import alignment_document


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("align", help="align a source transcript with its translation",
                       description="Pair every segment of both files exactly once, in order.")
    p.add_argument("--source", type=Path, required=True, metavar="FILE")
    p.add_argument("--translation", type=Path, metavar="FILE")
    p.add_argument("--source-lang", metavar="CODE")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    existing_file(args.source, "source")
    if args.translation is not None:
        existing_file(args.translation, "translation")
    pair = read_pair(args.source, args.translation, source_lang=args.source_lang)
    doc = build_document(pair, CheckSettings())
    data = alignment_document(pair, doc.beads)
    if args.format == "json":
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return 0
    from rich.console import Console
    from rich.table import Table

    table = Table(box=None, show_header=True, header_style="bold", pad_edge=False)
    for col in ("source", "translation", "bead", "score", "source text", "translation text"):
        table.add_column(col, overflow="ellipsis", no_wrap=True, max_width=40 if "text" in col else None)
    for unit in doc.units:
        flag = "" if unit.kind == "1-1" else "bold yellow"
        table.add_row(",".join(map(str, unit.source_lines)) or "–", ",".join(map(str, unit.translation_lines)) or "–",
                      unit.kind, f"{unit.score:.2f}", unit.source_text, unit.translation_text, style=flag)
    Console(highlight=False).print(table)
    return 0
