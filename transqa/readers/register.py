"""The anonymisation register (``.csv``): original → replacement, with type and variants.

The register holds real identifying data, so every error message names the file and the row
number only — never a cell's content.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from transqa.errors import InputError
from transqa.model.register import REGISTER_TYPES, Register, RegisterEntry
from transqa.text.normalise import nfc

# Spellings of the type column people actually write, mapped to the model's types.
_TYPE_ALIASES = {
    "person": "person", "name": "person", "people": "person", "participant": "person",
    "place": "place", "location": "place", "loc": "place", "city": "place", "village": "place",
    "organisation": "organisation", "organization": "organisation", "org": "organisation",
    "institution": "organisation", "date": "date", "other": "other", "": "other",
}


def _decode(data: bytes, path: Path) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            raise InputError(path, "register is not UTF-8, UTF-16 or cp1252 text") from None


def _dialect(text: str) -> type[csv.Dialect] | csv.Dialect:
    head = text.split("\n", 1)[0]
    if head.count("\t") > head.count(",") and head.count("\t") > head.count(";"):
        return csv.excel_tab
    if head.count(";") > head.count(","):
        class Semi(csv.excel):
            delimiter = ";"
        return Semi
    return csv.excel


def read_register(path: str | Path) -> Register:
    """Read the register; header ``original, replacement`` required, ``type``/``variants`` optional."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError(p, "register file not found") from None
    except OSError as exc:
        raise InputError(p, f"cannot read register ({exc.strerror or 'I/O error'})") from None
    text = _decode(data, p)
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), _dialect(text)))
    except csv.Error:
        raise InputError(p, "register is not a readable CSV file") from None
    # Skip leading blank lines; the first non-blank row is the header.
    start = 0
    while start < len(rows) and not any(c.strip() for c in rows[start]):
        start += 1
    if start == len(rows):
        raise InputError(p, "register is empty (expected a header row 'original, replacement')")
    header = [h.strip().lower().lstrip("\ufeff") for h in rows[start]]
    for required in ("original", "replacement"):
        if required not in header:
            raise InputError(p, f"register header lacks the '{required}' column", line=start + 1)
    col = {name: header.index(name) for name in ("original", "replacement", "type", "variants") if name in header}

    def cell(row: list[str], name: str) -> str:
        i = col.get(name)
        return nfc(row[i].strip()) if i is not None and i < len(row) else ""

    entries: list[RegisterEntry] = []
    for n, row in enumerate(rows[start + 1:], start + 2):
        if not any(c.strip() for c in row):
            continue
        if row[0].lstrip().startswith("#") and not cell(row, "replacement"):
            continue  # a comment row
        original = cell(row, "original")
        replacement = cell(row, "replacement")
        if not original:
            raise InputError(p, "row has no original", line=n)
        if not replacement:
            raise InputError(p, "row has no replacement", line=n)
        raw_type = cell(row, "type").lower()
        etype = _TYPE_ALIASES.get(raw_type)
        if etype is None:
            raise InputError(p, f"row has an unknown type (use one of: {', '.join(REGISTER_TYPES)})", line=n)
        variants = tuple(v.strip() for v in cell(row, "variants").split("|") if v.strip())
        entries.append(RegisterEntry(original, replacement, etype, variants, row=n))
    return Register(entries, p)
