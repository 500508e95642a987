"""Names, places and institutions the register does not list."""

from __future__ import annotations

import pytest

from transqa.checks.context import Document
from transqa.checks.registry import REGISTRY
from transqa.checks.runner import run_checks
from transqa.checks.settings import CheckSettings
from transqa.identifiers.names import detect, lowercase_vocabulary
from transqa.model import Bead, Segment, Transcript, TranscriptPair


def found(text, lang, **kw):
    return [(m.kind, text[m.start:m.end]) for m in detect(text, lang, **kw)]


@pytest.mark.parametrize("text,lang,item", [
    ("then Dr. Sarah Mwangi told us", "en", "Dr. Sarah Mwangi"),
    ("and Mama Amina came", "sw", "Mama Amina"),
    ("nilimwona Bwana Kitwana jana", "sw", "Bwana Kitwana"),
    ("yagamba Ssebo Kato nti", "lg", "Ssebo Kato"),
    ("und Frau Schwarzkopf sagte", "de", "Frau Schwarzkopf"),
    ('אז ד"ר לויטן אמר', "he", 'ד"ר לויטן'),
    ("मग श्री पाटणकर म्हणाले", "mr", "श्री पाटणकर"),
])
def test_names_after_titles(text, lang, item):
    assert ("person-name", item) in found(text, lang)


@pytest.mark.parametrize("text,lang,item", [
    ("she was taken to Butabika Hospital yesterday", "en", "Butabika Hospital"),
    ("we met at St. Mary's Church on", "en", "St. Mary's Church"),
    ("wir waren in den Kliniken Ulm", "de", "Kliniken Ulm"),
    ("alilazwa hospitali ya Muhimbili wiki", "sw", "hospitali ya Muhimbili"),
])
def test_institutions(text, lang, item):
    assert ("institution", item) in found(text, lang)


@pytest.mark.parametrize("text,lang,item", [
    ("we moved from Mbarara last year", "en", "Mbarara"),
    ("huko Dar es Salaam kuna", "sw", "Dar es Salaam"),
    ("wir fahren nach Ulm morgen", "de", "Ulm"),
    ("גרתי בקמפלה שנתיים", "he", "בקמפלה"),
    ("נסענו לבאר שבע", "he", "לבאר שבע"),
    ("ते मुंबईला गेले", "mr", "मुंबईला"),
])
def test_places_in_every_script(text, lang, item):
    assert ("place", item) in found(text, lang)


def test_possible_names_in_latin_script_but_not_sentence_initial_or_common():
    assert ("person-name", "Okwi") in found("yesterday I told Okwi about it", "en")
    assert found("Yesterday I told him about it.", "en") == []
    assert found("The Court held that the Government was wrong.", "en") == []
    # sentence-initial and alone: a name only when English has no such word and a lower-case word follows
    assert found("I went. Stayed home he did", "en") == []
    assert found("I went. Okwi Kampala", "sw") == [("place", "Kampala")]
    assert ("person-name", "Okwi") in found("I went. Okwi stayed home", "en")
    assert ("person-name", "Okwi") not in found("Nilienda. Okwi alikaa nyumbani", "sw")


def test_word_names_and_initials():
    """Swahili virtue names are words in lower case and names capitalised; initials name people."""
    assert ("person-name", "Rehema Mushi") in found("I am Rehema Mushi and I sell food", "en")
    assert found("kwa rehema ya Mungu tumepona", "sw") == []
    assert ("person-name", "A.N.") in found("The twelfth applicant, A.N., is a woman", "en")
    assert ("person-name", "R.K. Bhattarai") in found("the applicant R.K. Bhattarai said", "en")
    assert found("The U.S. and the U.N. agreed", "en") == []


def test_a_place_beside_an_uncommon_word_leaves_a_name():
    assert ("person-name", "Khalil") in found("our neighbour Abu Khalil phoned", "en")
    assert ("place", "United Kingdom") in found("she came to the United Kingdom in May", "en")


def test_german_nouns_are_not_names():
    assert found("Die Behandlung im Krankenhaus war gut, sagte die Pflegerin.", "de") == []


def test_lowercase_evidence_and_allow_list():
    vocab = lowercase_vocabulary(["the bishop came", "we saw a bishop"])
    assert found("then Bishop spoke", "en", lower_vocab=vocab) == []
    assert ("place", "Ulm") in found("we met in Ulm", "en")
    assert found("we met in Ulm", "en", allow=frozenset({"ulm"})) == []


def test_hebrew_common_words_are_not_places():
    assert found("אבל האולם היה מלא", "he") == []  # אולם is also Ulm's Hebrew name


