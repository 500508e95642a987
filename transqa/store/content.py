"""What a sign-off and a dismissal are bound to: hashes of content, never positions.

* **File content** is hashed as the file's exact bytes (SHA-256). A sign-off approves those
  bytes: any change to a file — a word, the encoding, the line endings — makes the sign-off
  stale. A bilingual ``.docx`` is one file serving both sides.
* **content_sha256** of a transcript combines the files' hashes::

      SHA-256("transqa.content/1\\n" + "<role> <sha256>\\n" for each role in
              source, translation, bilingual that the transcript has)

* **A finding's key** (what a dismissal is bound to) is the SHA-256 of the canonical JSON of
  ``{transcript, check, source: [segment texts], translation: [segment texts], evidence}``.
  Line numbers are left out, so inserting a line above does not revive a dismissed finding;
  changing the text it is about does, because the key no longer matches.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from transqa.errors import InputError
from transqa.model import Finding, TranscriptPair
from transqa.store.audit import canonical_json, sha256_text

ROLES = ("source", "translation", "bilingual")


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                h.update(block)
    except FileNotFoundError:
        raise InputError(path, "transcript file not found") from None
    except OSError as e:
        raise InputError(path, f"cannot read: {e.strerror}") from None
    return h.hexdigest()


@dataclass(frozen=True, slots=True)
class Content:
    """The hashes of one transcript's files as they are now."""

    files: dict[str, str]  # role -> sha256
    paths: dict[str, str]  # role -> path relative to the project root (as stored)

    @property
    def sha256(self) -> str:
        body = "transqa.content/1\n" + "".join(f"{r} {self.files[r]}\n" for r in ROLES if r in self.files)
        return sha256_text(body)

    @property
    def source_sha256(self) -> str | None:
        return self.files.get("source") or self.files.get("bilingual")

    @property
    def translation_sha256(self) -> str | None:
        return self.files.get("translation") or self.files.get("bilingual")

    def by_path(self) -> dict[str, str]:
        return {self.paths[r]: self.files[r] for r in self.files}


def relative(root: Path, path: Path) -> str:
    """A path as stored: relative to the project root when inside it (portable across sites)."""
    try:
        return Path(path).resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return Path(path).resolve().as_posix()


def content_of(root: Path, spec) -> Content:
    files: dict[str, str] = {}
    paths: dict[str, str] = {}
    for role in ROLES:
        p = getattr(spec, role, None)
        if p is not None:
            files[role] = file_sha256(Path(p))
            paths[role] = relative(root, Path(p))
    return Content(files, paths)


def finding_key(finding: Finding, pair: TranscriptPair) -> str:
    src = pair.source.by_line()
    tgt = pair.translation.by_line() if pair.translation is not None else {}
    body = {
        "transcript": pair.id,
        "check": finding.check,
        "source": [src[n].text if n in src else "" for n in finding.source_lines],
        "translation": [tgt[n].text if n in tgt else "" for n in finding.translation_lines],
        "evidence": finding.evidence,
    }
    return sha256_text(canonical_json(body))
