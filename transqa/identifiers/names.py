"""Probable personal names, places and institutions that the register does not list.

Offline and without a model, so by rules that look only at capitalised words (Latin script)
and at the words of scripts without capitals (Hebrew, Devanagari):

* **titles and address forms** (``Dr.``, ``Mama``, ``Bwana``, ``Frau``, ``Ssebo``, ``ד"ר``,
  ``श्री``) before a word: a person's name — in every script;
* **institution nouns** next to a capitalised word (``Butabika Hospital``, ``St. Mary's
  Church``, ``Kliniken Ulm``, ``hospitali ya Muhimbili``): an institution;
* **the gazetteer** (GeoNames cities, countries, the study countries' districts, with their
  Hebrew and Devanagari names): a place;
* in Latin script, a **run of capitalised words that is not sentence-initial**, not a common
  word of the language, not a word the same document also writes in lower case, and not
  allow-listed: a possible name. German capitalises every noun, so there only the first three
  rules apply.

Cost: a segment without capitals and without Hebrew/Devanagari letters costs one regex scan.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from transqa.identifiers.affixes import fold_word
from transqa.identifiers.gazetteer import Gazetteer, _non_latin_worthy, gazetteer
from transqa.identifiers.lexicon import ALL_COMMON, COMMON_WORDS, INSTITUTION_NOUNS, MONTHS, TITLES
from transqa.identifiers.patterns import Match

# A capitalised Latin word (with inner apostrophes/hyphens: O'Brien, Neu-Ulm, Mary's).
_CAP = re.compile(r"(?<![\w'’\-])[A-ZÀ-ÖØ-ÞĀ-ŽḀ-Ỿ][^\W_]*(?:['’\-][^\W_]+)*")
_NONLATIN = re.compile(r"[\u05d0-\u05ea\u0900-\u097f]")
_NONLATIN_WORD = re.compile(r"[\u05d0-\u05ea\u0900-\u097f][\u05d0-\u05ea\u0591-\u05c7\u0900-\u097f\u200c\u200d'׳\"״\-]*")
_JOIN = re.compile(r"^(?:\s+|\s+(?:of|the|for|de|es|la|ya|lya|wa|za|am|an|der|des|für)\s+|-)$")
_ABBREV = frozenset({"st", "dr", "mr", "mrs", "ms", "prof", "sr", "jr"})
_INITIAL_BEFORE = set(".!?:;\"“”„«»(—–…")
_INSTITUTION_SUFFIXES = ("klinikum", "kliniken", "klinik", "krankenhaus", "schule", "kirche", "universität")
_LOWER_INSTITUTION = re.compile(
    r"\b(?:hospitali|zahanati|shule|chuo|kanisa|msikiti|kampuni|kituo|eddwaliro|ddwaliro|essomero|ekkanisa)"
    r"(?:\s+(?:ya|la|cha|lya|ly'|kya|y'|wa))?\s+$")
_HE_TITLE = re.compile(
    r"(?<![\u05d0-\u05ea])(?:ד[\"״]ר|דר['׳]|גב['׳]|פרופ['׳]|עו[\"״]ד|מר|גברת|דוקטור|פרופסור|הרב|האחות)\s+"
    r"(?P<name>[\u05d0-\u05ea]{2,})")
_DEVA_TITLE = re.compile(
    r"(?<![\u0900-\u097f])(?:श्रीमती|श्रीमान|श्री|सुश्री|डॉक्टर|डॉ|डा|सौ|कु|कुमारी)(?:\.\s*|\s+)(?P<name>[\u0900-\u097f]+)")
_MONTH_WORDS = frozenset(w for ws in MONTHS.values() for w in ws.split())
# Hebrew and Devanagari words that are also the other-script names of places in the gazetteer
# ("אולם" = hall/but is Ulm), or that follow a title as an ordinary word.
_NON_LATIN_COMMON = frozenset("""
אולם אבל עם בין כל רק גם הוא היא הם הן זה זו אני אתה את אנחנו מה מי איך למה כי אם לא כן יש אין עוד כבר היה
היו הייתה אחד אחת שני שתי שלוש מאוד רבה טוב בית עיר ארץ דרך שם פה כאן עכשיו היום אז גן ים הר נחל עין אמר אמרה
आणि आहे होते हे ते या की का के में से को पर भी नहीं एक दो तीन हा ही तो वह यह था थी है हैं गया गई कर करना
होता होती मी तू आम्ही तुम्ही त्या त्यांनी म्हणून पण नाही काही सर्व खूप येथे तेथे आज काल उद्या देश राज्य शहर गाव
""".split())


def lowercase_vocabulary(texts: Iterable[str]) -> frozenset[str]:
    """Folded words a document writes in lower case: those are words, not names."""
    vocab: set[str] = set()
    for text in texts:
        vocab.update(w for w in text.split() if w[:1].islower())
    return frozenset(fold_word(w.strip(".,;:!?\"'()[]“”‘’")) for w in vocab)


def _initial(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t'’‘\"“”":
        if text[i] in "\"“”" and i == start - 1:
            return True
        i -= 1
    return i < 0 or text[i] in _INITIAL_BEFORE


def _previous_word(text: str, start: int) -> int | None:
    """Start of the word just before ``start`` when only spaces (and a period) separate them."""
    i = start - 1
    if i < 1 or text[i] not in " \t":
        return None
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    if text[i - 1] == ".":
        i -= 1
    j = i
    while j > 0 and text[j - 1].isalpha():
        j -= 1
    return j if j < i else None


def _generic(f: str) -> bool:
    return f in ALL_COMMON or f in INSTITUTION_NOUNS or f in TITLES or f in _MONTH_WORDS


def detect(
    text: str,
    lang: str | None,
    *,
    allow: frozenset[str] = frozenset(),
    lower_vocab: frozenset[str] = frozenset(),
    skip: list[tuple[int, int]] | None = None,
) -> list[Match]:
    """Names, places and institutions in one segment. ``skip``: spans already explained
    (placeholders, register hits, pattern identifiers)."""
    out: list[Match] = []
    skip = list(skip or ())
    if _NONLATIN.search(text):
        _non_latin(text, allow, skip, out)
    caps = [(m.start(), m.end(), m.group()) for m in _CAP.finditer(text)]
    if caps:
        _latin(text, (lang or "en").split("-")[0], caps, allow, lower_vocab, skip, out)
    if len(out) > 1:
        out.sort(key=lambda m: m.start)
    return out


def _free(s: int, skip: list[tuple[int, int]]) -> bool:
    for a, b in skip:
        if a <= s < b:
            return False
    return True


def _non_latin(text: str, allow: frozenset[str], skip: list[tuple[int, int]], out: list[Match]) -> None:
    for rx in (_HE_TITLE, _DEVA_TITLE):
        for m in rx.finditer(text):
            name = m.group("name").split()[0]
            if name in _NON_LATIN_COMMON or name in allow or not _free(m.start(), skip):
                continue
            out.append(Match("person-name", m.start(), m.end(), "name after a title"))
            skip.append((m.start(), m.end()))
    gaz = gazetteer()
    surface = gaz.surface_forms()
    for m in _NONLATIN_WORD.finditer(text):
        w = m.group()
        n = surface.get(w)
        if n is None or w in allow or not _free(m.start(), skip) or _common_under_prefix(w):
            continue
        if n == 2:  # a two-word name may start here (באר שבע): check the pair
            nxt = _NONLATIN_WORD.match(text, m.end() + 1)
            if nxt is not None and text[m.end():m.end() + 1] == " " and _place(f"{w} {nxt.group()}", gaz):
                out.append(Match("place", m.start(), nxt.end(), "place name"))
                skip.append((m.start(), nxt.end()))
                continue
            if not _place(w, gaz):
                continue
        out.append(Match("place", m.start(), m.end(), "place name"))
        skip.append((m.start(), m.end()))


def _common_under_prefix(w: str) -> bool:
    """``w`` or ``w`` without its Hebrew prefix letters (האולם → אולם) is a common word."""
    if w in _NON_LATIN_COMMON:
        return True
    k = 0
    while k < 3 and len(w) - k > 2 and w[k] in "והבכלמש":
        k += 1
        if w[k:] in _NON_LATIN_COMMON:
            return True
    return False


def _place(w: str, gaz: Gazetteer) -> bool:
    """``w`` (perhaps under Hebrew prefixes or a Devanagari case ending) is a large place."""
    for k in range(0, 4):
        p = gaz.get(w[k:])
        if p is not None and _non_latin_worthy(p):
            return True
    for k in range(1, 7):
        p = gaz.get(w[:-k]) if len(w) - k >= 2 else None
        if p is not None and _non_latin_worthy(p):
            return True
    return False


_DE_PLACE_PREPOSITIONS = frozenset({"in", "nach", "aus", "bei", "von", "bis", "im", "ins", "zu", "über", "um", "an", "am",
                                    "vor", "nahe", "gegenüber", "durch", "zwischen"})


def _german_place(text: str, s: int, place) -> bool:
    """German capitalises every noun (Ende, Rolle, Buch are also towns): a single word is a
    place when the town is large or a place preposition stands before it."""
    if _initial(text, s):
        return False
    if place.population >= 100_000:
        return True
    ps = _previous_word(text, s)
    return ps is not None and text[ps:s].strip().lower() in _DE_PLACE_PREPOSITIONS


def _single(text: str, lang: str, word: tuple[int, int, str, str], allow: frozenset[str],
            lower_vocab: frozenset[str], common: frozenset[str], gaz: Gazetteer, out: list[Match]) -> None:
    """One capitalised word alone: the commonest case, decided with a few set look-ups."""
    s, e, w, f = word
    if f in allow:
        return
    generic = _generic(f)
    ps = _previous_word(text, s)
    if (ps is not None and not generic and f not in lower_vocab and fold_word(text[ps:s].rstrip(". \t")) in TITLES
            and not text[ps:s].strip(". \t").isupper()):
        out.append(Match("person-name", ps, e, "name after a title"))
        return
    if lang in ("sw", "lg") and not generic:
        li = _LOWER_INSTITUTION.search(text, max(0, s - 24), s)
        if li is not None:
            out.append(Match("institution", li.start(), e, "institution name"))
            return
    base = f.split("'")[0].split("’")[0] if ("'" in f or "’" in f) else f
    place = gaz.names.get(base) if base not in ALL_COMMON and base not in lower_vocab else None
    if place is not None and (lang != "de" or _german_place(text, s, place)):
        out.append(Match("place", s, e, "place name"))
        return
    if lang == "de" or generic or f in common or f in lower_vocab or base in lower_vocab:
        return
    if (w.isupper() and len(w) <= 5) or _initial(text, s):
        return
    out.append(Match("person-name", s, e, "capitalised word"))


def _latin(text: str, lang: str, caps: list[tuple[int, int, str]], allow: frozenset[str],
           lower_vocab: frozenset[str], skip: list[tuple[int, int]], out: list[Match]) -> None:
    # Group capitalised words into runs joined by a space, a hyphen or a linking word.
    runs: list[list[tuple[int, int, str, str]]] = []
    for s, e, w in caps:
        if not _free(s, skip):
            continue
        f = fold_word(w)
        gap = text[runs[-1][-1][1]:s] if runs else ""
        if runs and f not in TITLES and (_JOIN.match(gap) or (gap.strip() == "." and gap.startswith(". ")
                                          and (runs[-1][-1][3] in _ABBREV or len(runs[-1][-1][2]) == 1))):
            runs[-1].append((s, e, w, f))
        else:
            runs.append([(s, e, w, f)])
    if not runs:
        return
    gaz = gazetteer()
    common = COMMON_WORDS.get(lang, COMMON_WORDS["en"])
    for run in runs:
        # split off leading generic words that are not titles ("The", "In") and drop allow-listed words
        while run and (run[0][3] in ALL_COMMON and run[0][3] not in TITLES and run[0][3] not in INSTITUTION_NOUNS
                       and run[0][3] not in _ABBREV):
            run = run[1:]
        if not run:
            continue
        if len(run) == 1:
            _single(text, lang, run[0], allow, lower_vocab, common, gaz, out)
            continue
        start, end = run[0][0], run[-1][1]
        folds = [r[3] for r in run]
        if " ".join(folds) in allow or all(f in allow for f in folds):
            continue
        # 1. title + name: "Dr. Sarah Mwangi", "Mama Amina" (title inside the run or just before it)
        title_in_run = run[0][3] in TITLES and len(run) > 1
        prev_start = _previous_word(text, start)
        title_before = prev_start is not None and fold_word(text[prev_start:start].rstrip(". \t")) in TITLES
        if title_in_run or title_before:
            names = [r for r in run[1 if title_in_run else 0:] if not _generic(r[3]) and r[3] not in allow]
            if names:
                s0 = prev_start if title_before and not title_in_run and prev_start is not None else start
                out.append(Match("person-name", s0, names[-1][1], "name after a title"))
                continue
        # 2. institution: a run containing an institution noun and a proper word, or
        #    a Swahili/Luganda institution noun before it ("hospitali ya Muhimbili")
        inst = [i for i, r in enumerate(run) if r[3] in INSTITUTION_NOUNS or r[3].endswith(_INSTITUTION_SUFFIXES)]
        proper = [r for r in run if not _generic(r[3]) and not r[3].endswith(_INSTITUTION_SUFFIXES)]
        if inst and proper:
            out.append(Match("institution", start, end, "institution name"))
            continue
        lower_inst = _LOWER_INSTITUTION.search(text, max(0, start - 24), start) if lang in ("sw", "lg") else None
        if lower_inst and proper:
            out.append(Match("institution", lower_inst.start(), end, "institution name"))
            continue
        # 3. places: the longest gazetteer name inside the run
        placed = False
        i = 0
        while i < len(run):
            f = run[i][3]
            width = min(gaz.max_words.get(f, 0), len(run) - i)
            hit = 0
            for w in range(width, 0, -1):
                name = " ".join(fold_word(x) for x in text[run[i][0]:run[i + w - 1][1]].split())
                if w == 1:
                    name = name.split("'")[0].split("’")[0]
                    if name in ALL_COMMON or name in lower_vocab:
                        break
                    if lang == "de" and _initial(text, run[i][0]):
                        break
                if gaz.get(name) is not None:
                    hit = w
                    break
            if hit:
                out.append(Match("place", run[i][0], run[i + hit - 1][1], "place name"))
                placed = True
                i += hit
            else:
                i += 1
        if placed or lang == "de":
            continue
        # 4. possible names: capitalised, not sentence-initial, not common, not seen in lower case
        words = [r for r in run if not _generic(r[3]) and r[3] not in common and r[3] not in lower_vocab
                 and r[3] not in allow and r[3].split("'")[0].split("’")[0] not in lower_vocab]
        if not words:
            continue
        if _initial(text, start) and len(run) == 1:
            continue
        if len(run) == 1 and run[0][2].isupper() and len(run[0][2]) <= 5:
            continue  # an acronym (WHO, NGO, UPDF)
        s0 = words[0][0] if not _initial(text, words[0][0]) else (words[1][0] if len(words) > 1 else None)
        if s0 is None:
            continue
        out.append(Match("person-name", s0, words[-1][1], "capitalised word"))
