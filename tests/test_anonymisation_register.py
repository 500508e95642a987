"""Register hits: every spelling found, in every variant, and never shown beyond the matched text."""

from __future__ import annotations

import json

import pytest

from transqa.checks.context import Document
from transqa.checks.registry import REGISTRY
from transqa.checks.runner import run_checks
from transqa.checks.settings import CheckSettings
from transqa.identifiers.register_match import RegisterMatcher
from transqa.identifiers.translit import cross_match, same_name
from transqa.model import Bead, Segment, Transcript, TranscriptPair
from transqa.model.register import Register, RegisterEntry

REG = Register([
    RegisterEntry("Amani Juma", "[P3]", "person", ("Amanni",), row=2),
    RegisterEntry("Baraka Mushi", "[P4]", "person", row=3),
    RegisterEntry("Jürgen Weber", "[P5]", "person", row=4),
    RegisterEntry("משה", "[P6]", "person", row=5),
    RegisterEntry("יוסי", "[P7]", "person", row=6),
    RegisterEntry("प्रिया", "[P8]", "person", row=7),
    RegisterEntry("Ravi", "[P9]", "person", row=8),
    RegisterEntry("Butabika Hospital", "[hospital]", "organisation", row=9),
    RegisterEntry("Ssemakula", "[P10]", "person", row=10),
])


@pytest.fixture(scope="module")
def matcher():
    return RegisterMatcher(REG)


def found(matcher, text):
    return [(text[h.start:h.end], h.entry.replacement) for h in matcher.find(text)]


@pytest.mark.parametrize("text,expect", [
    ("I saw AMANI yesterday", ("AMANI", "[P3]")),                     # case
    ("Jurgen Weber came", ("Jurgen Weber", "[P5]")),                 # diacritics
    ("Amani's mother", ("Amani's", "[P3]")),                         # possessive
    ("Amani’s mother", ("Amani’s", "[P3]")),
    ("Amanis Mutter", ("Amanis", "[P3]")),                           # German genitive
    ("nagenze n'Amani", ("n'Amani", "[P3]")),                        # Luganda clitic
    ("rafiki wa Amani", ("Amani", "[P3]")),                          # Swahili
    ("ולמשה אמרתי", ("ולמשה", "[P6]")),                              # Hebrew prefixes
    ("שמשה אמר", ("שמשה", "[P6]")),
    ("प्रियाला सांगितले", ("प्रियाला", "[P8]")),                     # Marathi case ending
    ("then Ssemaukla arrived", ("Ssemaukla", "[P10]")),              # one edit
    ("then Amanni arrived", ("Amanni", "[P3]")),                     # listed variant
    ("Moshe told us", ("Moshe", "[P6]")),                            # Hebrew original, Latin text
    ("Yossi told us", ("Yossi", "[P7]")),
    ("Priya told us", ("Priya", "[P8]")),                            # Devanagari original
    ("रवी आला", ("रवी", "[P9]")),                                    # Latin original, Devanagari text
    ("we went to butabika hospital", ("butabika hospital", "[hospital]")),
    ("Baraka Mushi's house", ("Baraka Mushi's", "[P4]")),           # multiword + possessive
])
def test_variants_are_found(matcher, text, expect):
    assert expect in found(matcher, text)


@pytest.mark.parametrize("text", [
    "the hospital was full",          # a generic part of a longer name alone
    "amani na upendo",                # 'amani' (peace) in lower case: a word, not the name
    "baraka za Mungu",                # 'baraka' (blessing)
    "Semantics matter",               # not within one edit
    "shalom, we moved on",
])
def test_ordinary_words_are_not_hits(matcher, text):
    assert found(matcher, text) == []


@pytest.mark.parametrize("a,b", [("Moshe", "משה"), ("Ravi", "रवी"), ("Priya", "प्रिया"), ("Yossi", "יוסי"),
                                 ("Cohen", "כהן"), ("Deshmukh", "देशमुख"), ("Avraham", "אברהם")])
