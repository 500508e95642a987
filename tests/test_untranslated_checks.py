"""untranslated.* checks: behaviour on hand-made documents (1-1 beads)."""

from __future__ import annotations

import pytest

import transqa.checks.untranslated  # noqa: F401  (registers the checks)
from transqa.checks.context import Document
from transqa.checks.registry import REGISTRY
from transqa.checks.runner import run_checks
from transqa.checks.settings import CheckSettings
from transqa.model import Bead, Segment, Transcript, TranscriptPair
from transqa.model.glossary import Glossary, Term

CHECKS = REGISTRY.select(["untranslated"])


def pair_doc(lang: str, rows: list[tuple[str, str]], settings: CheckSettings | None = None, aligned=False) -> Document:
    src = Transcript("S", [Segment(i + 1, s) for i, (s, _) in enumerate(rows)], language=lang)
    tgt = Transcript("T", [Segment(i + 1, t) for i, (_, t) in enumerate(rows)], language="en")
    beads = [Bead((i,), (i,), 1.0) for i in range(len(rows))]
    pair = TranscriptPair("D", src, tgt, source_lang=lang, aligned=aligned)
    return Document(pair, beads, settings or CheckSettings())


def single_doc(lang: str | None, lines: list[str]) -> Document:
    t = Transcript("S", [Segment(i + 1, s) for i, s in enumerate(lines)], language=lang)
    return Document(TranscriptPair("D", t, None, source_lang=lang), [], CheckSettings())


def findings(doc: Document):
    return run_checks([doc], CHECKS)[doc.id]


def by_line(doc: Document) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for f in findings(doc):
        line = (f.translation_lines or f.source_lines)[0]
        out.setdefault(line, []).append(f.check)
    return out


def test_all_checks_registered_with_user_docs():
    ids = {c.id for c in CHECKS}
    assert ids == {"untranslated.empty", "untranslated.copy", "untranslated.language",
                   "untranslated.partial", "untranslated.script"}
    for c in CHECKS:
        assert c.description and len(c.doc) > 80, c.id
        assert "silence" in c.doc.lower() or "dismiss" in c.doc.lower(), c.id


def test_empty_translation_is_an_error():
    doc = pair_doc("de", [("Ich war sehr müde nach der Arbeit.", "  "), ("Ja.", "Yes.")])
    fs = findings(doc)
    assert [(f.check, f.translation_lines) for f in fs] == [("untranslated.empty", (1,))]
    assert str(fs[0].severity) == "error"


def test_empty_source_and_empty_translation_is_fine():
    assert findings(pair_doc("de", [("...", ""), ("Ja.", "Yes.")])) == []


def test_missing_translation_segment_is_left_to_the_alignment_checks():
    src = Transcript("S", [Segment(1, "Ich war sehr müde nach der Arbeit.")], language="de")
    tgt = Transcript("T", [], language="en")
    pair = TranscriptPair("D", src, tgt, source_lang="de", aligned=True)
    doc = Document(pair, [Bead((0,), (), 0.0)], CheckSettings())
    assert findings(doc) == []


@pytest.mark.parametrize(
    "lang, text",
    [
        ("lg", "Abantu bangi baagala okusoma mu masomero ga gavumenti."),
        ("sw", "Watu wengi wanapenda kusoma katika shule za serikali."),
        ("de", "Die meisten Leute wollten einfach nur nach Hause gehen."),
        ("he", "רוב האנשים רצו פשוט ללכת הביתה."),
        ("mr", "बहुतेक लोकांना फक्त घरी जायचे होते."),
        ("hi", "ज़्यादातर लोग बस घर जाना चाहते थे।"),
    ],
)
def test_copied_source_is_reported_once_as_copy(lang, text):
    doc = pair_doc(lang, [(text, text)])
    fs = findings(doc)
    assert [f.check for f in fs] == ["untranslated.copy"]
    assert "chrF 100" in fs[0].message


