"""Writing a corrected translation segment back into its file, atomically.

Plain text keeps everything but the edited words: encoding (UTF-8, UTF-8 with BOM, UTF-16 with
BOM, cp1252), each line's own line ending, the speaker label and timestamps around the text.
Word files keep the paragraph's other runs (the label, a trailing timestamp) and formatting.

The save is split in two so that a crash never leaves the database and the file disagreeing
(see :meth:`transqa.store.review.ReviewStore.edit_translation`):

1. :func:`stage` writes the new bytes to a temporary file in the same folder and fsyncs it;
2. the edit (with the temporary file's name) is committed to the database;
3. :func:`install` renames the temporary file over the transcript (atomic on POSIX) and fsyncs
   the folder.

If the process dies after 2 and before 3, the next opening of the store finds the pending edit
and completes the rename (the staged file is whole: it was fsynced before the commit).
"""

from __future__ import annotations

import codecs
import fcntl
import io
import os
import re
import shutil
import tempfile
import time
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from transqa.errors import InputError
from transqa.model import Segment

LOCK_TIMEOUT_S = 120.0
_NEWLINE = re.compile(r"\r\n|\r|\n")
_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_TRAILING = re.compile(r"\s*(?:(?:#[\d:.,\-]+#|\[[\d:.,]+\]|\([\d:.,]+\)|\{[\d:.,]+\})\s*)?$")


# -- locks ---------------------------------------------------------------------------------
@contextmanager
def file_lock(lock_dir: Path, name: str, *, wait: bool = True) -> Iterator[bool]:
    """An exclusive advisory lock (flock) on ``lock_dir/name.lock``; yields False if not taken.

    The kernel releases it when the holder dies, so a killed process never leaves it stuck.
    """
    lock_dir.mkdir(parents=True, exist_ok=True)
    fd = os.open(lock_dir / f"{name}.lock", os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + LOCK_TIMEOUT_S
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if not wait:
                    yield False
                    return
                if time.monotonic() > deadline:
                    raise InputError(lock_dir / f"{name}.lock", "another transqa process holds this "
                                     "transcript's lock for too long") from None
                time.sleep(0.01)
        try:
            yield True
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


# -- staging and installing ----------------------------------------------------------------
def stage(target: Path, data: bytes) -> Path:
    """Write ``data`` to a fsynced temporary file beside ``target``; returns its path."""
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=f".transqa-tmp{target.suffix}",
                               dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, target.stat().st_mode & 0o7777)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def install(temp: Path, target: Path) -> None:
    """Rename the staged file over the target and make the rename durable."""
    os.replace(temp, target)
    try:
        dfd = os.open(target.parent, os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)
    except OSError:
        pass


def backup(target: Path, backup_dir: Path) -> Path:
    """Copy the file as it is now to ``backup_dir/<name>.<UTC timestamp>``."""
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S.%fZ")
    dest = backup_dir / f"{target.name}.{stamp}"
    n = 1
    while dest.exists():
        dest = backup_dir / f"{target.name}.{stamp}.{n}"
        n += 1
    shutil.copy2(target, dest)
    return dest


# -- plain text ----------------------------------------------------------------------------
def _physical_lines(text: str) -> list[tuple[str, str]]:
    """(content, line ending) per physical line."""
    out: list[tuple[str, str]] = []
    pos = 0
    for m in _NEWLINE.finditer(text):
        out.append((text[pos:m.start()], m.group()))
        pos = m.end()
    if pos < len(text):
        out.append((text[pos:], ""))
    return out


def splice(raw: str, old_text: str, new_text: str) -> str:
    """``raw`` with the segment text replaced, keeping the label/timestamp before and after it."""
    if old_text:
        i = raw.rfind(old_text)
        while i >= 0:
            if _TRAILING.fullmatch(raw[i + len(old_text):]):
                return raw[:i] + new_text + raw[i + len(old_text):]
            i = raw.rfind(old_text, 0, i + len(old_text) - 1) if i > 0 else -1
        raise ValueError("segment text not found in its line")
    tail = _TRAILING.search(raw)
    cut = tail.start() if tail else len(raw)
    head = raw[:cut]
    sep = " " if head and not head.endswith(" ") and new_text else ""
    return head + sep + new_text + raw[cut:]


def edit_txt(path: Path, data: bytes, segment: Segment, new_text: str, language: str | None = None) -> bytes:
    """The file's bytes with the text of ``segment`` (physical line ``segment.line``) replaced.

    Decoded exactly as the reader decodes it, re-encoded in the same encoding with the same BOM.
    """
    from transqa.readers.text import decode

    text, codec, had_bom = decode(data, path, language)
    bom = next((b for b in _BOMS if data.startswith(b)), b"") if had_bom else b""
    lines = _physical_lines(text)
    n = segment.line
    if not 1 <= n <= len(lines):
        raise InputError(path, f"line {n} is not in the file (it has {len(lines)}); was it changed?", n)
    content, ending = lines[n - 1]
    current = unicodedata.normalize("NFC", content)
    if segment.raw and current != segment.raw:
        raise InputError(path, "the line differs from what was read; reload and edit again", n)
    try:
        new_line = splice(current, segment.text, new_text)
    except ValueError:
        raise InputError(path, "cannot locate the segment text in its line", n) from None
    lines[n - 1] = (new_line, ending)
    out = io.StringIO()
    for c, e in lines:
        out.write(c)
        out.write(e)
    try:
        return bom + out.getvalue().encode(codec)
    except UnicodeEncodeError as e:
        raise InputError(path, f"the new text has {e.object[e.start:e.end]!r}, which the file's "
                         f"encoding ({codec}) cannot hold", n) from None
