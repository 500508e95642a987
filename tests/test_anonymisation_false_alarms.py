"""Ordinary words that look like identifiers, and identifiers hidden behind cues and honorifics.

One test per rule: source words absent from the translation, sentence starts after a
transcription note, very common English/German words, generic words of multiword register
names, cross-script hits on common words, wards named by their specialty, a misspelt register
place after a title, and Marathi honorifics joined to a name.
"""

from __future__ import annotations

from transqa.checks.context import Document
from transqa.checks.registry import REGISTRY
from transqa.checks.runner import run_checks
from transqa.checks.settings import CheckSettings
from transqa.identifiers.affixes import stems
from transqa.identifiers.analyse import analyse
from transqa.identifiers.names import detect
from transqa.identifiers.register_match import RegisterMatcher
from transqa.model import Bead, Segment, Transcript, TranscriptPair
from transqa.model.register import Register, RegisterEntry

REG = Register([
    RegisterEntry("Soroka Medical Center", "[hospital]", "organisation", row=2),
    RegisterEntry("ससून हॉस्पिटल", "[hospital]", "organisation", ("Sassoon Hospital",), row=3),
    RegisterEntry("Mulshi", "[village]", "place", row=4),
    RegisterEntry("सुनीता पाटील", "[name]", "person", ("Sunita",), row=5),
    RegisterEntry("יוסי לוי", "[R2]", "person", ("Yossi Levi", "Levi"), row=6),
    RegisterEntry("Neema Kileo", "[name]", "person", ("Kileo",), row=7),
    RegisterEntry("Joseph Ssemakula", "[P5]", "person", row=8),
])


def _findings(src: list[str], tgt: list[str] | None, lang: str, register: Register | None = None):
    s = Transcript("s", [Segment(i + 1, t) for i, t in enumerate(src)], lang)
    t = Transcript("t", [Segment(i + 1, x) for i, x in enumerate(tgt)], "en") if tgt is not None else None
    beads = [Bead((i,), (i,), 1.0) for i in range(len(src))] if tgt is not None else []
    doc = Document(TranscriptPair("d", s, t, source_lang=lang), beads, CheckSettings(register=register))
    out = run_checks([doc], REGISTRY.select(["anonymisation"]))["d"]
    shown = []
    for f in out:
        seg = (s if f.side == "source" else t).segments[0]
        shown.append((f.check.split(".")[1], f.side, seg.text[f.span[0]:f.span[1]] if f.span else None))
    return shown


def _texts(found, side):
    return {text for _, s, text in found if s == side}


# --- 1. a Latin-script source name or place must be carried into the translation ----------------
def test_source_candidates_absent_from_the_translation_are_source_words():
    src = ["Nze ne Okwi twagenda Mbarara, Kisoboka nnyo."]
    tgt = ["Okwi and I went to Mbarara, it is very possible."]
    paired = _texts(_findings(src, tgt, "lg"), "source")
    assert "Okwi" in paired and "Mbarara" in paired   # carried over: names
    assert "Kisoboka" not in paired                   # not in the English at all: a Luganda word
    alone = _texts(_findings(src, None, "lg"), "source")
    assert "Kisoboka" in alone                        # no translation to compare with: kept


def test_near_spellings_and_possessives_count_as_carried_over():
    found = _texts(_findings(["Twalaba Nakatto ne maama we."], ["We saw Nakato's mother."], "lg"), "source")
    assert "Nakatto" in found


def test_title_cued_source_names_are_kept_without_the_translation():
    found = _findings(["Nagenda eri Dr. Wekesa."], ["I went to the doctor."], "lg")
    assert ("person-name", "source", "Dr. Wekesa") in found


# --- 2. sentence starts after a transcription note; very common English words ---------------------
def test_word_after_an_opening_note_or_dash_is_sentence_initial():
    assert detect("(laughs) Truly, that was hard.", "en") == []
    assert detect("[inaudible] Absolutely.", "en") == []
    assert detect("we were late - Luckily the bus waited", "en") == []
    assert [m.kind for m in detect("she said (softly) that Okwi came", "en")] == ["person-name"]


