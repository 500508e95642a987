"""``transqa export``: files for analysts, QDA tools, translators and readers of the study.

Formats (``--to``):

========== ============================================ ===================================
format     what                                         written to (default)
========== ============================================ ===================================
docx       bilingual review table per transcript        exports/docx/<ID>.review.docx
analysis   signed-off English transcript, .txt + .docx  exports/analysis/<ID>.en.txt/.docx
qdpx       REFI-QDA project of the signed-off English   exports/<study>.qdpx
html       study report (one self-contained file)       exports/<study>-report.html
csv        study report as a table                      exports/<study>-report.csv
methods    methods paragraph (plain text)               exports/<study>-methods.txt
eaf        ELAN file per transcript (English tier)      exports/eaf/<ID>.eaf
tbx        project glossary, TBX-Basic                  exports/<study>-glossary.tbx
omegat     project glossary, OmegaT tab-separated       exports/<study>-glossary.txt
glossary-csv project glossary, transqa CSV              exports/<study>-glossary.csv
========== ============================================ ===================================

``analysis`` and ``qdpx`` contain only signed-off transcripts: any other transcript (in review,
stale, rejected, unchecked) is refused with one line on stderr naming it and why, and the exit
code is 1 (the signed-off ones are still written). ``--include-unsigned`` exports them too,
marked "NOT SIGNED OFF". Speaker-label problems MAXQDA would trip over are printed as warnings
(they do not change the exit code). Exit 2 on bad input.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from transqa.cli.status import add_db_option
from transqa.errors import InputError
from transqa.project.config import load_project

PER_TRANSCRIPT = {"docx": "docx", "analysis": "analysis", "eaf": "eaf"}
SINGLE = {"qdpx": "{name}.qdpx", "html": "{name}-report.html", "csv": "{name}-report.csv",
          "methods": "{name}-methods.txt", "tbx": "{name}-glossary.tbx", "omegat": "{name}-glossary.txt",
          "glossary-csv": "{name}-glossary.csv"}
FORMATS = (*PER_TRANSCRIPT, *SINGLE)
GLOSSARY_FORMATS = ("tbx", "omegat", "glossary-csv")
SIGNED_ONLY = ("analysis", "qdpx")


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help="write review documents, analysis transcripts, QDPX, reports, glossaries",
                       description="Export a study: bilingual review .docx, signed-off analysis transcripts "
                                   "(MAXQDA/NVivo), REFI-QDA .qdpx, HTML/CSV reports, methods text, ELAN .eaf, "
                                   "glossaries (TBX, OmegaT, CSV).")
    p.add_argument("project", type=Path, metavar="PROJECT_DIR")
    p.add_argument("--to", required=True, choices=FORMATS, metavar="FORMAT",
                   help=f"one of: {', '.join(FORMATS)}")
    p.add_argument("--output", type=Path, default=None, metavar="PATH",
                   help="a folder for per-transcript formats (default PROJECT_DIR/exports/<format>/), "
                        "a file for single-file formats (default PROJECT_DIR/exports/<study>…)")
    p.add_argument("--include-unsigned", action="store_true",
                   help="also export transcripts that are not signed off (marked as such)")
    p.add_argument("--transcript", action="append", default=None, metavar="ID",
                   help="only this transcript (repeatable)")
    p.add_argument("--crlf", action="store_true",
                   help="CRLF line endings in analysis .txt and QDPX sources (MAXQDA offsets assume CRLF)")
    p.add_argument("--glossary", action="append", type=Path, default=None, metavar="FILE",
                   help="for tbx/omegat/glossary-csv: convert these glossary files instead of the project's")
    add_db_option(p)
    p.set_defaults(func=run)


def _single_target(args, project) -> Path:
    from transqa.exports.common import safe_name

    name = SINGLE[args.to].format(name=safe_name(project.name))
    if args.output is None:
        return project.root / "exports" / name
    if args.output.is_dir():
        return args.output / name
    return args.output


def _folder(args, project) -> Path:
    out = args.output if args.output is not None else project.root / "exports" / PER_TRANSCRIPT[args.to]
    if out.exists() and not out.is_dir():
        raise InputError(out, "--output must be a folder for this format")
    return out


def _glossary(args, project) -> list[Path]:
    from transqa.exports import glossary_io
    from transqa.model.glossary import Glossary

    paths = args.glossary or list(project.glossary_paths)
    if not paths:
        raise InputError(project.file, "the project lists no glossaries (study.glossaries) and no --glossary was given")
    glossary = Glossary()
    for p in paths:
        glossary = glossary.merged(glossary_io.read_any(p))
    target = _single_target(args, project)
    if args.to == "tbx":
        glossary_io.write_tbx(glossary.terms, target, title=f"{project.name} glossary")
    elif args.to == "omegat":
        glossary_io.write_omegat(glossary.terms, target)
    else:
        glossary_io.write_csv(glossary.terms, target)
    return [target]


def run(args: argparse.Namespace) -> int:
    project = load_project(args.project)
    if args.to in GLOSSARY_FORMATS:
        for p in _glossary(args, project):
            print(p)
        return 0
    from transqa.exports.study import gather, split_signed

    study = gather(project, only=args.transcript, database=args.db)
    items = study.items
    refused: list[str] = []
    if args.to in SIGNED_ONLY:
        items, refused = split_signed(items, args.include_unsigned)
    newline = "\r\n" if args.crlf else "\n"
    written = _write(args, project, study, items, newline)
    for p in written:
        print(p)
    for line in refused:
        print(f"transqa: {line}", file=sys.stderr)
    if args.to in SIGNED_ONLY and not items:
        print("transqa: nothing exported: no transcript is signed off", file=sys.stderr)
    return 1 if refused else 0


def _write(args, project, study, items, newline: str) -> list[Path]:
    from transqa.exports import analysis, eaf_writer, methods, qdpx, report_csv, report_html, review_docx
    from transqa.fsutil import atomic_write_text

    written: list[Path] = []
    if args.to in PER_TRANSCRIPT:
        folder = _folder(args, project)
        for it in items:
            if args.to == "docx":
                path = folder / f"{it.id}.review.docx"
                review_docx.write(it, study, path)
                written.append(path)
            elif args.to == "eaf":
                path = folder / f"{it.id}.eaf"
                eaf_writer.write(it, path)
                written.append(path)
            else:
                doc = analysis.build(it, study)
                txt, docx_path = folder / f"{it.id}.en.txt", folder / f"{it.id}.en.docx"
                analysis.write_txt(doc, txt, newline=newline)
                analysis.write_docx(doc, docx_path)
                written += [txt, docx_path]
                for issue in doc.lint:
                    print(f"transqa: warning: {it.id}: {issue.message}", file=sys.stderr)
        return written
    target = _single_target(args, project)
    if args.to == "qdpx":
        if not items:
            return []
        qdpx.write(study, items, target, newline=newline)
    elif args.to == "html":
        report_html.write(study, target)
    elif args.to == "csv":
        report_csv.write(study, target)
    elif args.to == "methods":
        atomic_write_text(target, methods.methods_text(study) + "\n")
    return [target]
