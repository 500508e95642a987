"""Plain-text transcripts: one segment per non-empty physical line.

Encodings: UTF-8, UTF-8/UTF-16/UTF-32 with a BOM, and Windows-1252 (Western European) when the
bytes are not UTF-8. Windows-1252 decodes *any* byte string, so it is accepted only when the
text plausibly is Western European (accented letters mostly single, between ASCII letters) and
the transcript's language is written in Latin script; a Hebrew or Marathi file in a legacy
code page is refused with "save as UTF-8" rather than read as mojibake.

Line breaks ``\\r\\n``, ``\\r`` and ``\\n`` each end a physical line; other Unicode separators
(U+2028, form feed) stay inside a line, so line numbers match what editors show.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from pathlib import Path

from transqa.errors import InputError
from transqa.model import Transcript
from transqa.readers.lines import build_segments
from transqa.text.scripts import LATIN, script_for_language

_BOMS = (  # longest first: the UTF-32 LE BOM starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_NEWLINE = re.compile(r"\r\n|\r|\n")
_NEWLINE_BYTES = re.compile(rb"\r\n|\r|\n")
# C0 controls that never occur in a text transcript (tab, LF, VT, FF, CR are fine).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")
_HIGH_RUN = re.compile(rb"[\x80-\xff]+")


def _line_of_byte(data: bytes, offset: int) -> int:
    return len(_NEWLINE_BYTES.findall(data, 0, offset)) + 1


def _line_of_char(text: str, offset: int) -> int:
    return len(_NEWLINE.findall(text, 0, offset)) + 1


def _looks_western(data: bytes) -> bool:
    """Do the non-ASCII bytes look like Windows-1252 text rather than another 8-bit code page?

    In German, Swahili or Luganda text the non-ASCII letters stand alone inside ASCII words
    (Müller, Grüße); in Hebrew (cp1255), Cyrillic or Greek code pages whole words are high
    bytes. Refuse runs of 4+ high bytes, and documents where most high bytes have a high neighbour.
    """
    runs = [len(m.group()) for m in _HIGH_RUN.finditer(data)]
    if not runs:
        return True
    if max(runs) >= 4:
        return False
    total = sum(runs)
    clustered = sum(n for n in runs if n > 1)
    return total < 20 or clustered / total <= 0.5


def decode(data: bytes, path: str | Path, language: str | None = None) -> tuple[str, str, bool]:
    """Bytes → (text, encoding, had_bom). Raises InputError naming the file and line."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            body = data[len(bom):]
            try:
                return body.decode(encoding), encoding, True
            except UnicodeDecodeError as e:
                prefix = body[: e.start].decode(encoding, errors="replace")
                raise InputError(path, f"invalid {encoding.upper()} text (byte {e.start + len(bom)})",
                                 line=_line_of_char(prefix, len(prefix))) from None
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InputError(path, "binary file, not text (contains NUL bytes; UTF-16 text needs a BOM)",
                         line=_line_of_byte(data, nul))
    try:
        return data.decode("utf-8"), "utf-8", False
    except UnicodeDecodeError as e:
        bad_line = _line_of_byte(data, e.start)
        first_bad = e.start
    if script_for_language(language) != LATIN:
        raise InputError(path, f"not UTF-8 (byte 0x{data[first_bad]:02X}); a '{language}' transcript "
                         "must be saved as UTF-8", line=bad_line)
    if not _looks_western(data):
        raise InputError(path, f"not UTF-8 and not Western European (Windows-1252) text "
                         f"(byte 0x{data[first_bad]:02X}); save it as UTF-8", line=bad_line)
    try:
        return data.decode("cp1252"), "cp1252", False
    except UnicodeDecodeError as e:
        raise InputError(path, f"undecodable byte 0x{data[e.start]:02X}: neither UTF-8 nor Windows-1252; "
                         "save it as UTF-8", line=_line_of_byte(data, e.start)) from None


def split_lines(text: str) -> tuple[list[str], str, bool]:
    """Physical lines, the dominant newline, and whether newline styles are mixed."""
    if "\r" not in text:
        return text.split("\n"), "\n", False
    if "\n" not in text:
        return text.split("\r"), "\r", False
    crlf = text.count("\r\n")
    lone_cr = text.count("\r") - crlf
    lone_lf = text.count("\n") - crlf
    if not lone_cr and not lone_lf:
        return text.split("\r\n"), "\r\n", False
    counts = {"\r\n": crlf, "\r": lone_cr, "\n": lone_lf}
    return _NEWLINE.split(text), max(counts, key=lambda k: counts[k]), True


def parse_text(text: str, path: str | Path, *, id: str, language: str | None = None,
               site: str | None = None, encoding: str = "utf-8", bom: bool = False,
               subtitles: bool = False) -> Transcript:
    """Decoded text → Transcript (shared by :func:`read_text` and tests)."""
    if text.endswith("\x1a"):  # DOS end-of-file mark
        text = text[:-1]
    bad = _CONTROL.search(text)
    if bad:
        raise InputError(path, f"binary file or control character U+{ord(bad.group()):04X}, not text",
                         line=_line_of_char(text, bad.start()))
    lines, newline, mixed = split_lines(text)
    final_newline = len(lines) > 1 and lines[-1] == ""
    physical = lines[:-1] if final_newline else lines
    nfc_changed = False
    if not unicodedata.is_normalized("NFC", text):  # per line: most lines are NFC already
        for i, line in enumerate(physical):
            if not unicodedata.is_normalized("NFC", line):
                physical[i] = unicodedata.normalize("NFC", line)
                nfc_changed = True
    fmt, extra = "text", {}
    if subtitles or (physical and physical[0].lstrip("\ufeff").startswith("WEBVTT")):
        from transqa.readers.subtitles import parse_subtitles

        segments, extra = parse_subtitles(physical, path, id=id, language=language, site=site)
        fmt, end_stamps = "subtitles", {}
    else:
        segments, end_stamps = build_segments(list(enumerate(physical, 1)))
    if not segments:
        raise InputError(path, "empty transcript (only whitespace)")
    meta: dict[str, object] = {
        "format": fmt, "encoding": encoding, "bom": bom, "newline": newline,
        "mixed_newlines": mixed, "final_newline": final_newline, "nfc_changed": nfc_changed,
        "physical_lines": len(physical),
    }
    meta.update(extra)
    if mixed:  # a writer needs every line's own ending to put the file back byte for byte
        meta["newlines"] = _NEWLINE.findall(text)
    if end_stamps:
        meta["end_timestamps"] = end_stamps
    return Transcript(id=id, segments=segments, language=language, site=site,
                      path=Path(path), meta=meta)


def read_text(path: str | Path, data: bytes, *, id: str, language: str | None = None,
              site: str | None = None) -> Transcript:
    """A plain-text transcript from its bytes (the caller has read and size-checked the file)."""
    if not data.strip():
        raise InputError(path, "empty file")
    text, encoding, bom = decode(data, path, language)
    return parse_text(text, path, id=id, language=language, site=site, encoding=encoding, bom=bom,
                      subtitles=Path(path).suffix.lower() in (".srt", ".vtt"))
