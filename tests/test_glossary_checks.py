"""Glossary checks on hand-made documents (1-1 beads), one behaviour per test."""

from __future__ import annotations

from pathlib import Path

import pytest

from transqa.checks import REGISTRY, run_checks
from transqa.checks.context import Document
from transqa.checks.settings import CheckSettings
from transqa.model import Bead, Segment, Transcript, TranscriptPair
from transqa.readers.glossary import read_glossary


def make_doc(pairs, lang, glossary, doc_id="D1"):
    src = [Segment(i + 1, s) for i, (s, _) in enumerate(pairs)]
    tgt = [Segment(i + 1, t) for i, (_, t) in enumerate(pairs)]
    pair = TranscriptPair(doc_id, Transcript(doc_id + "-src", src, lang), Transcript(doc_id + "-en", tgt, "en"), source_lang=lang)
    beads = [Bead((i,), (i,), 1.0) for i in range(len(pairs))]
    return Document(pair, beads, CheckSettings(glossary=glossary))


@pytest.fixture
def gloss(tmp_path: Path):
    p = tmp_path / "g.csv"
    p.write_text(
        "source_term,target_term,source_lang,forbidden_targets\n"
        "Peer-Begleiter,peer support worker|peer worker,de,peer helper\n"
        "Stigmatisierung,stigmatisation|stigma,de,\n"
        "Genesungsbegleiter,recovery companion,de,\n"
        "mfanyakazi wa afya ya akili,mental health worker,sw,\n"
        "unyanyapaa,stigma,sw,shame\n"
        "boda boda,boda boda,sw,\n"
        "omuwagizi,peer supporter,lg,\n"
        "מטפל,therapist|caregiver,he,\n"
        "कलंक,stigma,mr,\n",
        encoding="utf-8",
    )
    return read_glossary(p)


def ids(doc, selection=("glossary",)):
    return [(f.check, f.source_lines, f.translation_lines) for f in run_checks([doc], REGISTRY.select(list(selection)))[doc.id]]


def test_inflected_source_with_approved_rendering_is_quiet(gloss):
    doc = make_doc(
        [
            ("Die Peer-Begleiterinnen kamen.", "The peer support workers came."),
            ("Ohne Stigmatisierungen.", "Without stigma."),
            ("Er war Genesungsbegleiter-Ausbilder.", "He trained recovery companions."),
        ],
        "de",
        gloss,
    )
    assert ids(doc) == []


def test_missing_rendering_is_reported_with_source_span(gloss):
    doc = make_doc([("Unsere Peer-Begleiterinnen helfen.", "Our helpers assist.")], "de", gloss)
    found = run_checks([doc], REGISTRY.select(["glossary.missing-term"]))[doc.id]
    assert len(found) == 1
    f = found[0]
    assert f.side == "source" and f.source_lines == (1,)
    assert doc.units[0].source_text[f.span[0]:f.span[1]] == "Peer-Begleiterinnen"


@pytest.mark.parametrize(
    "lang,src,good,bad",
    [
        ("sw", "Wafanyakazi wa afya ya akili walikuja.", "The mental health workers came.", "The nurses came."),
        ("sw", "Unyanyapaa ni tatizo.", "Stigma is a problem.", "Discrimination is a problem."),
        ("lg", "Abawagizi bazze.", "The peer supporters came.", "The friends came."),
        ("he", "והמטפלים שלנו הגיעו.", "And our therapists arrived.", "And our friends arrived."),
        ("mr", "कलंकामुळे ते बोलत नाहीत.", "Because of stigma they do not talk.", "Because of fear they do not talk."),
    ],
)
def test_morphology_per_language(gloss, lang, src, good, bad):
    assert ids(make_doc([(src, good)], lang, gloss), ["glossary.missing-term"]) == []
    assert [c for c, *_ in ids(make_doc([(src, bad)], lang, gloss), ["glossary.missing-term"])] == ["glossary.missing-term"]


def test_forbidden_rendering_is_an_error_when_term_in_source(gloss):
    doc = make_doc([("Unyanyapaa upo.", "There is shame."), ("Hakuna.", "No shame.")], "sw", gloss)
    found = run_checks([doc], REGISTRY.select(["glossary.forbidden-term"]))[doc.id]
    assert [(f.translation_lines, str(f.severity)) for f in found] == [((1,), "error")]
    doc.settings.options["glossary.forbidden-term"] = {"anywhere": True}
    doc.cache.clear()
    found = run_checks([doc], REGISTRY.select(["glossary.forbidden-term"]))[doc.id]
    assert [(f.translation_lines, str(f.severity)) for f in found] == [((1,), "error"), ((2,), "warning")]


def test_forbidden_inside_approved_phrase_is_fine(tmp_path):
    p = tmp_path / "g.csv"
    p.write_text("source_term,target_term,forbidden_targets\nPeer-Begleiter,peer support worker,worker\n", encoding="utf-8")
    doc = make_doc([("Der Peer-Begleiter kam.", "The peer support worker came.")], "de", read_glossary(p))
    assert ids(doc) == []


def test_keep_untranslated(gloss):
    ok = make_doc([("Alikuja kwa boda boda.", "He came by boda boda.")], "sw", gloss)
    bad = make_doc([("Alikuja kwa boda boda.", "He came by motorbike taxi.")], "sw", gloss)
    assert ids(ok) == []
    assert [c for c, *_ in ids(bad)] == ["glossary.keep-untranslated"]


def test_inconsistent_alternatives_within_a_document(gloss):
    doc = make_doc(
        [
            ("Der Peer-Begleiter kam.", "The peer support worker came."),
            ("Peer-Begleiter helfen.", "Peer support workers help."),
            ("Ein Peer-Begleiter fehlt.", "A peer worker is missing."),
        ],
        "de",
        gloss,
    )
    found = run_checks([doc], REGISTRY.select(["glossary.inconsistent-term"]))[doc.id]
    assert len(found) == 1
    assert found[0].translation_lines == (3,)


def test_project_inconsistency_names_the_odd_document(gloss):
    a = make_doc([("Der Peer-Begleiter kam.", "The peer support worker came.")] * 2, "de", gloss, "A")
    b = make_doc([("Der Peer-Begleiter kam.", "The peer support worker came.")], "de", gloss, "B")
    c = make_doc([("Der Peer-Begleiter kam.", "The peer worker came.")], "de", gloss, "C")
    res = run_checks([a, b, c], REGISTRY.select(["glossary.project-inconsistent-term"]))
    assert res["A"] == [] and res["B"] == []
    assert len(res["C"]) == 1


def test_terms_of_other_languages_do_not_apply(gloss):
    # "kalanka" (mr) must not be looked for in German; German term not in Swahili text
    doc = make_doc([("Peer-Begleiter", "nothing")], "sw", gloss)
    assert ids(doc) == []


def test_empty_translation_is_left_to_other_checks(gloss):
    assert ids(make_doc([("Die Peer-Begleiter.", "")], "de", gloss)) == []
