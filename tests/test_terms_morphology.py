"""The term matcher on curated inflected forms and near-miss distractors, per language.

Each case: a glossary term, forms that must be found (inflection, clitics, compounds, noun
classes), and distractors that must not (other words sharing letters or a stem). The same
lists are used by bench/terms_bench.py to report matcher precision/recall per configuration.
"""

from __future__ import annotations

import pytest

from transqa.terms import TermMatcher

# lang: [(term, [must match], [must not match])]
CURATED: dict[str, list[tuple[str, list[str], list[str]]]] = {
    "de": [
        ("Peer-Begleiter", ["Peer-Begleiter", "Peer-Begleiterin", "Peer-Begleiterinnen", "Peer-Begleitern",
                            "Peerbegleiter", "Peer Begleiters"], ["Begleiter", "Begleitung", "Peers"]),
        ("Genesungsbegleiter", ["Genesungsbegleiterin", "Genesungsbegleiterinnen", "Genesungsbegleitern",
                                "EX-IN-Genesungsbegleiter", "Genesungsbegleiterausbildung"],
         ["Genesung", "Genesungsbegleitung", "Begleiter"]),
        ("Genesungsbegleitung", ["Genesungsbegleitung", "Genesungsbegleitungen"], ["Genesungsbegleiter", "Begleitung"]),
        ("Stigmatisierung", ["Stigmatisierungen", "Selbststigmatisierung", "Stigmatisierungserfahrungen"],
         ["Stigma", "stigmatisiert"]),
        ("Berater", ["Beratern", "Beraterin", "Beraterinnen", "Beraters"], ["beraten", "Beratung", "Rat"]),
        ("psychische Gesundheit", ["psychischen Gesundheit", "psychischer Gesundheit"], ["psychisch gesund", "Gesundheit"]),
        ("Rückfall", ["Rückfälle", "Rückfällen", "Rückfalls"], ["Rückgang", "Fall"]),
    ],
    "sw": [
        ("mfanyakazi wa afya ya akili", ["wafanyakazi wa afya ya akili", "mfanyakazi wa afya ya akili"],
         ["mfanyakazi wa benki"]),
        ("unyanyapaa", ["unyanyapaa", "kunyanyapaa"], ["nyanya"]),
        ("mtoto", ["watoto", "mtoto"], ["utoto", "toto"]),
        ("kiongozi", ["viongozi", "kiongozi"], ["uongozi"]),
        ("ugonjwa", ["magonjwa", "ugonjwa"], ["wagonjwa"]),
        # (known limit: "waka" would match — mw-/w- are also the class 1/2 pair, mwalimu/walimu)
        ("mwaka", ["miaka", "mwaka"], ["maka"]),
        ("daktari", ["madaktari"], ["takwimu"]),
        ("hospitali", ["hospitalini"], ["hospitality"]),
        ("mtumiaji wa huduma", ["watumiaji wa huduma"], ["matumizi ya huduma"]),
    ],
    "lg": [
        ("omuwagizi", ["abawagizi", "muwagizi", "bawagizi", "omuwagizi"], ["okuwagira"]),
        ("omusawo", ["abasawo", "basawo"], ["omusajja"]),
        ("ekibuga", ["ebibuga", "kibuga"], ["ebibala"]),
        ("olunaku", ["ennaku", "lunaku"], ["omunaku"]),
        ("okulonda", ["kulonda", "ebyokulonda"], ["abalonzi"]),
        ("kabaka", ["kabaka"], ["omubaka", "ababaka"]),
        ("enkola", ["enkola", "nkola"], ["okukola", "akola"]),
    ],
    "he": [
        ("מטפל", ["המטפל", "והמטפלים", "מטפלים", "שהמטפל"], ["טיפול", "מטפס"]),
        ("בריאות הנפש", ["בבריאות הנפש", "ובריאות הנפש"], ["בריאות הגוף"]),
        ("סטיגמה", ["הסטיגמה", "סטיגמות", "בסטיגמה"], ["סטטוס"]),
        ("הדרכה", ["בהדרכה", "ההדרכה", "הדרכות"], ["דרכה", "דרך"]),
        ("מדינה", ["מדינות", "במדינה"], ["מדינאי"]),
        ("אישה", ["האישה", "לאישה"], ["איש", "האיש"]),
        ("שלום", ["ושלום", "השלום", "כשלום", "מהשלום"], ["שלוש"]),
        ("תמיכה", ["ותמיכה", "שבתמיכה", "ולתמיכה", "התמיכות"], ["תמיד"]),
    ],
    "mr": [
        ("कलंक", ["कलंकाला", "कलंकामुळे", "कलंकाचा", "कलंक"], ["कल"]),
        ("कर्मचारी", ["कर्मचाऱ्यांना", "कर्मचाऱ्यांच्या", "कर्मचारी"], ["कर्म"]),
        ("आठवडा", ["आठवड्यात", "आठवडे"], ["आठवण"]),
        ("पोलीस", ["पोलिसांनी", "पोलीस"], ["पोल"]),
        ("निवडणूक", ["निवडणुकीत", "निवडणुका"], ["निवड"]),
        ("मूल", ["मुलांना", "मुले"], ["मूळ"]),
        ("रुग्णालय", ["रुग्णालयामध्ये", "रुग्णालयासाठी", "रुग्णालयाशी", "रुग्णालयाने", "रुग्णालयात", "रुग्णालयाचे"],
         ["रुग्ण"]),
    ],
    "hi": [
        ("कर्मचारी", ["कर्मचारियों", "कर्मचारी"], ["कर्म"]),
        ("बच्चा", ["बच्चे", "बच्चों"], ["बचत"]),
        ("बीमारी", ["बीमारियों", "बीमारियां"], ["बीमा"]),
        ("मानसिक स्वास्थ्य", ["मानसिक स्वास्थ्य"], ["शारीरिक स्वास्थ्य"]),
        ("अस्पताल", ["अस्पतालों", "अस्पताल"], ["अस्त"]),
    ],
    "en": [
        ("peer support worker", ["peer support workers", "peer-support worker's", "Peer Support Workers'"],
         ["support worker", "peer support"]),
        ("service user", ["service users", "service user's", "service-users'"], ["user service", "service"]),
        ("recovery", ["recovery", "recoveries"], ["recover", "discovery"]),
    ],
}