def test_severities_in_checks():
    s = Transcript("s", [Segment(1, "Mama Amina alikwenda Mbarara na Okwi.")], "sw")
    t = Transcript("t", [Segment(1, "Mama Amina went to Mbarara with Okwi.")], "en")
    doc = Document(TranscriptPair("d", s, t, source_lang="sw"), [Bead((0,), (0,), 1.0)],
                   CheckSettings(allow=frozenset()))
    out = run_checks([doc], REGISTRY.select(["anonymisation"]))["d"]
    sev = {(f.check, f.side, t.segments[0].text[f.span[0]:f.span[1]] if f.side == "translation" else s.segments[0].text[f.span[0]:f.span[1]]): f.severity.name for f in out}
    assert sev[("anonymisation.person-name", "translation", "Mama Amina")] == "ERROR"
    assert sev[("anonymisation.place", "translation", "Mbarara")] == "WARNING"
    assert sev[("anonymisation.person-name", "translation", "Okwi")] == "WARNING"  # no cue: possible name


def test_study_allow_list_silences_public_names():
    s = Transcript("s", [Segment(1, "Tulikwenda Mbarara.")], "sw")
    doc = Document(TranscriptPair("d", s, None, source_lang="sw"), [], CheckSettings(allow=frozenset({"Mbarara"})))
    assert [f for f in run_checks([doc], REGISTRY.select(["anonymisation"]))["d"]] == []


def test_gazetteer_loads_lazily_not_at_import():
    import subprocess
    import sys

    code = ("import transqa.checks, transqa.identifiers.gazetteer as g; "
            "print(g.gazetteer.cache_info().currsize)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "0"


def test_untitled_first_name_and_surname_at_a_sentence_start():
    assert found("Oksana Petrenko said that she had left.", "en") == [("person-name", "Oksana Petrenko")]
    assert found("Yesterday Petrenko said so.", "en") == [("person-name", "Petrenko")]  # a word, then a name
    assert found("I went. Meanwhile he stayed home", "en") == []  # a word alone at a sentence start
    # Swahili and Luganda sentences start with verbs no word list holds: the verb is not a first name
    assert found("Twalaba Nakatto ne maama we.", "lg") == [("person-name", "Nakatto")]


def test_institution_nouns_of_other_languages_with_their_linking_words():
    assert ("institution", "Hôpital de la Timone") in found("she worked at the Hôpital de la Timone from", "en")


def test_occupation_and_nationality_are_warnings_in_checks():
    s = Transcript("s", [Segment(1, "My brother worked as a taxi driver; he is a Kenyan national.")], "en")
    doc = Document(TranscriptPair("d", s, None, source_lang="en"), [], CheckSettings())
    out = {(f.check, s.segments[0].text[f.span[0]:f.span[1]], f.severity.name)
           for f in run_checks([doc], REGISTRY.select(["anonymisation"]))["d"]}
    assert ("anonymisation.occupation", "taxi driver", "WARNING") in out
    assert ("anonymisation.nationality", "Kenyan", "WARNING") in out


def test_allow_listed_occupation_is_not_reported():
    s = Transcript("s", [Segment(1, "Before that I was a nurse in the ward.")], "en")
    doc = Document(TranscriptPair("d", s, None, source_lang="en"), [], CheckSettings(allow=frozenset({"nurse"})))
    assert not [f for f in run_checks([doc], REGISTRY.select(["anonymisation"]))["d"] if f.check.endswith("occupation")]


def test_patronymics_join_a_name_and_titles_stack():
    assert ("person-name", "Hamisi bin Salim") in found("The applicant's brother, Hamisi bin Salim, who lives", "en")
    assert ("person-name", "Maria da Conceição Ferreira") in found("his sister, Maria da Conceição Ferreira, a", "en")
    assert ("person-name", "Dr. med. Claudia Vogt") in found("The psychiatrist, Dr. med. Claudia Vogt, in Hamburg", "en")


def test_a_capitalised_common_word_after_a_name_belongs_to_it():
    assert ("person-name", "Bakari Mohamed Said") in found("Among them was Bakari Mohamed Said, a mechanic", "en")
    assert ("person-name", "Said") not in found("Later Amani said nothing", "en")


def test_a_name_given_once_is_a_name_where_it_opens_a_sentence():
    text = "his sister, Rose Nalwoga, lived in Kyotera. Rose used to telephone him."
    assert [m for m in found(text, "en") if m == ("person-name", "Rose")]
    assert found("Rose bushes grow here.", "en") == []