def test_cross_script_names(a, b):
    assert same_name(a, b)
    assert cross_match(a, b)  # Latin/Devanagari text word against a Hebrew or other-script register word


@pytest.mark.parametrize("text_word,register_word", [("מעשה", "Mosha"), ("שלו", "Sushila"), ("China", "שושנה"),
                                                     ("Moti", "मोठ्या")])
def test_cross_script_rejects_lookalike_words(text_word, register_word):
    assert not cross_match(text_word, register_word)


# A register kept in Latin letters at the Hebrew and Marathi sites.
LATIN_REG = Register([
    RegisterEntry("Moshe Levi", "[P1]", "person", row=2),
    RegisterEntry("Yael", "[P2]", "person", row=3),
    RegisterEntry("Anna", "[P3]", "person", row=4),
    RegisterEntry("Ali", "[P4]", "person", row=5),
    RegisterEntry("Ketan", "[P5]", "person", row=6),
    RegisterEntry("Massawe", "[P6]", "person", row=7),
])


@pytest.mark.parametrize("text,expect", [
    ("אז משה לוי אמר לי", ("משה לוי", "[P1]")),    # a Hebrew name the register spells in Latin letters
    ("ולמשה לא היה כסף", ("ולמשה", "[P1]")),        # ... under prefixes
    ("סיפרתי ליעל הכול", ("ליעל", "[P2]")),
    ("मी अन्नाला सांगितले", ("अन्नाला", "[P3]")),      # one consonant: Devanagari writes the vowels
    ("अली आला नाही", ("अली", "[P4]")),
])
def test_latin_register_finds_native_spellings(text, expect):
    assert expect in found(RegisterMatcher(LATIN_REG), text)


@pytest.mark.parametrize("text", [
    "זה היה מעשה טוב",             # מעשה has Moshe's consonants but is "deed", not in the names list
    "הוא ילד קטן",                 # קטן ("small") spells Ketan: a common Hebrew word is a word
    "קשה למצוא עבודה",             # למצוא fits Massawe's consonants
    "ती घरी आली",                  # आली ("came"): Ali's key, but a long first vowel
    "त्याला घरी यायचे आना",          # आना ("to come") against Anna
])
def test_latin_register_leaves_ordinary_words(text):
    assert found(RegisterMatcher(LATIN_REG), text) == []


def _doc(src: list[str], tgt: list[str], *, register=REG, redact=False, lang="sw") -> Document:
    s = Transcript("s", [Segment(i + 1, t) for i, t in enumerate(src)], lang)
    t = Transcript("t", [Segment(i + 1, x) for i, x in enumerate(tgt)], "en")
    n = min(len(src), len(tgt))
    return Document(TranscriptPair("d", s, t, source_lang=lang), [Bead((i,), (i,), 1.0) for i in range(n)],
                    CheckSettings(register=register, redact=redact))


def _run(doc):
    return run_checks([doc], REGISTRY.select(["anonymisation"]))[doc.id]


def test_register_hit_findings_on_both_sides_with_spans():
    doc = _doc(["Amani alisema kwamba mama yake yuko Butabika Hospital."],
               ["Amani's mother is at butabika hospital, he said."])
    hits = [f for f in _run(doc) if f.check == "anonymisation.register-hit"]
    by_side = {(f.side, doc.segments(f.side)[0].text[f.span[0]:f.span[1]]) for f in hits}
    assert by_side == {("source", "Amani"), ("source", "Butabika Hospital"),
                       ("translation", "Amani's"), ("translation", "butabika hospital")}
    assert all(f.severity.name == "ERROR" for f in hits)
    assert any("[P3]" in f.message for f in hits) and any("[hospital]" in f.message for f in hits)


