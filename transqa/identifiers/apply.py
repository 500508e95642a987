"""Applying the register: a pseudonymised copy of a transcript and its anonymisation log.

Every register hit (all spellings, inflections, misspellings, other scripts — the same matcher
as ``anonymisation.register-hit``) is replaced by the entry's replacement. An inflected word
keeps its inflection around the replacement (``Amani's`` → ``[P3]'s``, ``ולאמני`` → ``ול[P3]``),
so the sentence still reads.

The log (UKDS / QualiAnon practice) has one row per replaced occurrence: marker, replacement,
line, type, how it was matched, and the original text found. It holds identifying data and must
be stored apart from the pseudonymised files; this module only returns it.
"""

from __future__ import annotations

from dataclasses import dataclass

from transqa.identifiers.register_match import RegisterMatcher, matcher_for
from transqa.model.register import Register
from transqa.model.transcript import Transcript


@dataclass(frozen=True, slots=True)
class LogEntry:
    marker: str  # "A1", "A2", … in order of occurrence
    replacement: str
    line: int
    type: str
    method: str
    original: str  # the text as found in the line (identifying: the log is kept apart)

    def __repr__(self) -> str:  # keep originals out of accidental prints and tracebacks
        return f"LogEntry({self.marker}, line={self.line}, replacement={self.replacement!r})"

    __str__ = __repr__


LOG_HEADER = ("marker", "replacement", "line", "type", "method", "original")


def pseudonymise_text(text: str, matcher: RegisterMatcher) -> tuple[str, list[tuple[int, int, str, str, str, str]]]:
    """(new text, [(start, end, replacement, type, method, original)]) for one line of text."""
    hits = matcher.find(text)
    if not hits:
        return text, []
    out: list[str] = []
    done: list[tuple[int, int, str, str, str, str]] = []
    pos = 0
    for h in sorted(hits, key=lambda h: h.start):
        s, e = h.core if h.core else (h.start, h.end)
        out.append(text[pos:s])
        out.append(h.entry.replacement)
        done.append((s, e, h.entry.replacement, h.entry.type, h.method, text[s:e]))
        pos = e
    out.append(text[pos:])
    return "".join(out), done


def pseudonymise(transcript: Transcript, register: Register) -> tuple[list[tuple[int, str]], list[LogEntry]]:
    """The transcript's lines with every register hit replaced, and the log of replacements.

    Returns ``[(line number, new line)]`` for every segment (the whole line as read, speaker
    label included: a real name used as a speaker label is replaced too) and the log entries.
    """
    matcher = matcher_for(register)
    lines: list[tuple[int, str]] = []
    log: list[LogEntry] = []
    for seg in transcript.segments:
        raw = seg.raw or seg.text
        new, done = pseudonymise_text(raw, matcher)
        lines.append((seg.line, new))
        for _s, _e, repl, etype, method, original in done:
            log.append(LogEntry(f"A{len(log) + 1}", repl, seg.line, etype, method, original))
    return lines, log
