"""Options shared by several commands, so they read the same everywhere."""

from __future__ import annotations

import argparse
from pathlib import Path

from transqa.checks.settings import CheckSettings
from transqa.errors import InputError
from transqa.project.config import build_settings


def add_resource_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--glossary", action="append", type=Path, default=[], metavar="FILE",
                   help="glossary .csv/.tsv/.tbx (repeatable; adds to the project's)")
    p.add_argument("--register", type=Path, metavar="FILE",
                   help="anonymisation register .csv (read, never copied into output)")
    p.add_argument("--allow", action="append", type=Path, default=[], metavar="FILE",
                   help="allow-list: one term per line that is never an identifier (repeatable)")
    p.add_argument("--select", action="append", default=[], metavar="ID",
                   help="run only these checks or categories (repeatable)")
    p.add_argument("--ignore", action="append", default=[], metavar="ID",
                   help="skip these checks or categories (repeatable)")
    p.add_argument("--redact", action="store_true",
                   help="mask matched identifiers in the report too")


def settings_from_args(args: argparse.Namespace, project=None) -> CheckSettings:
    if project is not None:
        s = project.settings(extra_glossaries=tuple(args.glossary), register=args.register,
                             extra_allow=tuple(args.allow), redact=args.redact)
    else:
        s = build_settings(glossaries=args.glossary, register=args.register, allow_files=args.allow,
                           redact=args.redact)
    if args.select:
        s.select = tuple(args.select)
    if args.ignore:
        s.ignore = tuple(s.ignore) + tuple(args.ignore)
    return s


def existing_file(path: Path, what: str) -> Path:
    if not path.exists():
        raise InputError(path, f"{what} not found")
    if path.is_dir():
        raise InputError(path, f"{what} is a folder, not a file")
    return path
