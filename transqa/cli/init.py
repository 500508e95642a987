"""``transqa init``: write a commented ``transqa.toml`` to start a project."""

from __future__ import annotations

import argparse
from importlib.resources import files
from pathlib import Path

from transqa.errors import InputError
from transqa.fsutil import atomic_write_text
from transqa.project.config import PROJECT_FILE


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("init", help="write a commented transqa.toml")
    p.add_argument("project", nargs="?", type=Path, default=Path("."), metavar="PROJECT_DIR")
    p.add_argument("--name", default=None, help="study name (default: the folder name)")
    p.add_argument("--force", action="store_true", help="overwrite an existing transqa.toml")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    folder: Path = args.project
    if folder.exists() and not folder.is_dir():
        raise InputError(folder, "is a file; give a folder")
    target = folder / PROJECT_FILE
    if target.exists() and not args.force:
        raise InputError(target, "already exists (use --force to overwrite)")
    template = files("transqa.project").joinpath("template.toml").read_text(encoding="utf-8")
    name = args.name or folder.resolve().name
    atomic_write_text(target, template.replace("{study_name}", name))
    print(f"wrote {target}")
    return 0
