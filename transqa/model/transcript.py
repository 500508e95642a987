"""The one transcript model every reader produces.

A transcript is a list of segments (turns or paragraphs). Each segment keeps the 1-based line
number of its file, because analysts cite quotes as ``SITE LINE`` (``ULM 92``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Segment:
    """One turn or paragraph.

    ``text`` is what was said, with the speaker label and timestamp taken off the front;
    finding spans are offsets into ``text``. ``raw`` is the whole line as read (NFC), so a
    writer can put the line back exactly.
    """

    line: int
    text: str
    speaker: str | None = None
    timestamp: str | None = None
    seconds: float | None = None
    raw: str = ""


@dataclass(slots=True)
class Transcript:
    """One document in one language."""

    id: str
    segments: list[Segment]
    language: str | None = None
    site: str | None = None
    path: Path | None = None
    # Reader-specific facts a writer needs to round-trip the file (encoding, newline, BOM,
    # docx table column). Never interpreted by checks.
    meta: dict[str, object] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.segments)

    def by_line(self) -> dict[int, Segment]:
        return {s.line: s for s in self.segments}


@dataclass(slots=True)
class TranscriptPair:
    """A source transcript and its translation (``translation`` is None when checked alone).

    ``aligned`` is True when the reader already knows the pairing (a bilingual table), so the
    aligner must not second-guess it.
    """

    id: str
    source: Transcript
    translation: Transcript | None
    site: str | None = None
    source_lang: str | None = None
    target_lang: str = "en"
    aligned: bool = False
    translator: str | None = None
