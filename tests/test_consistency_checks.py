"""consistency checks: repeated source segments translated differently, within and across transcripts."""

from __future__ import annotations

from transqa.checks import REGISTRY, run_checks
from transqa.checks.context import Document
from transqa.checks.settings import CheckSettings
from transqa.model import Bead, Segment, Transcript, TranscriptPair

Q = "Was bedeutet Genesung für Sie persönlich?"


def make_doc(pairs, doc_id="D", **settings):
    src = [Segment(i + 1, s) for i, (s, _) in enumerate(pairs)]
    tgt = [Segment(i + 1, t) for i, (_, t) in enumerate(pairs)]
    pair = TranscriptPair(doc_id, Transcript("s", src, "de"), Transcript("t", tgt, "en"), source_lang="de")
    return Document(pair, [Bead((i,), (i,), 1.0) for i in range(len(pairs))], CheckSettings(**settings))


def run(docs, sel):
    return run_checks(docs, REGISTRY.select([sel]))


def test_same_question_translated_two_ways_is_reported_on_the_odd_one():
    doc = make_doc([
        (Q, "What does recovery mean to you personally?"),
        ("Ja.", "Yes."),
        (Q.upper(), "What does recovery mean to you, personally?"),  # same key after normalising
        (Q, "What is healing for you?"),
    ])
    (f,) = run([doc], "consistency.source-variants")["D"]
    assert f.translation_lines == (4,)


def test_short_backchannels_may_vary():
    doc = make_doc([("Ja.", "Yes."), ("Ja.", "Yeah."), ("Ja, genau.", "Right, exactly."), ("Ja, genau.", "Yes, that's it.")])
    assert run([doc], "consistency.source-variants")["D"] == []
    strict = make_doc([("Ja, genau.", "Right, exactly."), ("Ja, genau.", "Yes, that's it.")],
                      options={"consistency": {"min_words": 1}})
    assert len(run([strict], "consistency.source-variants")["D"]) == 1


def test_one_translation_for_different_sources_is_info():
    doc = make_doc([("Ja, so ist es wirklich.", "Yes, that is how it is."), ("Nein, so ist es nicht.", "Yes, that is how it is.")])
    (f,) = run([doc], "consistency.target-variants")["D"]
    assert str(f.severity) == "info" and f.translation_lines == (1, 2)


def test_project_scope_names_the_transcript_that_differs():
    a = make_doc([(Q, "What does recovery mean to you personally?")], "A")
    b = make_doc([(Q, "What does recovery mean to you personally?")], "B")
    c = make_doc([(Q, "What is healing for you?")], "C")
    res = run([a, b, c], "consistency.project-source-variants")
    assert res["A"] == [] and res["B"] == [] and len(res["C"]) == 1
    # a variation inside one transcript is the document check's business, not the project's
    d = make_doc([(Q, "x y z w"), (Q, "a b c d")], "D")
    assert run([d], "consistency.project-source-variants")["D"] == []
