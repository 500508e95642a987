"""Pick the reader for a transcript file, and refuse bad files with one clear line.

Every failure a user can cause (missing file, a folder, an empty, binary, huge, corrupt or
old-format file) becomes :class:`transqa.errors.InputError` naming the file — never a traceback.
"""

from __future__ import annotations

from pathlib import Path

from transqa.errors import InputError
from transqa.model import Transcript, TranscriptPair

MAX_BYTES = 200 * 1024 * 1024  # a focus-group transcript is a few hundred kB; 200 MB is not one

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ".csv", ".tsv", ""})
_SAVE_AS = "save it as .docx or UTF-8 .txt"
_REFUSED_SUFFIXES = {
    ".doc": "old Word .doc format: open it in Word or LibreOffice and save as .docx",
    ".rtf": f"RTF is not supported: {_SAVE_AS}",
    ".odt": f"OpenDocument text is not supported: {_SAVE_AS}",
    ".pdf": f"PDF is not supported: {_SAVE_AS}",
    ".xls": f"spreadsheets are not supported: {_SAVE_AS}",
    ".xlsx": f"spreadsheets are not supported: {_SAVE_AS}",
    ".pages": f"Pages documents are not supported: {_SAVE_AS}",
}
_MAGIC = (  # content that betrays a format whatever the file is called
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Word .doc (or other Office binary) file: save it as .docx"),
    (b"{\\rtf", f"an RTF file: {_SAVE_AS}"),
    (b"%PDF", f"a PDF file: {_SAVE_AS}"),
)
_ZIP = b"PK\x03\x04"


def _checked(path: str | Path) -> Path:
    p = Path(path)
    try:
        if not p.exists():
            raise InputError(p, "file not found")
        if p.is_dir():
            raise InputError(p, "is a folder, not a transcript file")
        size = p.stat().st_size
    except OSError as e:
        raise InputError(p, f"cannot read: {e.strerror or e}") from None
    if size > MAX_BYTES:
        raise InputError(p, f"file too large ({size / 1024 / 1024:.0f} MB; the limit is "
                            f"{MAX_BYTES // 1024 // 1024} MB): is this really a transcript?")
    if size == 0:
        raise InputError(p, "empty file")
    return p


def _read_bytes(p: Path) -> bytes:
    try:
        return p.read_bytes()
    except OSError as e:
        raise InputError(p, f"cannot read: {e.strerror or e}") from None


def _kind(p: Path) -> tuple[str, bytes | None]:
    """'docx', 'eaf' or 'text' (with the bytes already read for text)."""
    suffix = p.suffix.lower()
    if suffix in _REFUSED_SUFFIXES:
        raise InputError(p, _REFUSED_SUFFIXES[suffix])
    if suffix == ".docx":
        return "docx", None
    if suffix == ".eaf":
        return "eaf", None
    data = _read_bytes(p)
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError(p, f"this is {what}")
    if data.startswith(_ZIP):
        if suffix in TEXT_SUFFIXES:
            raise InputError(p, "is a zip/Word file, not plain text; if it is a Word document, name it .docx")
        return "docx", None
    return "text", data


def read_transcript(path: str | Path, *, id: str | None = None, language: str | None = None,
                    site: str | None = None) -> Transcript:
    """One transcript (.txt and other text, .srt/.vtt, .docx, .eaf). ``id`` defaults to the file stem.

    A bilingual review .docx gives its source column; use :func:`read_pair` for both.
    """
    p = _checked(path)
    tid = id or p.stem
    kind, data = _kind(p)
    if kind == "docx":
        from transqa.readers.docx import read_docx

        return read_docx(p, id=tid, language=language, site=site)
    if kind == "eaf":
        from transqa.readers.eaf import read_eaf

        return read_eaf(p, id=tid, language=language, site=site)
    from transqa.readers.text import read_text

    assert data is not None
    return read_text(p, data, id=tid, language=language, site=site)


def is_bilingual_docx(path: str | Path) -> bool:
    """Is this a .docx whose table names a source and a translation column? (False for any other file.)"""
    p = Path(path)
    if p.suffix.lower() != ".docx" or not p.is_file():
        return False
    from transqa.readers.docx import is_bilingual

    try:
        return is_bilingual(p)
    except InputError:
        return False


def read_pair(source: str | Path, translation: str | Path | None = None, *, id: str | None = None,
              source_lang: str | None = None, site: str | None = None,
              translator: str | None = None) -> TranscriptPair:
    """A source and its English translation: two files, or one bilingual .docx (or .eaf with a
    translation tier), which gives an already aligned pair. With only a monolingual ``source``,
    the pair has ``translation=None`` (the transcript is checked alone).
    """
    src = _checked(source)
    pid = id or src.stem
    if translation is None:
        kind, _ = _kind(src)
        if kind == "docx":
            from transqa.readers.docx import read_bilingual

            pair = read_bilingual(src, id=pid, source_lang=source_lang, site=site, translator=translator)
            if pair is not None:
                return pair
        if kind == "eaf":
            from transqa.readers.eaf import read_eaf_pair

            pair = read_eaf_pair(src, id=pid, source_lang=source_lang, site=site, translator=translator)
            if pair is not None:
                return pair
        transcript = read_transcript(src, id=pid, language=source_lang, site=site)
        return TranscriptPair(pid, transcript, None, site=site, source_lang=source_lang,
                              translator=translator)
    src_t = read_transcript(src, id=pid, language=source_lang, site=site)
    trg_t = read_transcript(translation, id=pid, language="en", site=site)
    return TranscriptPair(pid, src_t, trg_t, site=site, source_lang=source_lang or src_t.language,
                          translator=translator)
