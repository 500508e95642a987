"""Subtitle transcripts (.srt, .vtt) as written by Zoom, Whisper tools, noScribe, Subtitle Edit.

One segment per cue. ``line`` is the physical line of the cue's first text line (what an editor
shows), ``timestamp`` the cue's start as written, ``speaker`` a WebVTT voice (``<v Anna>``) or a
label at the start of the cue text (``R1: …``). A cue's text lines are display wraps of one
utterance, so ``text`` joins them with a space; ``raw`` keeps them with ``\\n``.
"""

from __future__ import annotations

import re
from pathlib import Path

from transqa.errors import InputError
from transqa.model import Segment, Transcript
from transqa.readers.lines import accepted_weak_labels, clean, is_blank, parse_line

_TIME = r"(?:(\d{1,3}):)?(\d{2}):(\d{2})[.,](\d{1,3})"
_TIME_PLAIN = r"(?:\d{1,3}:)?\d{2}:\d{2}[.,]\d{1,3}"
CUE_TIMING = re.compile(r"^\s*(?P<start>" + _TIME + r")\s*-->\s*(?P<end>" + _TIME_PLAIN + r")")
_VOICE = re.compile(r"^<v(?:\.[\w.-]+)?\s+([^>]{1,40})>")
_TAGS = re.compile(r"</?(?:[biuc]|v|lang|ruby|rt)(?:[.\s][^>]*)?>|<\d{2}:[\d:.]+>")


def _seconds(m: re.Match[str]) -> float:
    h, mnt, s, frac = m.group(2), m.group(3), m.group(4), m.group(5)
    return round(int(h or 0) * 3600 + int(mnt) * 60 + int(s) + float("0." + frac), 3)


def parse_subtitles(lines: list[str], path: str | Path, *, id: str, language: str | None = None,
                    site: str | None = None) -> tuple[list[Segment], dict[str, object]]:
    """Physical lines (NFC, no newline) of an .srt/.vtt file → one segment per cue."""
    cues: list[tuple[int, str, float, list[str]]] = []  # first text line, start, seconds, text lines
    i = 0
    n = len(lines)
    while i < n:
        m = CUE_TIMING.match(lines[i])
        if not m:
            i += 1
            continue
        start, secs = m.group("start").strip(), _seconds(m)
        i += 1
        text_lines: list[str] = []
        first = i + 1
        while i < n and not is_blank(lines[i]) and not CUE_TIMING.match(lines[i]):
            text_lines.append(lines[i])
            i += 1
        if text_lines:
            cues.append((first, start, secs, text_lines))
    if not cues:
        raise InputError(path, "no subtitle cues (lines like '00:00:01,000 --> 00:00:04,000') found")
    joined = []
    voices = []
    for _, _, _, text_lines in cues:
        raw = "\n".join(text_lines)
        voice = _VOICE.match(raw)
        voices.append(clean(voice.group(1)) if voice else None)
        joined.append(clean(" ".join(_TAGS.sub("", t).strip() for t in text_lines)))
    weak = accepted_weak_labels([j for j, v in zip(joined, voices) if v is None])
    segments: list[Segment] = []
    for (first, start, secs, text_lines), text, voice in zip(cues, joined, voices):
        if is_blank(text):
            continue
        ls = parse_line(text, weak) if voice is None else None
        segments.append(Segment(first, ls.text if ls else text, voice or (ls.speaker if ls else None),
                                start, secs, "\n".join(text_lines)))
    return segments, {"cues": len(cues)}
