"""format checks (registered on import).

Speaker labels and timestamps are the skeleton of a transcript: analysts cite turns by speaker
and line, and a shifted label silently attributes a quote to the wrong participant.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from transqa.checks.context import Document, Unit
from transqa.checks.registry import Hit, Scope, check
from transqa.model.transcript import Segment
from transqa.text.normalise import fold

# Generic labels for whoever runs the group, in the study's languages: all equivalent.
MODERATOR_LABELS = frozenset(
    fold(x)
    for x in (
        "M", "MOD", "Mod", "Moderator", "Moderatorin", "Moderation", "Facilitator", "Interviewer",
        "Interviewerin", "I", "INT", "FAC", "Leiter", "Leiterin", "Researcher", "Forscher",
        "Forscherin", "Msimamizi", "Mwezeshaji", "Mtafiti", "Mhojaji", "Omukubiriza", "Omunoonyereza",
        "Omubuuza", "מנחה", "מנחָה", "מראיין", "מראיינת", "חוקר", "חוקרת", "मॉडरेटर", "सूत्रसंचालक",
        "संचालक", "मुलाखतकार", "संशोधक", "साक्षात्कारकर्ता", "शोधकर्ता", "सुविधाकर्ता",
    )
)
# Something that looks like a participant code rather than a name: R1, P12, FG3-P2, B07.
_CODE_LIKE = re.compile(r"^(?:[A-Z]{1,4}\d{0,3}(?:[-_][A-Z]{0,3}\d{1,3})?|[A-Z]{1,3}\d{1,3}[a-z]?)$")
_DIGITS = re.compile(r"\d+")
_INLINE_CODE = re.compile(r"\[([A-Z]{1,3}\d{1,3})\]")


@lru_cache(maxsize=64)
def _code_re(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


@lru_cache(maxsize=4096)
def _label_class(label: str) -> tuple[str, str]:
    """('moderator', '') | ('code', 'R1') | ('numbered', '3') | ('name', folded)."""
    raw = label.strip().rstrip(":").strip()
    f = fold(raw)
    if f in MODERATOR_LABELS:
        return "moderator", ""
    compact = raw.replace(" ", "")
    if _CODE_LIKE.match(compact) and any(ch.isdigit() for ch in compact):
        return "code", compact.upper()
    digits = _DIGITS.findall(f)
    if digits:  # "Teilnehmerin 3" / "Participant 3" / "משתתף 3"
        return "numbered", "-".join(str(int(d)) for d in digits)
    return "name", f


def _equivalent(a: str, b: str) -> bool | None:
    """True/False when decidable; None when labels are translated words we cannot compare."""
    ca, cb = _label_class(a), _label_class(b)
    if ca[0] == "moderator" or cb[0] == "moderator":
        if ca[0] == cb[0]:
            return True
        return None if "name" in (ca[0], cb[0]) else False
    if ca[0] in ("code", "numbered") and cb[0] in ("code", "numbered"):
        if ca[0] == cb[0] == "code":
            return ca[1] == cb[1]
        return _DIGITS.findall(ca[1]) == _DIGITS.findall(cb[1])
    if ca[0] == cb[0] == "name":
        return True if ca[1] == cb[1] else None
    return None


def _speakers(segs: tuple[Segment, ...]) -> list[str]:
    out: list[str] = []
    for s in segs:
        if s.speaker and (not out or out[-1] != s.speaker):
            out.append(s.speaker)
    return out


@check(
    "format.speaker-mismatch",
    severity="warning",
    scope=Scope.UNIT,
    example='source "R3: Ja, genau." → translation "R5: Yes, exactly."',
    silence="correct the label; moderator labels (M, Moderator, Moderatorin, מנחה …) are already "
    "equivalent; otherwise dismiss the finding in review or ignore the check id in transqa.toml",
)
def speaker_mismatch(unit: Unit, doc: Document) -> Iterator[Hit]:
    """The speaker label of a turn differs between source and translation.

    Participant codes (``R1``, ``P3``) must be identical; a label may be translated
    ("Teilnehmerin 3" / "Participant 3" compare by number) and every generic moderator label
    (``M``, ``Moderator``, ``Moderatorin``, ``Facilitator``, ``מנחה``, ``Msimamizi`` …) is
    equivalent to every other. A moderator turn rendered as a participant's, or ``R3`` as
    ``R5``, is reported; two different names are not compared (names may be transliterated).
    """
    src, tgt = _speakers(unit.source), _speakers(unit.translation)
    if not src or not tgt:
        return
    if len(src) != len(tgt):
        if len(src) == 1 or len(tgt) == 1:
            pass  # merged turns: compare the first label only
        else:
            return
    for a, b in zip(src, tgt):
        if _equivalent(a, b) is False:
            yield Hit(
                f'speaker "{a}" in the source is "{b}" in the translation',
                side="both",
                evidence=f"{a} / {b}",
            )
            return


@check(
    "format.timestamp-mismatch",
    severity="warning",
    scope=Scope.UNIT,
    example="source [00:12:05] → translation [00:21:05]",
    silence="set the option tolerance_seconds under [checks.\"format.timestamp-mismatch\"] in "
    "transqa.toml, dismiss the finding in review, or ignore the check id",
)
def timestamp_mismatch(unit: Unit, doc: Document) -> Iterator[Hit]:
    """The timestamps of a paired turn differ between source and translation.

    A translation keeps the source's timestamps so that a quote can be found in the audio.
    Compared as seconds (``[00:01:23]`` = ``#00:01:23-4#``), with a tolerance of one second by
    default (option ``tolerance_seconds``).
    """
    s = next((x for x in unit.source if x.seconds is not None), None)
    t = next((x for x in unit.translation if x.seconds is not None), None)
    if s is None or t is None:
        return
    tol = float(doc.settings.option("format.timestamp-mismatch", "tolerance_seconds", 1.0))
    if abs(s.seconds - t.seconds) > tol:  # type: ignore[operator]
        yield Hit(
            f"timestamp {s.timestamp or s.seconds} in the source is {t.timestamp or t.seconds} in the translation",
            side="both",
            source_lines=(s.line,),
            translation_lines=(t.line,),
            evidence=f"{s.timestamp} / {t.timestamp}",
        )


@check(
    "format.timestamp-order",
    severity="warning",
    scope=Scope.DOCUMENT,
    needs_translation=False,
    example="[00:12:05] R1: … followed by [00:02:10] M: …",
    silence="correct the timestamp, dismiss the finding in review, or ignore the check id in transqa.toml",
)
def timestamp_order(doc: Document) -> Iterator[Hit]:
    """A timestamp goes backwards: the turn is earlier than the one before it.

    Usually a typo (``00:21`` for ``00:12``) or turns pasted out of order; either way the
    quote can no longer be found in the recording. Works on a transcript alone.
    """
    for side in ("source", "translation"):
        last: Segment | None = None
        for seg in doc.segments(side):
            if seg.seconds is None:
                continue
            if last is not None and seg.seconds < last.seconds:  # type: ignore[operator]
                lines = (last.line, seg.line)
                yield Hit(
                    f"timestamp {seg.timestamp or seg.seconds} (line {seg.line}) is earlier than "
                    f"{last.timestamp or last.seconds} (line {last.line})",
                    side=side,  # type: ignore[arg-type]
                    source_lines=lines if side == "source" else (),
                    translation_lines=lines if side == "translation" else (),
                    evidence=f"{last.timestamp} > {seg.timestamp}",
                )
            if last is None or seg.seconds >= last.seconds:  # type: ignore[operator]
                last = seg


@lru_cache(maxsize=4096)
def _unknown_label(speaker: str, pattern: str) -> bool:
    label = speaker.strip().rstrip(":").strip()
    compact = label.replace(" ", "")
    if not compact or fold(label) in MODERATOR_LABELS:
        return False
    if not (_CODE_LIKE.match(compact) and any(c.isdigit() for c in compact)):
        return False
    return not _code_re(pattern).fullmatch(compact)


@check(
    "format.unknown-code",
    severity="warning",
    scope=Scope.SEGMENT,
    example='"X3: …" when the study codes participants R1…R99 and M',
    silence="widen code_pattern in transqa.toml if the code is legitimate, dismiss the finding "
    "in review, or ignore the check id",
)
def unknown_code(segment: Segment, side: str, doc: Document) -> Iterator[Hit]:
    """A speaker or participant code does not follow the study's code pattern.

    Participant codes are the study's pseudonyms; a code outside the agreed scheme
    (``code_pattern`` in transqa.toml, default ``R1``, ``P3``, ``M``, ``MOD``, ``I``) is a typo
    or an un-pseudonymised label. Checks the speaker label when it looks like a code (capitals
    and digits) and bracketed codes in the text (``[X3]``). Generic moderator labels are fine.
    Works on a transcript alone.
    """
    label = segment.speaker
    if label and _unknown_label(label, doc.settings.code_pattern):
        label = label.strip().rstrip(":").strip()
        yield Hit(f'speaker code "{label}" does not follow the study\'s code pattern', span=None, evidence=label)
    if "[" in segment.text:
        pat = _code_re(doc.settings.code_pattern)
        for m in _INLINE_CODE.finditer(segment.text):
            if not pat.fullmatch(m.group(1)):
                yield Hit(
                    f'code "{m.group(1)}" does not follow the study\'s code pattern',
                    span=(m.start(), m.end()),
                    evidence=m.group(1),
                )


@check(
    "format.empty-turn",
    severity="info",
    scope=Scope.SEGMENT,
    example='"R2:" with nothing after it',
    silence="write what was said, or [inaudible]; or ignore the check id in transqa.toml",
)
def empty_turn(segment: Segment, side: str, doc: Document) -> Iterator[Hit]:
    """A speaker label with nothing said after it.

    Often a turn lost while copying, or a line break inside a turn; a deliberate silence
    is better marked (``[no answer]``, ``[inaudible]``). Works on a transcript alone.
    """
    if segment.speaker and not segment.text.strip():
        yield Hit(f'"{segment.speaker}" has an empty turn', evidence=segment.speaker)