@pytest.mark.parametrize(
    "src, tgt",
    [
        ("Ja.", "Ja."),
        ("Mm-hmm.", "Mm-hmm."),
        ("Okay.", "Okay."),
        ("Makindye.", "Makindye."),
        ("Kori Schulman", "Kori Schulman"),
        ("2019", "2019"),
        ("[P3] R1", "[P3] R1"),
        # English already in a Luganda transcript (code-switching) stays English.
        ("We thank the doctors for the good work they did.", "We thank the doctors for the good work they did."),
    ],
)
def test_copies_that_need_no_translation_are_not_findings(src, tgt):
    assert findings(pair_doc("lg", [(src, tgt)])) == []


def test_foreign_names_in_english_are_not_findings():
    rows = [
        ("Kori Schulman, omumyuka w'akulira abakozi, yayogedde ne bannamawulire e Makindye.",
         "Kori Schulman, Deputy Chief of Staff, spoke to journalists in Makindye."),
        ("Abavubi ku nnyanja Nalubaale baagamba nti ebyennyanja bikendedde.",
         "Fishermen on Lake Nalubaale said that the fish stocks have declined."),
        ("Museveni ne Kyagulanyi n'abalala bangi baali e Kampala.",
         "Museveni, Kyagulanyi, Ssemujju Nganda, Muwanga Kivumbi and others were in Kampala."),
    ]
    assert findings(pair_doc("lg", rows)) == []


def test_whole_segment_in_the_source_language_names_the_language():
    # Not a copy (different sentence), but the English side is Swahili.
    doc = pair_doc("sw", [("Watu wengi walikuja kwenye mkutano jana.",
                           "Watu wengi wanapenda kusoma katika shule za serikali kila siku.")])
    fs = findings(doc)
    assert [f.check for f in fs] == ["untranslated.language"]
    assert "Swahili" in fs[0].message and "not English" in fs[0].message
    assert fs[0].span is None and fs[0].side == "translation"


def test_partial_clause_is_a_warning_with_the_span_of_the_clause():
    src = "Museveni yagambye nti abantu balina okusoma ennyo mu masomero."
    run = "abantu balina okusoma ennyo mu masomero"
    tgt = f"Museveni said that {run} and then he left."
    fs = findings(pair_doc("lg", [(src, tgt)]))
    assert [f.check for f in fs] == ["untranslated.partial"]
    f = fs[0]
    assert str(f.severity) == "warning"
    start, end = f.span
    assert tgt[start:end] == run


def test_partial_german_clause_with_look_alike_words():
    src = "Er sagte, dass die Kinder in der Schule nicht genug lernen."
    tgt = "He said that die Kinder in der Schule nicht genug learn, and left."
    fs = findings(pair_doc("de", [(src, tgt)]))
    assert [f.check for f in fs] == ["untranslated.partial"]
    start, end = fs[0].span
    assert "Kinder in der Schule nicht" in tgt[start:end]


def test_two_hebrew_words_are_a_script_finding_one_is_not():
    src = "אמרנו שלום עליכם לכולם בכניסה."
    two = findings(pair_doc("he", [(src, "We said שלום עליכם to everyone at the entrance.")]))
    assert [f.check for f in two] == ["untranslated.script"]
    text = "We said שלום עליכם to everyone at the entrance."
    assert text[two[0].span[0]:two[0].span[1]] == "שלום עליכם"
    one = findings(pair_doc("he", [(src, "We said שלום to everyone at the entrance.")]))
    assert one == []


def test_keep_as_is_glossary_terms_are_not_evidence():
    src = "Tulina boda boda, matooke, posho ne ugali ku katale."
    tgt = "We have boda boda, matooke, posho and ugali at the market."
    # Five source words in a row with one English word: a stretch left untranslated ...
    assert [f.check for f in findings(pair_doc("lg", [(src, tgt)]))] == ["untranslated.partial"]
    # ... unless the glossary says these terms stay as they are.
    glossary = Glossary([Term(t, (t,), source_lang="lg") for t in ("boda boda", "matooke", "posho", "ugali")])
    assert findings(pair_doc("lg", [(src, tgt)], CheckSettings(glossary=glossary))) == []
    # Terms of another source language's glossary do not apply.
    other = Glossary([Term(t, (t,), source_lang="sw") for t in ("boda boda", "matooke", "posho", "ugali")])
    assert findings(pair_doc("lg", [(src, tgt)], CheckSettings(glossary=other)))


