"""Term matching on the real parallel corpus: exact vs morphology vs morphology + fuzzy.

    python bench/terms_bench.py

How it measures. For each language a list of ~30 everyday concepts that occur often in the
corpus (government, president, child, hospital, election …), each with its source-language
lemma(s) as a glossary would list them and its English renderings. For every real pair:

* *truth* = the English side contains a rendering (strict English matcher: plural and
  possessive forms, no fuzzy, no prefix parts);
* *detected* = the source matcher under test finds the source term.

precision = P(truth | detected), recall = P(detected | truth), per language, pooled over
terms. Neither reaches 1 on real translations (translators paraphrase, use pronouns,
synonyms), so the figures compare matchers with each other; their difference is what
inflection handling buys. ``missing_term_false_alarm`` = share of detected (pair, term)
occurrences where glossary.missing-term would fire although the human translation is correct
by construction of the corpus — i.e. 1 − precision, an upper bound on the false-alarm rate
(part of it is paraphrase the glossary would indeed want to report).

German compounds: ``compound_min`` (shortest glossary word looked for inside a compound:
``Weltkrieg`` holds ``Krieg`` only if compound_min ≤ 5) is swept separately on the German
pairs.

Configurations: ``exact`` (case/accent folding, whole word: what Okapi/pofilter do),
``morph`` (affix rules + German compounds, no fuzzy), ``morph+fuzzy c/L`` (rapidfuzz ratio
≥ c for words of ≥ L letters). The defaults in transqa.terms.matcher are chosen from this
table (best mean F1 over the six languages without losing precision).

Writes bench/results/terms_bench.json.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import corpus  # noqa: E402

from transqa.terms import TermMatcher  # noqa: E402
from transqa.terms import morph as morph_mod  # noqa: E402

# concept: (source lemmas '|'-separated, English renderings '|'-separated)
TERMS: dict[str, list[tuple[str, str]]] = {
    "de": [
        ("Regierung", "government"), ("Präsident", "president"), ("Stadt", "city|town"), ("Kind", "child|children|kid"),
        ("Jahr", "year"), ("Wasser", "water"), ("Schule", "school"), ("Krankenhaus", "hospital"),
        ("Gesundheit", "health"), ("Wahl", "election|vote"), ("Polizei", "police"), ("Gericht", "court"),
        ("Gesetz", "law|act"), ("Minister", "minister|secretary"), ("Krieg", "war"), ("Welt", "world"),
        ("Universität", "university"), ("Krankheit", "disease|illness"), ("Arzt", "doctor|physician"),
        ("Unternehmen", "company|business|firm"), ("Partei", "party"), ("Familie", "family"), ("Geld", "money"),
        ("Woche", "week"), ("Markt", "market"), ("Kirche", "church"), ("Spiel", "game|match"),
        ("Mannschaft", "team|side"), ("Stunde", "hour"), ("Monat", "month"), ("Sprache", "language"),
        ("Wirtschaft", "economy|economic"), ("Frau", "woman|women|wife|Mrs|Ms"), ("Land", "country|land|state|nation"),
    ],
    "sw": [
        ("serikali", "government"), ("rais", "president"), ("nchi", "country|nation"), ("mji", "city|town"),
        ("mtoto", "child|children|kid"), ("mwaka", "year"), ("maji", "water"), ("shule", "school"),
        ("hospitali", "hospital"), ("afya", "health"), ("uchaguzi", "election|vote"), ("mwanamke", "woman|women"),
        ("polisi", "police"), ("mahakama", "court"), ("sheria", "law|act|legislation"), ("waziri", "minister"),
        ("vita", "war"), ("dunia", "world"), ("ugonjwa", "disease|illness"), ("daktari", "doctor"),
        ("kampuni", "company"), ("chama", "party"), ("mwanafunzi", "student|pupil"), ("familia", "family"),
        ("pesa|fedha", "money"), ("wiki", "week"), ("siku", "day"), ("soko", "market"), ("kanisa", "church"),
        ("kijiji", "village"), ("mwandishi wa habari", "journalist|reporter"), ("haki", "right|justice"),
        ("jamii", "community|society"), ("mtandao", "internet|network|online"), ("uhuru", "freedom|independence"),
    ],
    "lg": [
        ("gavumenti", "government"), ("pulezidenti", "president"), ("eggwanga", "country|nation"),
        ("ekibuga", "city|town"), ("omwana", "child|children|kid"), ("omwaka", "year"), ("amazzi", "water"),
        ("essomero", "school"), ("eddwaliro", "hospital"), ("okulonda", "election|vote"),
        ("omukazi", "woman|women|wife"), ("poliisi", "police"), ("kkooti", "court"), ("etteeka", "law|act"),
        ("minisita", "minister"), ("olutalo", "war"), ("obulwadde", "disease|illness"),
        ("omusawo", "doctor|health worker|medic"), ("kkampuni", "company"), ("omuyizi", "student|pupil"),
        ("ssente", "money|fund"), ("wiiki", "week"), ("olunaku", "day"), ("akatale", "market"),
        ("ekkanisa", "church"), ("ekyalo", "village"), ("omunnamawulire", "journalist|reporter"),
        ("obwakabaka", "kingdom"), ("kabaka", "king|kabaka"), ("omulimi", "farmer"), ("ettaka", "land"),
        ("omusomesa", "teacher"), ("amaka", "family|home|household"), ("enkola", "system|policy|program"),
    ],
    "he": [
        ("ממשלה", "government"), ("נשיא", "president"), ("מדינה", "country|state|nation"), ("עיר", "city|town"),
        ("ילד", "child|children|kid|boy"), ("שנה", "year"), ("מים", "water"), ("בית ספר", "school"),
        ("בית חולים", "hospital"), ("בריאות", "health"), ("בחירות", "election|vote"), ("אישה", "woman|women|wife"),
        ("משטרה", "police"), ("בית משפט", "court"), ("חוק", "law|act"), ("מלחמה", "war"), ("עולם", "world"),
        ("אוניברסיטה", "university"), ("מחלה", "disease|illness"), ("רופא", "doctor|physician"),
        ("מפלגה", "party"), ("סטודנט", "student"), ("משפחה", "family"), ("כסף", "money"), ("שבוע", "week"),
        ("יום", "day"), ("שוק", "market"), ("כנסייה", "church"), ("סופה", "storm"), ("גשם", "rain"),
        ("טמפרטורה", "temperature"), ("שחקן", "player|actor"), ("משחק", "game|match"), ("חברה", "company|society"),
    ],
    "mr": [
        ("सरकार", "government"), ("राष्ट्राध्यक्ष", "president"), ("देश", "country|nation"), ("शहर", "city|town"),
        ("मूल", "child|children|kid"), ("वर्ष", "year"), ("पाणी", "water"), ("शाळा", "school"),
        ("रुग्णालय", "hospital"), ("आरोग्य", "health"), ("निवडणूक", "election|vote"), ("महिला", "woman|women"),
        ("पोलीस", "police"), ("न्यायालय", "court"), ("कायदा", "law|act"), ("मंत्री", "minister"),
        ("युद्ध", "war"), ("जग", "world"), ("विद्यापीठ", "university"), ("आजार", "disease|illness"),
        ("डॉक्टर", "doctor"), ("कंपनी", "company"), ("पक्ष", "party"), ("विद्यार्थी", "student"),
        ("कुटुंब", "family"), ("पैसा", "money"), ("आठवडा", "week"), ("दिवस", "day"), ("बाजार", "market"),
        ("वादळ", "storm"), ("पाऊस", "rain"), ("खेळाडू", "player"), ("सामना", "match|game"), ("तापमान", "temperature"),
    ],
    "hi": [
        ("सरकार", "government"), ("राष्ट्रपति", "president"), ("देश", "country|nation"), ("शहर", "city|town"),
        ("बच्चा", "child|children|kid|baby"), ("वर्ष|साल", "year"), ("पानी", "water"), ("स्कूल", "school"),
        ("अस्पताल", "hospital"), ("स्वास्थ्य", "health"), ("चुनाव", "election|vote"), ("महिला", "woman|women"),
        ("पुलिस", "police"), ("अदालत|न्यायालय", "court"), ("कानून", "law|act"), ("मंत्री", "minister"),
        ("युद्ध", "war"), ("दुनिया|विश्व", "world"), ("विश्वविद्यालय", "university"), ("बीमारी|रोग", "disease|illness"),
        ("डॉक्टर|चिकित्सक", "doctor|physician"), ("कंपनी", "company"), ("पार्टी|दल", "party"), ("छात्र", "student"),
        ("परिवार", "family"), ("पैसा", "money"), ("सप्ताह|हफ्ता", "week"), ("दिन", "day"), ("बाजार", "market"),
        ("चर्च", "church"), ("शताब्दी|सदी", "century"), ("राजा", "king"), ("नदी", "river"), ("भाषा", "language"),
    ],
}

CONFIGS: list[tuple[str, dict]] = [("exact", {}), ("morph", {"fuzzy_cutoff": None})]
for cutoff in (75, 80, 85, 88, 90, 92, 95):
    for min_len in (5, 6, 7, 8):
        CONFIGS.append((f"fuzzy {cutoff}/{min_len}", {"fuzzy_cutoff": float(cutoff), "fuzzy_min_len": min_len}))


class ExactMatcher(TermMatcher):
    """Baseline: folded whole words only (no affixes, compounds or fuzzy)."""

    def __init__(self, phrases, lang):  # type: ignore[no-untyped-def]
        saved = morph_mod.MORPH.get((lang or "").split("-")[0])
        morph_mod.MORPH[lang] = morph_mod.Morph()
        try:
            super().__init__(phrases, lang, fuzzy_cutoff=None, compounds=False)
        finally:
            if saved is not None:
                morph_mod.MORPH[lang] = saved
        self.morph = morph_mod.Morph()

    def _keys(self, part):  # type: ignore[no-untyped-def]
        k = morph_mod.base(part, self.lang)
        return frozenset({k} & self._vocab)


def phrases(spec: str, idx: int) -> list[tuple[str, int]]:
    return [(p, idx) for p in spec.split("|")]


def measure(lang: str) -> dict:
    pairs = corpus.pairs(lang)
    terms = TERMS[lang]
    truth_m = TermMatcher([p for i, (_, en) in enumerate(terms) for p in phrases(en, i)], "en", fuzzy_cutoff=None)
    truth = [truth_m.contains(en) for _, en in pairs]
    src_phr = [p for i, (src, _) in enumerate(terms) for p in phrases(src, i)]
    out = {}
    for name, kw in CONFIGS:
        m = ExactMatcher(src_phr, lang) if name == "exact" else TermMatcher(src_phr, lang, **kw)
        tp = fp = fn = 0
        t0 = time.perf_counter()
        for (src, _), tr in zip(pairs, truth):
            found = m.contains(src)
            tp += len(found & tr)
            fp += len(found - tr)
            fn += len(tr - found)
        dt = time.perf_counter() - t0
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        out[name] = {"tp": tp, "fp": fp, "fn": fn, "precision": round(p, 4), "recall": round(r, 4), "f1": round(f1, 4),
                     "missing_term_false_alarm": round(1 - p, 4), "seconds": round(dt, 3)}
    return out


def curated() -> dict:
    """Matcher precision/recall on the curated inflected forms and near-miss distractors of
    tests/test_terms_morphology.py (7 languages incl. English)."""
    from test_terms_morphology import CURATED

    out = {}
    for name, kw in CONFIGS:
        tp = fp = fn = 0
        for lang, items in CURATED.items():
            for term, good, bad in items:
                m = ExactMatcher([(term, 0)], lang) if name == "exact" else TermMatcher([(term, 0)], lang, **kw)
                for form in good:
                    hit = bool(m.find(f"x {form} y"))
                    tp += hit
                    fn += not hit
                for form in bad:
                    fp += bool(m.find(f"x {form} y"))
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        out[name] = {"tp": tp, "fp": fp, "fn": fn, "precision": round(p, 4), "recall": round(r, 4)}
    return out


def compound_sweep() -> dict:
    """German only: the shortest glossary word looked for inside compounds (compound_min)."""
    lang = "de"
    terms = TERMS[lang]
    pairs = corpus.pairs(lang)
    truth_m = TermMatcher([p for i, (_, en) in enumerate(terms) for p in phrases(en, i)], "en", fuzzy_cutoff=None)
    truth = [truth_m.contains(en) for _, en in pairs]
    src_phr = [p for i, (src, _) in enumerate(terms) for p in phrases(src, i)]
    out = {}
    for cm in (4, 5, 6, 7, 8):
        m = TermMatcher(src_phr, lang, compound_min=cm)
        tp = fp = fn = 0
        for (src, _), tr in zip(pairs, truth):
            found = m.contains(src)
            tp += len(found & tr)
            fp += len(found - tr)
            fn += len(tr - found)
        p, r = tp / (tp + fp), tp / (tp + fn)
        out[cm] = {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r), 4)}
        print(f"de compound_min {cm}: P {p:.3f} R {r:.3f} F1 {out[cm]['f1']:.3f}")
    return out


def main() -> None:
    sweep = compound_sweep()
    cur = curated()
    results = {lang: measure(lang) for lang in corpus.LANGS}
    names = [n for n, _ in CONFIGS]
    print(f"{'config':16}" + "".join(f"{lang:>18}" for lang in corpus.LANGS) + f"{'mean F1':>9}")
    print(" " * 16 + "".join(f"{'P/R/F1':>18}" for _ in corpus.LANGS))
    mean_f1 = {}
    for n in names:
        row = [results[lang][n] for lang in corpus.LANGS]
        mean_f1[n] = sum(r["f1"] for r in row) / len(row)
        print(f"{n:16}" + "".join(f" {r['precision']:.3f}/{r['recall']:.3f}/{r['f1']:.3f}" for r in row)
              + f"{mean_f1[n]:>9.4f}   curated P/R {cur[n]['precision']:.3f}/{cur[n]['recall']:.3f} (fp {cur[n]['fp']})")
    best = max(names, key=lambda n: (round(mean_f1[n], 3), -names.index(n)))
    print(f"best mean F1: {best} ({mean_f1[best]:.4f}); morph {mean_f1['morph']:.4f}; exact {mean_f1['exact']:.4f}")
    out = ROOT / "bench" / "results" / "terms_bench.json"
    out.write_text(json.dumps({"results": results, "mean_f1": mean_f1, "best": best, "curated": cur, "de_compound_min": sweep,
                               "terms": TERMS}, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
