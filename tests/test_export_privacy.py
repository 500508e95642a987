"""No export carries the anonymisation register: a register spelling may appear in an export only
where it is part of an exported transcript's own text (a leak the checks report, not a copy)."""

from __future__ import annotations

import argparse
import re
import zipfile
from pathlib import Path

import pytest
from test_export_study import gathered, signed_study

from transqa.cli import export as export_cmd
from transqa.readers import read_register

FORMATS = ["docx", "analysis", "qdpx", "eaf", "html", "csv", "methods", "tbx", "omegat", "glossary-csv"]


def _texts(path: Path) -> str:
    """All text in a written file (XML parts of zips included)."""
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as z:
            return "\n".join(z.read(n).decode("utf-8", "replace") for n in z.namelist()
                             if n.endswith((".xml", ".qde", ".txt", ".rels")))
    return path.read_text(encoding="utf-8")


def _transcript_text() -> str:
    out = []
    for it in gathered().items:
        for seg in (*it.pair.source.segments, *it.translation_segments()):
            out.append(seg.raw or seg.text)
    return "\n".join(out).casefold()


@pytest.mark.parametrize("fmt", FORMATS)
def test_register_spellings_only_where_the_transcripts_have_them(tmp_path, fmt):
    out = tmp_path / "out"
    out.mkdir()
    # the CLI's writer on the already gathered study (the CLI itself is tested elsewhere)
    args = argparse.Namespace(to=fmt, output=out, glossary=None)
    study = gathered()
    if fmt in export_cmd.GLOSSARY_FORMATS:
        export_cmd._glossary(args, study.project)
    else:
        export_cmd._write(args, study.project, study, study.items, "\n")
    files = [p for p in out.rglob("*") if p.is_file()]
    assert files and not any(p.name.startswith(".") for p in files)  # no temporary files left behind
    register = read_register(signed_study() / "register.csv")
    raw_rows = (signed_study() / "register.csv").read_text(encoding="utf-8").splitlines()[1:]
    own = _transcript_text()
    hits = 0
    for p in files:
        text = _texts(p)
        assert not any(row in text for row in raw_rows)  # never a copy of the register file
        folded = text.casefold()
        for e in register.entries:
            for s in e.spellings:
                needle = s.casefold()
                if needle not in folded:  # cheap test first; the word-boundary regex only on a hit
                    continue
                pattern = rf"(?<!\w){re.escape(needle)}(?!\w)"
                if re.search(pattern, folded):
                    hits += 1
                    assert re.search(pattern, own), f"{p.name}: register row {e.row} not from a transcript"
    if fmt == "docx":  # the review table shows the planted leaks of the transcripts themselves
        assert hits