def cases():
    for lang, items in CURATED.items():
        for term, good, bad in items:
            for form in good:
                yield pytest.param(lang, term, form, True, id=f"{lang}-{form}")
            for form in bad:
                yield pytest.param(lang, term, form, False, id=f"{lang}-not-{form}")


@pytest.mark.parametrize("lang,term,form,expected", list(cases()))
def test_curated_forms(lang, term, form, expected):
    m = TermMatcher([(term, 0)], lang)
    assert bool(m.find(f"x {form} y")) is expected


def test_span_covers_the_inflected_form():
    m = TermMatcher([("Peer-Begleiter", 0)], "de")
    text = "Die Peer-Begleiterinnen kamen."
    (hit,) = m.find(text)
    assert text[hit.start:hit.end] == "Peer-Begleiterinnen"


def test_longer_term_wins_over_contained_one():
    m = TermMatcher([("mental health", "mh"), ("mental health worker", "mhw")], "en")
    assert [h.label for h in m.find("two mental health workers")] == ["mhw"]
    assert {h.label for h in m.find("two mental health workers", overlapping=True)} == {"mh", "mhw"}


def test_one_pass_many_terms():
    terms = [(f"term{i}", i) for i in range(500)] + [("Peer-Begleiter", "pb")]
    m = TermMatcher(terms, "de")
    assert [h.label for h in m.find("unsere Peer-Begleiterinnen und term7")] == ["pb", 7]


def test_compound_part_yields_to_the_whole_term():
    m = TermMatcher([("Genesung", "recovery"), ("Genesungsbegleiter", "psw")], "de")
    assert [h.label for h in m.find("Die Genesungsbegleiterin kam")] == ["psw"]
    assert [h.label for h in m.find("Der Genesungsweg ist lang")] == ["recovery"]