def test_ignore_by_settings_select():
    doc = pair_doc("lg", [("Abantu bangi baagala okusoma mu masomero.", "Abantu bangi baagala okusoma mu masomero.")])
    res = run_checks([doc], REGISTRY.select(["untranslated"], ignore=["untranslated.copy"]))[doc.id]
    assert all(f.check != "untranslated.copy" for f in res)


def test_single_english_transcript_flags_swahili_lines():
    doc = single_doc("en", [
        "We talked about the clinic and the doctors for a long time.",
        "Watu wengi wanapenda kusoma katika shule za serikali.",
        "Yes.",
        "Then the moderator asked about the market in Makindye.",
    ])
    fs = findings(doc)
    assert [(f.check, f.source_lines, f.side) for f in fs] == [("untranslated.language", (2,), "source")]
    assert "Swahili" in fs[0].message


def test_single_transcript_without_declared_language_is_not_checked():
    doc = single_doc(None, ["Watu wengi wanapenda kusoma katika shule za serikali.",
                            "We talked about the clinic and the doctors for a long time."])
    assert findings(doc) == []


def test_single_swahili_transcript_flags_english_lines():
    doc = single_doc("sw", [
        "Watu wengi wanapenda kusoma katika shule za serikali.",
        "We talked about the clinic and the doctors for a long time.",
    ])
    fs = findings(doc)
    assert [(f.check, f.source_lines) for f in fs] == [("untranslated.language", (2,))]
    assert "not Swahili" in fs[0].message


def test_source_side_of_a_pair_is_not_language_checked():
    # Luganda transcripts hold English turns (code-switching): not a finding on the source side.
    doc = pair_doc("lg", [("We thank the doctors for the good work they did.", "We thank the doctors for the good work they did."),
                          ("Abantu bangi baagala okusoma.", "Many people want to study.")])
    assert findings(doc) == []


def test_declared_language_option_allows_code_switching():
    lines = ["Abantu bangi baagala okusoma mu masomero ga gavumenti.",
             "We talked about the clinic and the doctors for a long time."]
    doc = single_doc("lg", lines)
    assert [f.source_lines for f in findings(doc)] == [(2,)]
    doc = single_doc("lg", lines)
    doc.settings.options["untranslated.language"] = {"allowed": ["en"]}
    assert findings(doc) == []


def test_declared_language_unknown_to_the_identifier_is_not_checked():
    doc = single_doc("xx", ["We talked about the clinic and the doctors for a long time."])
    assert findings(doc) == []


def test_window_option_changes_the_shortest_clause_found():
    src = "Museveni yagambye nti abantu balina okusoma."
    tgt = "Museveni said that abantu balina okusoma, he said."
    assert findings(pair_doc("lg", [(src, tgt)])) == []  # three words: under the 6-word window
    settings = CheckSettings(options={"untranslated.partial": {"window": 3}})
    fs = findings(pair_doc("lg", [(src, tgt)], settings))
    assert [f.check for f in fs] == ["untranslated.partial"]
    assert tgt[fs[0].span[0]:fs[0].span[1]] == "abantu balina okusoma"


def test_clause_copied_from_the_neighbouring_source_segment_is_found():
    # The aligner paired line 2 with the wrong source (one bead off): the clause still counts.
    rows = [
        ("Twagenda mu katale ku makya.", "We went to the market in the morning."),
        ("Yee.", "He said that abantu balina okusoma ennyo mu masomero and left."),
        ("Museveni yagambye nti abantu balina okusoma ennyo mu masomero.", "Yes."),
    ]
    fs = findings(pair_doc("lg", rows))
    assert [(f.check, f.translation_lines) for f in fs] == [("untranslated.partial", (2,))]
