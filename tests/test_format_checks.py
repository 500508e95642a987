"""format checks on hand-made documents and single transcripts."""

from __future__ import annotations

from transqa.checks import REGISTRY, run_checks
from transqa.checks.context import Document
from transqa.checks.settings import CheckSettings
from transqa.model import Bead, Segment, Transcript, TranscriptPair


def seg(line, text, speaker=None, seconds=None):
    ts = None if seconds is None else f"{int(seconds) // 3600:02d}:{int(seconds) // 60 % 60:02d}:{int(seconds) % 60:02d}"
    return Segment(line, text, speaker, ts, seconds)


def doc_of(src, tgt=None, **settings):
    pair = TranscriptPair("D", Transcript("s", src, "de"), Transcript("t", tgt, "en") if tgt is not None else None, source_lang="de")
    beads = [Bead((i,), (i,), 1.0) for i in range(len(src))] if tgt is not None else []
    return Document(pair, beads, CheckSettings(**settings))


def run(doc, sel):
    return run_checks([doc], REGISTRY.select([sel]))[doc.id]


def test_speaker_codes_must_match_but_moderator_labels_are_equivalent():
    src = [seg(1, "Wie geht es?", "Moderatorin"), seg(2, "Gut.", "R3"), seg(3, "Ja.", "Teilnehmerin 4"), seg(4, "Nein.", "R2")]
    tgt = [seg(1, "How are you?", "M"), seg(2, "Fine.", "R3"), seg(3, "Yes.", "Participant 4"), seg(4, "No.", "R5")]
    found = run(doc_of(src, tgt), "format.speaker-mismatch")
    assert [(f.source_lines, f.translation_lines) for f in found] == [((4,), (4,))]


def test_moderator_turn_given_to_a_participant_is_reported():
    found = run(doc_of([seg(1, "Frage?", "מנחה")], [seg(1, "Question?", "R1")]), "format.speaker-mismatch")
    assert len(found) == 1


def test_translated_names_are_not_compared():
    assert run(doc_of([seg(1, "Hallo", "Anna")], [seg(1, "Hello", "Anne")]), "format.speaker-mismatch") == []


def test_timestamp_mismatch_with_tolerance():
    src = [seg(1, "a", "R1", 65.0), seg(2, "b", "R2", 125.0)]
    tgt = [seg(1, "a", "R1", 65.5), seg(2, "b", "R2", 725.0)]
    found = run(doc_of(src, tgt), "format.timestamp-mismatch")
    assert [f.source_lines for f in found] == [(2,)]
    loose = doc_of(src, tgt, options={"format.timestamp-mismatch": {"tolerance_seconds": 700}})
    assert run(loose, "format.timestamp-mismatch") == []


def test_timestamp_order_works_without_translation():
    src = [seg(1, "a", "R1", 10.0), seg(2, "b", "R2", 730.0), seg(3, "c", "R1", 130.0), seg(4, "d", "R2", 740.0)]
    found = run(doc_of(src), "format.timestamp-order")
    assert [(f.side, f.source_lines) for f in found] == [("source", (2, 3))]


def test_unknown_code_in_single_mode_uses_the_study_pattern():
    src = [seg(1, "a", "R1"), seg(2, "b", "X3"), seg(3, "c", "Moderator"), seg(4, "siehe [Q7] und [P2]", "M")]
    found = run(doc_of(src), "format.unknown-code")
    assert [(f.source_lines, f.evidence) for f in found] == [((2,), "X3"), ((4,), "Q7")]
    custom = doc_of(src, code_pattern=r"(?:[RXQP]\d{1,2}|M)")
    assert run(custom, "format.unknown-code") == []


def test_empty_turn():
    found = run(doc_of([seg(1, "", "R2"), seg(2, "ok", "R1")]), "format.empty-turn")
    assert [f.source_lines for f in found] == [(1,)]