def test_very_common_english_words_are_not_possible_names():
    assert detect("and that is Life for all of us", "en") == []   # "life": once in 2,000 words
    assert detect("I told them, Think, then go", "en") == []
    assert [(m.kind, m.detail) for m in detect("then Okwi came", "en")] == [("person-name", "capitalised word")]
    assert detect("then Dr. True came", "en")[0].detail == "name after a title"  # a title still decides


def test_common_german_word_is_no_place_without_a_preposition():
    assert detect("Vielleicht sagen Sie, in welcher Rolle Sie hier sind.", "de") == []
    assert detect("Das Essen war gut.", "de") == []
    assert [m.kind for m in detect("Wir fuhren nach Essen.", "de")] == ["place"]


# --- 3. generic words of multiword register names do not match alone -----------------------------
def test_generic_words_of_multiword_register_names_do_not_match_alone():
    m = RegisterMatcher(REG)
    assert m.find("From a medical point of view the rounds changed.", "en") == []
    assert m.find("आणि हॉस्पिटलला खूप उशिरा येतात.", "mr") == []
    assert m.find("आम्ही हॉस्पिटल प्रशासनाशी बोलत आहोत.", "mr") == []
    assert [m.find(t, "en")[0].entry.row for t in ("She was at Soroka Medical Center", "the Sassoon Hospital staff",
                                                   "back to ससून हॉस्पिटल")] == [2, 3, 3]


def test_common_english_word_of_a_multiword_name_needs_its_capital():
    m = RegisterMatcher(REG)
    assert [h.entry.row for h in m.find("then Joseph came", "en")] == [8]
    assert m.find("Joseph and his brothers, joseph", "en")[1:] == []


# --- 4. cross-script and misspelt register hits never fire on common words ------------------------
def test_cross_script_hits_skip_common_words_of_the_segment_language():
    m = RegisterMatcher(REG)
    assert m.find("Das ist mein Leben, sagte sie.", "de") == []          # not Levi / לוי
    assert m.find("כולם מסתכלים עליך כאילו אתה פצצה", "he") == []        # 'as if', not Kileo
    assert [h.method for h in m.find("Levi kam gestern", "de")] == ["exact"]
    assert [h.method for h in m.find("אמרתי לקילאו שלום", "he")] == ["translit"]  # a real transliteration


# --- 5. a ward or department named by its specialty is not an institution --------------------------
def test_ward_named_by_specialty_is_not_an_institution():
    assert detect("ich arbeite auf der Station für Allgemeinpsychiatrie.", "de") == []
    assert detect("she works in the Department of Psychiatry now", "en") == []
    assert [m.kind for m in detect("she works at the Mulago Psychiatry Department now", "en")] == ["institution"]
    assert [m.kind for m in detect("ich war in der Klinik Wiesengrund.", "de")] == ["institution"]


# --- 6. a misspelt register place after a title is a person ---------------------------------------
def test_misspelt_register_place_after_a_title_is_a_person_name():
    a = analyse("he helped me talk to Dr. Mushi so the dose changed", "en", matcher=RegisterMatcher(REG),
                code_pattern=r"P\d+", descriptors=frozenset({"name"}))
    assert a.register == []
    assert [(m.kind, m.detail) for m in a.names] == [("person-name", "name after a title")]
    b = analyse("we drove through Mushi village", "en", matcher=RegisterMatcher(REG),
                code_pattern=r"P\d+", descriptors=frozenset({"name"}))
    assert [h.method for h in b.register] == ["fuzzy"]  # no title: still the misspelt place


# --- 7. Marathi/Hindi honorifics joined to a name, before a case ending ---------------------------
def test_marathi_honorifics_are_stripped():
    assert "सुनीता" in stems("सुनीताताईंचा")
    assert "रमेश" in stems("रमेशभाऊंनी")
    assert "पाटील" in stems("पाटीलसाहेबांना")
    hits = RegisterMatcher(REG).find("सुनीताताईंचा स्वमदत गट दर शनिवारी भेटतो", "mr")
    assert [(h.entry.row, h.method) for h in hits] == [(5, "affix")]
