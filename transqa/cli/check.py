"""``transqa check``: run the checks on a project, a file pair, or one transcript."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from transqa.cli.options import add_resource_options, existing_file, settings_from_args
from transqa.cli.progress import progress_bar
from transqa.cli.textreport import render_text
from transqa.errors import InputError
from transqa.fsutil import atomic_write_text
from transqa.model import Severity
from transqa.project.config import load_project
from transqa.project.run import CheckResult, batch_gc, check_files, check_project, check_single
from transqa.report.findings_html import findings_html
from transqa.report.findings_json import findings_document

FAIL_ON = {"error": Severity.ERROR, "warning": Severity.WARNING, "info": Severity.INFO, "never": None}


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("check", help="check translations, anonymisation and format",
                       description="Run the registered checks. Give a project folder, or "
                                   "--source/--translation, or --transcript.")
    p.add_argument("project", nargs="?", type=Path, metavar="PROJECT_DIR")
    p.add_argument("--source", type=Path, metavar="FILE", help="source-language transcript (or a bilingual .docx)")
    p.add_argument("--translation", type=Path, metavar="FILE", help="its English translation")
    p.add_argument("--source-lang", metavar="CODE", help="language of the source (de, he, lg, sw, mr, hi)")
    p.add_argument("--transcript", type=Path, metavar="FILE", help="check one document alone")
    p.add_argument("--lang", metavar="CODE", help="language of --transcript (enables the language check)")
    p.add_argument("--only", action="append", default=[], metavar="ID", help="in a project, only these transcript ids")
    add_resource_options(p)
    p.add_argument("--format", choices=("text", "json", "html"), default="text")
    p.add_argument("--output", type=Path, metavar="FILE", help="write the report here (default: stdout)")
    p.add_argument("--fail-on", choices=tuple(FAIL_ON), default="error",
                   help="exit 1 when a finding at or above this severity exists (default: error)")
    p.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    p.set_defaults(func=run)


def _run_checks(args: argparse.Namespace) -> CheckResult:
    modes = [args.project is not None, args.source is not None or args.translation is not None,
             args.transcript is not None]
    if sum(modes) != 1:
        raise InputError(None, "give exactly one of: PROJECT_DIR, --source FILE --translation FILE, --transcript FILE")
    if args.project is not None:
        project = load_project(args.project)
        settings = settings_from_args(args, project)
        with progress_bar(len(args.only or project.transcripts)) as tick:
            return check_project(project, settings, only=args.only or None, progress=tick)
    settings = settings_from_args(args)
    if args.transcript is not None:
        return check_single(existing_file(args.transcript, "transcript"), settings, lang=args.lang)
    if args.source is None:
        raise InputError(None, "--translation needs --source")
    existing_file(args.source, "source")
    if args.translation is not None:
        existing_file(args.translation, "translation")
    return check_files(args.source, args.translation, settings, source_lang=args.source_lang)


def run(args: argparse.Namespace) -> int:
    with batch_gc():  # checking and building the report allocate millions of small objects
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    result = _run_checks(args)
    if args.format == "json":
        # Indented for a person at a terminal; compact (4x faster, 40% smaller) for files and pipes.
        pretty = args.output is None and sys.stdout.isatty()
        text = json.dumps(findings_document(result), ensure_ascii=False, indent=2 if pretty else None) + "\n"
    elif args.format == "html":
        text = findings_html(result)
    else:
        color = args.color == "always" or (args.color == "auto" and args.output is None and sys.stdout.isatty())
        text = render_text(result, color=color, redact=bool(args.redact))
    if args.output is not None:
        atomic_write_text(args.output, text)
    else:
        sys.stdout.write(text)
        sys.stdout.flush()
    threshold = FAIL_ON[args.fail_on]
    worst = result.worst()
    return 1 if threshold is not None and worst is not None and worst >= threshold else 0
