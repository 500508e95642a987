"""``transqa anonymise FILE --register REG``: write a pseudonymised copy and a separate log.

The original is never touched: the copy goes to ``--output`` (default ``NAME.pseudonymised.txt``
beside it) and the anonymisation log (marker, replacement, line, type, method, original) to
``--log`` (default ``NAME.anonymisation-log.csv``). The log holds the real identifiers, so the
command tells the user on stderr to store it apart from the data. Both writes are atomic.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from pathlib import Path

from transqa.errors import InputError
from transqa.fsutil import atomic_write_bytes
from transqa.identifiers.apply import LOG_HEADER, pseudonymise
from transqa.readers import read_register, read_transcript


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "anonymise", help="write a pseudonymised copy of a transcript using the register",
        description="Replace every register original (all spellings, inflections, misspellings and "
                    "other scripts) with its replacement in a copy; write the log separately.")
    p.add_argument("file", type=Path, metavar="FILE", help="transcript (.txt, .docx, .eaf)")
    p.add_argument("--register", type=Path, required=True, metavar="REG", help="anonymisation register .csv")
    p.add_argument("--output", type=Path, metavar="OUT", help="pseudonymised copy (default: FILE.pseudonymised.txt)")
    p.add_argument("--log", type=Path, metavar="LOG", help="anonymisation log .csv (default: FILE.anonymisation-log.csv)")
    p.add_argument("--lang", metavar="CODE", help="language of the transcript")
    p.set_defaults(func=run)


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def _text_copy(path: Path, lines: dict[int, str], meta: dict[str, object]) -> bytes:
    """The original file's lines with the segment lines replaced (newlines, BOM, encoding kept)."""
    from transqa.readers.text import decode, split_lines

    data = path.read_bytes()
    text, encoding, bom = decode(data, path, None)
    physical, newline, _mixed = split_lines(text)
    for n, new in lines.items():
        if 1 <= n <= len(physical):
            physical[n - 1] = new
    body = newline.join(physical)
    enc = str(meta.get("encoding") or encoding or "utf-8")
    raw = body.encode(enc)
    if bom and enc.lower().replace("-", "") == "utf8":
        raw = b"\xef\xbb\xbf" + raw
    elif bom and enc.lower().startswith("utf-16"):
        raw = body.encode("utf-16")
    return raw


def run(args: argparse.Namespace) -> int:
    src: Path = args.file
    if not src.is_file():
        raise InputError(src, "transcript file not found")
    register = read_register(args.register)
    if not len(register):
        raise InputError(args.register, "register has no entries")
    transcript = read_transcript(src, language=args.lang)
    out: Path = args.output or src.with_name(f"{src.stem}.pseudonymised.txt")
    log_path: Path = args.log or src.with_name(f"{src.stem}.anonymisation-log.csv")
    for path, what in ((out, "output"), (log_path, "log")):
        if _same(path, src) or _same(path, args.register):
            raise InputError(path, f"the {what} would overwrite an input file; choose another path")
    if _same(out, log_path):
        raise InputError(out, "output and log must be different files")

    lines, log = pseudonymise(transcript, register)
    if transcript.meta.get("format") == "text" and out.suffix.lower() not in (".docx", ".eaf"):
        data = _text_copy(src, dict(lines), transcript.meta)
    else:
        data = ("\n".join(text for _, text in lines) + "\n").encode("utf-8")
    atomic_write_bytes(out, data)

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(LOG_HEADER)
    for e in log:
        w.writerow((e.marker, e.replacement, e.line, e.type, e.method, e.original))
    atomic_write_bytes(log_path, buf.getvalue().encode("utf-8"))

    print(f"transqa: {len(log)} replacement(s) in {len({e.line for e in log})} line(s); "
          f"pseudonymised copy: {out}", file=sys.stderr)
    print(f"transqa: the anonymisation log {log_path} contains the real identifiers: "
          f"store it apart from the data (not in the shared folder).", file=sys.stderr)
    return 0
