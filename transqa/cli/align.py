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
    import shutil

    from rich.console import Console
    from rich.text import Text

    console = Console(highlight=False, soft_wrap=True)
    width = max(shutil.get_terminal_size((120, 24)).columns, 80)
    text_w = (width - 26) // 2
    console.print(Text(f"{'src':>7} {'en':>7} {'bead':>4} {'score':>5}  {'source':<{text_w}} translation", style="bold"))
    for unit in doc.units:
        src = ",".join(map(str, unit.source_lines)) or "–"
        tgt = ",".join(map(str, unit.translation_lines)) or "–"
        row = Text(f"{src:>7} {tgt:>7} {unit.kind:>4} {unit.score:5.2f}  ",
                   style="bold yellow" if unit.kind != "1-1" else ("yellow" if unit.score < 0.5 else ""))
        row.append(_clip(unit.source_text, text_w).ljust(text_w) + " ")
        row.append(_clip(unit.translation_text, text_w))
        console.print(row)
    return 0


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"
