"""Subtitle transcripts: .srt and .vtt (transqa.readers.subtitles)."""

from __future__ import annotations

import pytest

from transqa.errors import InputError
from transqa.readers.dispatch import read_transcript

SRT = """1
00:00:01,000 --> 00:00:04,200
R1: Ich finde
das gut.

2
00:00:05,500 --> 00:00:07,000
Moderator: Danke.

3
01:02:03,450 --> 01:02:05,000
Ohne Sprecher.
"""

VTT = """WEBVTT

NOTE recorded in Ulm

00:01.000 --> 00:04.000
<v Anna>Hallo <b>zusammen</b></v>

intro
00:00:05.000 --> 00:00:06.000 align:start
M: Willkommen
"""


def test_srt_cues(tmp_path):
    p = tmp_path / "fg.srt"
    p.write_bytes(SRT.replace("\n", "\r\n").encode("utf-8-sig"))
    t = read_transcript(p)
    assert [(s.line, s.speaker, s.text, s.timestamp, s.seconds) for s in t.segments] == [
        (3, "R1", "Ich finde das gut.", "00:00:01,000", 1.0),
        (8, "Moderator", "Danke.", "00:00:05,500", 5.5),
        (12, None, "Ohne Sprecher.", "01:02:03,450", 3723.45)]
    assert t.segments[0].raw == "R1: Ich finde\ndas gut."
    assert t.meta["format"] == "subtitles" and t.meta["newline"] == "\r\n"


def test_vtt_voices_tags_and_sniffing(tmp_path):
    for name in ("fg.vtt", "fg.txt"):  # a .txt that starts with WEBVTT is a subtitle file too
        p = tmp_path / name
        p.write_text(VTT, encoding="utf-8")
        t = read_transcript(p)
        assert [(s.line, s.speaker, s.text, s.seconds) for s in t.segments] == [
            (6, "Anna", "Hallo zusammen", 1.0), (10, "M", "Willkommen", 5.0)]


def test_subtitles_without_cues(tmp_path):
    p = tmp_path / "x.srt"
    p.write_text("just text\n", encoding="utf-8")
    with pytest.raises(InputError, match="no subtitle cues") as e:
        read_transcript(p)
    assert "x.srt" in str(e.value)
