"""How a transcript line starts: an optional timestamp and/or speaker label, then the text.

Shared by the plain-text and Word readers. A speaker label is the short thing before the first
colon (``R1:``, ``Moderator:``, ``מנחה:``, ``[P3]:``). Ordinary sentences have colons too
("He added: …", "Watch: …", "Soma zaidi: …"), so a label must look like one:

* **strong** labels are recognised on their own line: codes (``R1``, ``P03``, ``M``, ``I``,
  ``B2``, ``SPEAKER_01``), known role abbreviations (``MOD``, ``INT``), role words in the
  study's languages optionally followed by a number or name (``Moderator``, ``Participant 3``,
  ``Teilnehmerin 2``, ``מנחה``, ``सूत्रसंचालक``), anything in brackets (``[P3]``);
* **weak** labels are name-shaped (1–3 capitalised words, or words of a caseless script) and
  count only when the document is visibly a labelled transcript: the same label starts two or
  more lines and at least a quarter of the lines carry a label (see :func:`parse_lines`).

Timestamps: ``[00:01:23]``, ``[01:23]``, ``[00:01:23.5]``, ``[00.01.23]`` (QualCoder),
``#00:01:23-4#`` (f4/MAXQDA; also at the end of the line), ``#00:01:23.450#``, ``(00:01:23)``,
``{00:01:23}`` and a bare ``00:01:23.5``; kept as written plus parsed seconds.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal, NamedTuple

from transqa.model import Segment

MAX_LABEL = 40  # characters before the colon (MAXQDA allows 63; real labels are far shorter)
MAX_LABEL_WORDS = 3
WEAK_MIN_REPEATS = 2  # a name-shaped label must start at least this many lines …
WEAK_MIN_SHARE = 0.25  # … in a document where at least this share of lines is labelled

# --- timestamps ---------------------------------------------------------------------------
_FRAC = r"(?:[.,](?P<{0}f>\d{{1,3}}))?"
_HMS_COLON = r"(?:(?P<{0}h>\d{{1,2}}):)?(?P<{0}m>\d{{1,2}}):(?P<{0}s>\d{{2}})"
_HMS_ANY = r"(?:(?P<{0}h>\d{{1,2}})[:.])?(?P<{0}m>\d{{1,2}})[:.](?P<{0}s>\d{{2}})"


def _ts_alternatives() -> str:
    b = r"\[" + _HMS_ANY.format("b") + _FRAC.format("b") + r"\]"
    p = r"\(" + _HMS_COLON.format("p") + _FRAC.format("p") + r"\)"
    c = r"\{" + _HMS_COLON.format("c") + _FRAC.format("c") + r"\}"
    h = r"#" + _HMS_COLON.format("h") + r"(?:[-.,](?P<hf>\d{1,3}))?#"
    bare = r"(?P<nh>\d{1,2}):(?P<nm>\d{2}):(?P<ns>\d{2})" + _FRAC.format("n") + r"(?=\s|$)"
    return f"(?P<ts>{b}|{p}|{c}|{h}|{bare})"


_TS = _ts_alternatives()
LEAD_TIMESTAMP = re.compile(r"\s*" + _TS + r"\s*(?:[-–—]\s+)?")
TRAIL_TIMESTAMP = re.compile(
    r"\s*(?P<ts>#" + _HMS_COLON.format("h") + r"(?:[-.,](?P<hf>\d{1,3}))?#|\["
    + _HMS_ANY.format("b") + _FRAC.format("b") + r"\])\s*$"
)
_KEYS = tuple((f"{k}h", f"{k}m", f"{k}s", f"{k}f") for k in ("b", "p", "c", "h", "n"))


def _seconds(m: re.Match[str]) -> float | None:
    gd = m.groupdict()
    for kh, km, ks, kf in _KEYS:
        mins = gd.get(km)
        if mins is None:
            continue
        h = gd[kh]
        minutes, secs = int(mins), int(gd[ks])
        if secs >= 60 or (h is not None and minutes >= 60):
            return None
        hours = int(h) if h else 0
        frac = gd[kf]
        value = hours * 3600 + minutes * 60 + secs + (float("0." + frac) if frac else 0.0)
        return round(value, 3)
    return None


def parse_timestamp(text: str) -> tuple[str, float] | None:
    """``text`` as a whole timestamp in any supported form → (as written, seconds)."""
    m = LEAD_TIMESTAMP.fullmatch(text.strip())
    if not m:
        return None
    secs = _seconds(m)
    return None if secs is None else (m.group("ts"), secs)


# --- speaker labels -----------------------------------------------------------------------
# Codes: R1, P03, B2, M, I, IP2, TN3, SPEAKER_01, Sprecher_2, FG1_P3, IP_01, P3-2.
_CODE = re.compile(r"[A-Z]|[A-Z]{1,4}\d{1,3}[a-z]?|[A-Za-z]+_\d{1,3}|[A-Z]{1,4}\d{0,3}[_-][A-Z]{0,4}\d{1,3}")
_ROLE_ABBREVIATIONS = frozenset(
    "MOD INT IV IP IR IE FAC RES RESP PT TN TL OBS CF CO MODERATOR INTERVIEWER FACILITATOR".split()
)
# Two-letter capitals that are words, not speakers (PS: …, NB: …).
_NOT_CODES = frozenset("PS NB OK TV UN EU US UK AI FAQ PPS".split())
# Role words (compared case-insensitively) in the study's languages; a number or name may follow.
_ROLES = frozenset(
    w.casefold()
    for w in (
        # English
        "Moderator Interviewer Interviewee Facilitator Co-facilitator Participant Respondent "
        "Speaker Translator Interpreter Observer Notetaker Note-taker Researcher Assistant "
        "Mod Int Resp"
        # German
        " Moderatorin Interviewerin Befragte Befragter Teilnehmer Teilnehmerin Sprecher "
        "Sprecherin Interviewte Interviewter Forscherin Forscher Dolmetscher Dolmetscherin "
        "Beobachter Beobachterin"
        # Swahili / Luganda
        " Msimamizi Mwezeshaji Mshiriki Mhojiwa Mhoji Mtafiti Mkalimani Msaidizi "
        "Omubuuza Omubuuzibwa Omwetabi Omukubiriza Omunoonyereza"
        # Hebrew
        " מנחה מנחת מראיין מראיינת מרואיין מרואיינת משתתף משתתפת דובר דוברת חוקר חוקרת מתורגמן"
        # Marathi / Hindi (Devanagari)
        " सूत्रसंचालक संचालक संचालिका मुलाखतकार मुलाखतकर्ता सहभागी प्रतिभागी वक्ता "
        "साक्षात्कारकर्ता उत्तरदाता शोधकर्ता मध्यस्थ"
    ).split()
)
# Words that start sentences, never names ("Zum Beispiel: …", "The point: …").
_SENTENCE_STARTERS = frozenset(
    w.casefold()
    for w in (
        "The A An This That These Those There Here It He She We They You I My Our Your His Her "
        "Their And But Or So Then Also Now Note Read See Watch Example Update Source Photo Image "
        "Video Question Answer Q A Der Die Das Ein Eine Er Es Wir Ihr Sie Ich Und Aber Oder Also "
        "Dann Zum Zur Im Am Beim Vom Hier Da Dies Diese Frage Antwort Beispiel Hinweis Anmerkung "
        "Siehe Quelle Foto Bild Soma Picha Tazama Angalia Chanzo Swali Jibu Kwa Na Lakini Laba "
        # the same captions in Hebrew, Marathi, Hindi (video, watch, photo, source, note, update)
        "וידאו וידיאו צפו תמונה מקור הערה עדכון "
        "व्हिडिओ पाहा फोटो छायाचित्र स्रोत टीप "
        "वीडियो देखें फ़ोटो चित्र टिप्पणी नोट"
    ).split()
)
_NAME_PARTICLES = frozenset("de da di du dos das del van von der den bin bint al el la le ter ten".split())
# Inside a label: no sentence punctuation, quotes, brackets, slashes or digits glued to words.
_LABEL_FORBIDDEN = re.compile(r"[,;!?¿¡\"'„“”«»‹›()\[\]{}<>/\\|=+*&%$€£@#…–—:·।॥]")
_CASELESS = re.compile(r"[\u0590-\u05FF\u0600-\u06FF\u0900-\u097F]")

LabelKind = Literal["strong", "weak"]


def _classify_label(label: str) -> LabelKind | None:
    """Is ``label`` (the text before a colon, stripped) a speaker label, and how sure are we?"""
    if not label or len(label) > MAX_LABEL:
        return None
    if label.startswith("[") and label.endswith("]"):
        inner = label[1:-1].strip()
        return "strong" if inner and _classify_label(inner) else None
    words = label.split()
    if len(words) > MAX_LABEL_WORDS:
        return None
    if len(words) == 1:
        w = words[0]
        if w in _ROLE_ABBREVIATIONS or (_CODE.fullmatch(w) and w not in _NOT_CODES):
            return "strong"
    if words[0].casefold() in _ROLES and all(
        x.isdigit() or (len(x) <= 2 and x.isalnum()) or _cased_name_word(x) for x in words[1:]
    ) and not _LABEL_FORBIDDEN.search(label):
        return "strong"
    if _LABEL_FORBIDDEN.search(label):
        return None
    if words[0].casefold() in _SENTENCE_STARTERS or label in _NOT_CODES:
        return None
    if all(_name_word(w) or (i > 0 and w in _NAME_PARTICLES) for i, w in enumerate(words)):
        return "weak"
    return None


def _name_word(w: str) -> bool:
    """A word that could be part of a name: capitalised (Lisa, B., Dr.) or in a caseless script.

    Apostrophes are excluded with the label as a whole ("Translator's note"), so "O'Brien:" is
    not a label: a missed name is a harmless segment, a false one invents a speaker.
    """
    core = w[:-1] if w.endswith(".") else w
    if not core or any(c.isdigit() for c in core) or "." in core:
        return False
    if w.endswith(".") and len(core) > 3:  # "B." and "Dr." are initials/titles; "Said." ends a sentence
        return False
    first = core[0]
    if first.isupper():
        return True
    return bool(_CASELESS.match(first)) and not any(c.isupper() or c.islower() for c in core)


def _cased_name_word(w: str) -> bool:
    """A capitalised name word (after a role: "Moderator Anna"); caseless words are not
    enough there, since "דובר ממשלתי אמר" ("a government spokesman said") is a sentence."""
    return _name_word(w) and w[0].isupper()


_INVISIBLE = "\u200b\u2060\ufeff"  # zero-width space, word joiner, stray BOM (not ZWJ/ZWNJ: they shape Devanagari)


def clean(text: str) -> str:
    """``text`` without surrounding whitespace or invisible characters."""
    text = text.strip()
    if text and (text[0] in _INVISIBLE or text[-1] in _INVISIBLE):
        text = text.strip(_INVISIBLE).strip()
    return text


def is_blank(line: str) -> bool:
    """A line that holds nothing a reader could see: it makes no segment."""
    stripped = line.strip()
    return not stripped or not stripped.strip(_INVISIBLE).strip()


class LineStart(NamedTuple):
    """What the start (and end) of one line holds."""

    text: str
    speaker: str | None = None
    timestamp: str | None = None
    seconds: float | None = None
    end_timestamp: str | None = None  # a second (f4 end-of-paragraph) timestamp, when both exist


_TS_START = frozenset("[({#0123456789 \t")


def _lead_timestamp(line: str, pos: int = 0) -> tuple[int, str, float] | None:
    """A timestamp at ``pos``: (end position, as written, seconds)."""
    if pos >= len(line) or (line[pos] not in _TS_START and not line[pos].isspace()):
        return None
    m = LEAD_TIMESTAMP.match(line, pos)
    if m is None or (secs := _seconds(m)) is None:
        return None
    return m.end(), m.group("ts"), secs


@lru_cache(maxsize=4096)
def _label_kind(label: str) -> tuple[str, LabelKind] | None:
    """Cached: a transcript repeats a handful of labels thousands of times."""
    kind = _classify_label(label)
    if kind is None:
        return None
    return " ".join((label[1:-1] if label.startswith("[") else label).split()), kind


def _label_at(line: str, pos: int) -> tuple[str, LabelKind, int] | None:
    """A label starting at ``pos``: (speaker, kind, position after the colon and spaces)."""
    colon = line.find(":", pos, pos + MAX_LABEL + 4)
    if colon <= pos:
        return None
    label = line[pos:colon].strip()
    bold = label.startswith(("**", "__"))  # Markdown "**R1:** text" / "**R1**: text"
    found = _label_kind(label.strip("*_ ") if bold else label)
    if found is None:
        return None
    after = colon + 1
    n = len(line)
    if bold and line.startswith(("**", "__"), after):
        after += 2
    if after < n and not line[after].isspace() and found[1] == "weak":
        return None  # "Name:text" only for strong codes ("P01:Hallo"); weak needs "Name: text"
    while after < n and line[after].isspace():
        after += 1
    return found[0], found[1], after


@dataclass(frozen=True, slots=True)
class _Scan:
    """What a line offers before any document-level decision."""

    ts: tuple[int, str, float] | None
    label: tuple[str, LabelKind, int] | None


def _scan(line: str) -> _Scan:
    start = 0
    if line and line[0] in _INVISIBLE:  # a stray BOM or zero-width space before "R1:"
        start = len(line) - len(line.lstrip(_INVISIBLE))
    ts = _lead_timestamp(line, start)
    label = _label_at(line, ts[0] if ts else start) if ":" in line else None
    return _Scan(ts, label)


def _finish(line: str, scan: _Scan, weak_labels: frozenset[str] | set[str]) -> LineStart:
    pos, ts, secs = (scan.ts[0], scan.ts[1], scan.ts[2]) if scan.ts else (0, None, None)
    if not pos and line and line[0] in _INVISIBLE:
        pos = len(line) - len(line.lstrip(_INVISIBLE))
    speaker = None
    found = scan.label
    if found and (found[1] == "strong" or found[0] in weak_labels):
        speaker, pos = found[0], found[2]
        if ts is None and (after := _lead_timestamp(line, pos)):
            pos, ts, secs = after
    rest = line[pos:] if pos else line
    end_ts = None
    if rest.endswith(("#", "]")) or rest.rstrip().endswith(("#", "]")):
        t = TRAIL_TIMESTAMP.search(rest, max(0, len(rest.rstrip()) - 24))
        if t and t.start() > 0 and (s := _seconds(t)) is not None:
            rest = rest[: t.start()]
            if ts is None:
                ts, secs = t.group("ts"), s
            else:
                end_ts = t.group("ts")
    return LineStart(clean(rest), speaker, ts, secs, end_ts)


def label_candidate(line: str) -> tuple[str, LabelKind] | None:
    """The label this line would carry (after an optional leading timestamp), without context."""
    found = _scan(line).label
    return (found[0], found[1]) if found else None


def parse_line(line: str, weak_labels: frozenset[str] | set[str] = frozenset()) -> LineStart:
    """Split one line into timestamp, speaker and text.

    Strong labels are always taken; weak (name-shaped) labels only when listed in
    ``weak_labels`` — :func:`parse_lines` decides that from the whole document.
    """
    return _finish(line, _scan(line), weak_labels)


def _accepted(scans: Sequence[_Scan]) -> frozenset[str]:
    weak: Counter[str] = Counter()
    strong = 0
    for sc in scans:
        if sc.label is None:
            continue
        if sc.label[1] == "strong":
            strong += 1
        else:
            weak[sc.label[0]] += 1
    repeated = {name: n for name, n in weak.items() if n >= WEAK_MIN_REPEATS}
    if not repeated or not scans:
        return frozenset()
    if (strong + sum(repeated.values())) / len(scans) < WEAK_MIN_SHARE:
        return frozenset()
    return frozenset(repeated)


def accepted_weak_labels(lines: Sequence[str]) -> frozenset[str]:
    """Name-shaped labels that this document uses as speaker labels.

    A label counts when it starts at least ``WEAK_MIN_REPEATS`` lines and at least
    ``WEAK_MIN_SHARE`` of the non-empty lines carry a label (strong or repeated weak), i.e.
    the document is a labelled transcript, not prose that happens to contain "Watch: …".
    """
    return _accepted([_scan(line) for line in lines if not is_blank(line)])


def parse_lines(lines: Sequence[str]) -> list[LineStart]:
    """Parse every line of one document (empty lines give empty ``LineStart``s)."""
    scans = [_scan(line) for line in lines]
    weak = _accepted([sc for sc, line in zip(scans, lines) if not is_blank(line)])
    return [_finish(line, sc, weak) for line, sc in zip(lines, scans)]


def build_segments(numbered: Sequence[tuple[int, str]]) -> tuple[list[Segment], dict[int, str]]:
    """Segments from (line number, raw NFC line) pairs, blank lines skipped.

    Returns the segments and the end-of-line timestamps of lines that had a leading one too
    (``{line: "#00:01:25-4#"}``), which a writer needs and the model has no field for.
    """
    kept = [(n, raw) for n, raw in numbered if not is_blank(raw)]
    scans = [_scan(raw) for _, raw in kept]
    weak = _accepted(scans)
    segments: list[Segment] = []
    end_stamps: dict[int, str] = {}
    for (n, raw), scan in zip(kept, scans):
        ls = _finish(raw, scan, weak)
        segments.append(Segment(n, ls.text, ls.speaker, ls.timestamp, ls.seconds, raw))
        if ls.end_timestamp:
            end_stamps[n] = ls.end_timestamp
    return segments, end_stamps
