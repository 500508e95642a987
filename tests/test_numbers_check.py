"""numbers.mismatch: values, not strings; both directions; number words in seven languages."""

from __future__ import annotations

import random
import re

import pytest

from transqa.checks import REGISTRY, run_checks
from transqa.checks.context import Document
from transqa.checks.numbers import unit_mismatches
from transqa.checks.settings import CheckSettings
from transqa.model import Bead, Segment, Transcript, TranscriptPair


@pytest.mark.parametrize(
    "lang,src,en",
    [
        ("mr", "आम्ही ५ जण होतो.", "There were 5 of us."),
        ("mr", "२०१९ मध्ये", "in 2019"),
        ("mr", "8,20,000 पेक्षा जास्त लोक", "more than 820,000 people"),
        ("mr", "50 लाख स्त्रिया", "5 million women"),
        ("hi", "तीन गुना", "3 times"),
        ("hi", "सोलहवीं शताब्दी में", "in the 16th century"),
        ("de", "2,5 Stunden", "2.5 hours"),
        ("de", "anderthalb Jahre", "1.5 years"),
        ("de", "1,5 Jahre", "one and a half years"),
        ("de", "drei Leute", "3 people"),
        ("de", "Am 3. März", "On 3 March"),
        ("de", "Am 3. März", "On the third of March"),
        ("de", "ein 18-jähriger", "an eighteen year old"),
        ("de", "zweimonatigen Brutzeit", "the 2 month breeding period"),
        ("de", "in den 1970ern", "in the seventies"),
        ("de", "um 10:30 Uhr", "at 10.30am"),
        ("de", "6 % auf 221 Milliarden Dollar", "6% to $221bn"),
        ("en", "1,500 people", "1.500 people"),
        ("sw", "watu watatu", "3 people"),
        ("sw", "hekta 1,500 na 40,000", "1,500 and 40,000 hectares"),
        ("sw", "asilimia 99.5", "99.5 percent"),
        ("sw", "saa 5 asubuhi", "11 am"),
        ("sw", "Mei 29, 2015", "29 May 2015"),
        ("sw", "milioni 5", "5 million"),
        ("lg", "abantu basatu", "3 people"),
        ("lg", "ku ssaawa nnya ez'ekiro", "after 10pm"),
        ("lg", "omusajja ow'emyaka ataano mu ebiri", "a 52 year old man"),
        ("lg", "mu 1980", "in one thousand nine hundred eighty"),
        ("he", "שלושה אנשים", "3 people"),
        ("he", "בשנות ה- 30", "in the 1930s"),
        ("he", "חזיר שמשקלו 250 ק“ג", "the 550 pound hog"),
        ("he", "בשנים 1950-1953", "the 1950-53 war"),
        ("he", "2.8 מיליארד", "£2.8bn"),
        ("he", "גלים בגובה של 6 מטר", "waves 6 metres (18 ft) high"),
        ("he", "טמפרטורה של 27 מעלות", "a temperature of 80 degrees"),
    ],
)
def test_correct_pairs_are_quiet(lang, src, en):
    assert unit_mismatches(src, en, lang) == ([], [])


@pytest.mark.parametrize(
    "lang,src,en,missing,extra",
    [
        ("de", "Wir waren 15 Leute.", "There were 50 of us.", ["15"], ["50"]),
        ("de", "Es waren keine.", "There were 12 of us.", [], ["12"]),  # the other direction
        ("mr", "आम्ही ५ जण होतो.", "There were 6 of us.", ["५"], ["6"]),
        ("de", "in den 1970ern", "in the 1570s", ["1970"], ["1570"]),
        ("he", "בשעה 7.55 בבוקר", "at 7.54am", ["7.55"], ["7.54"]),
        ("sw", "watu watatu na 4", "3 people and 5", ["4"], ["5"]),
        ("he", "גלים בגובה של 6 מטר", "waves 6 metres (48 ft) high", [], ["48"]),
        ("he", "חזיר שמשקלו 250 ק“ג", "the 350 pound hog", ["250"], ["350"]),
    ],
)
def test_changed_numbers_are_found_both_ways(lang, src, en, missing, extra):
    m, e = unit_mismatches(src, en, lang)
    assert [i.text for i in m] == missing and [i.text for i in e] == extra


def test_words_alone_never_raise():
    assert unit_mismatches("drei oder vier", "five", "de") == ([], [])


def test_finding_points_at_the_number():
    src = [Segment(7, "Wir waren 15 Leute.")]
    tgt = [Segment(9, "There were 50 of us.")]
    pair = TranscriptPair("D", Transcript("s", src, "de"), Transcript("t", tgt, "en"), source_lang="de")
    doc = Document(pair, [Bead((0,), (0,), 1.0)], CheckSettings())
    found = run_checks([doc], REGISTRY.select(["numbers"]))["D"]
    by_side = {f.side: f for f in found}
    assert set(by_side) == {"source", "translation"}
    assert src[0].text[slice(*by_side["source"].span)] == "15"
    assert tgt[0].text[slice(*by_side["translation"].span)] == "50"
    assert by_side["translation"].translation_lines == (9,)


def _plant(text: str, rng: random.Random) -> str:
    """Change one digit of a quantity (not of a code such as R1, G7 or COVID-19)."""
    runs = [m for m in re.finditer(r"\d+", text)
            if not (m.start() and (text[m.start() - 1].isalpha() or re.search(r"[A-Z]{2,}-$", text[: m.start()])))]
    if not runs:
        return text
    run = rng.choice(runs)
    i = rng.randrange(run.start(), run.end())
    new = rng.choice([d for d in "123456789" if d != text[i]])
    return text[:i] + new + text[i + 1:]


@pytest.mark.parametrize("lang", ["sw", "lg", "de", "he", "hi", "mr"])
def test_real_pairs_quiet_and_planted_changes_caught(parallel, lang):
    """Seeded sample of the real corpus; bounds are the full-corpus figures of
    bench/numbers_bench.py (flag rate ≤ 1.1 %, planted recall ≥ 97.4 %) with sampling margin."""
    rng = random.Random(7)
    pairs = rng.sample(parallel.pairs(lang), 400)
    flagged = sum(bool(any(unit_mismatches(s, e, lang))) for s, e in pairs)
    assert flagged / len(pairs) <= 0.04
    planted = [(s, p) for s, e in pairs if not any(unit_mismatches(s, e, lang)) and (p := _plant(e, rng)) != e]
    caught = sum(bool(any(unit_mismatches(s, e, lang))) for s, e in planted)
    assert len(planted) >= 20
    assert caught / len(planted) >= 0.93