def test_single_transcript_mode_any_language():
    s = Transcript("s", [Segment(1, "ולמשה היה בית")], "he")
    doc = Document(TranscriptPair("d", s, None, source_lang="he"), [], CheckSettings(register=REG))
    hits = [f for f in run_checks([doc], REGISTRY.select(["anonymisation"]))["d"] if f.check == "anonymisation.register-hit"]
    assert [(f.side, f.span) for f in hits] == [("source", (0, 5))]


def _json(findings) -> str:
    return json.dumps([{**f.to_json(), "evidence": f.evidence} for f in findings], ensure_ascii=False)


def test_report_never_contains_register_contents_not_in_the_text():
    # The text has a misspelling and a transliteration: the register's own spellings, its other
    # entries and its variants must not appear anywhere in the findings.
    doc = _doc(["Amnai alisema."], ["Moshe said Amnai left."])
    out = _run(doc)
    assert any(f.check == "anonymisation.register-hit" for f in out)
    blob = _json(out)
    for e in REG.entries:
        for spelling in e.spellings:
            for word in spelling.split():
                if word not in ("Hospital",):
                    assert word not in blob, f"register content leaked: row {e.row}"
    assert "Moshe" in blob and "Amnai" in blob  # the text itself may be shown


def test_redact_masks_even_the_matched_text():
    doc = _doc(["Amani alisema, piga 0772 123456."], ["Amani said, call 0772 123456."], redact=True)
    out = _run(doc)
    assert any(f.check == "anonymisation.register-hit" for f in out)
    assert any(f.check == "anonymisation.phone" for f in out)
    blob = _json(out)
    assert "Amani" not in blob and "0772" not in blob
    assert "[P3]" in blob  # the replacement is safe to show
    assert all(f.evidence is None or f.evidence.startswith("sha256:") for f in out if f.check != "anonymisation.blank-out")


def test_cli_json_report_keeps_register_private(tmp_path, capsys):
    from transqa.cli.main import main

    (tmp_path / "s.txt").write_text("R1: Amani alisema mama yake yuko hospitali.\nM: Asante.\n", encoding="utf-8")
    (tmp_path / "e.txt").write_text("R1: Amani said his mother is in hospital.\nM: Thank you.\n", encoding="utf-8")
    (tmp_path / "reg.csv").write_text("original,replacement,type,variants\nAmani,[P3],person,אמני|Amanni\n"
                                      "Baraka Mushi,[P4],person,\n", encoding="utf-8")
    rc = main(["check", "--source", str(tmp_path / "s.txt"), "--translation", str(tmp_path / "e.txt"),
               "--source-lang", "sw", "--register", str(tmp_path / "reg.csv"), "--format", "json"])
    out = capsys.readouterr().out
    assert rc == 1
    data = json.loads(out)
    checks = {f["check"] for t in data["transcripts"] for f in t["findings"]}
    assert "anonymisation.register-hit" in checks
    for secret in ("אמני", "Amanni", "Baraka", "Mushi"):
        assert secret not in out


def test_register_original_used_as_speaker_label():
    s = Transcript("s", [Segment(1, "Nilikuwa nyumbani.", speaker="Amani", raw="Amani: Nilikuwa nyumbani.")], "sw")
    doc = Document(TranscriptPair("d", s, None, source_lang="sw"), [], CheckSettings(register=REG))
    hits = [f for f in run_checks([doc], REGISTRY.select(["anonymisation"]))["d"] if f.check == "anonymisation.register-hit"]
    assert len(hits) == 1 and hits[0].span is None and "speaker label" in hits[0].message and "[P3]" in hits[0].message
    doc = Document(TranscriptPair("d", s, None, source_lang="sw"), [], CheckSettings(register=REG, redact=True))
    hits = [f for f in run_checks([doc], REGISTRY.select(["anonymisation"]))["d"] if f.check == "anonymisation.register-hit"]
    assert hits and "Amani" not in hits[0].message and hits[0].evidence is None
