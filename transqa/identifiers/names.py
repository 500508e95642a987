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
from functools import lru_cache

from transqa.identifiers.affixes import fold_word
from transqa.identifiers.gazetteer import Gazetteer, _non_latin_worthy, gazetteer
from transqa.identifiers.lexicon import (
    ALL_COMMON,
    COMMON_WORDS,
    INSTITUTION_NOUNS,
    MONTHS,
    NON_LATIN_COMMON,
    GENERIC_NAME_WORDS,
    TITLES,
    WORD_NAMES,
)
from transqa.identifiers.patterns import Match

# A capitalised Latin word (with inner apostrophes/hyphens: O'Brien, Neu-Ulm, Mary's).
# The capital comes first and the look-behind (over it and the character before) second, so the
# regex engine skips to the next capital instead of testing the look-behind at every position.
_CAP = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-ŽḀ-Ỿ](?<![\w'’\-].)[^\W_]*(?:['’\-][^\W_]+)*")
_NONLATIN = re.compile(r"[\u05d0-\u05ea\u0900-\u097f]")
_NONLATIN_WORD = re.compile(r"[\u05d0-\u05ea\u0900-\u097f][\u05d0-\u05ea\u0591-\u05c7\u0900-\u097f\u200c\u200d'׳\"״\-]*")
_JOIN = re.compile(r"^(?:\s+|\s+(?:of|the|for|de|de la|du|del|es|la|ya|lya|wa|za|am|an|der|des|für"
                   r"|bin|binti|bint|ibn|da|das|dos|van|von|van der|van den|ter)\s+|-)$")
_ABBREV = frozenset({"st", "dr", "dkt", "mr", "mrs", "ms", "prof", "sr", "jr"})
_INITIAL_BEFORE = set(".!?:;\"“”„«»(—–…")
_INSTITUTION_SUFFIXES = ("klinikum", "kliniken", "klinik", "krankenhaus", "schule", "kirche", "universität")
_LOWER_INSTITUTION = re.compile(
    r"\b(?:hospitali|zahanati|shule|chuo|kanisa|msikiti|kampuni|kituo|eddwaliro|ddwaliro|essomero|ekkanisa)"
    r"(?:\s+(?:ya|la|cha|lya|ly'|kya|y'|wa))?\s+$")
_HE_TITLE = re.compile(
    r"(?<![\u05d0-\u05ea])(?:ד[\"״]ר|דר['׳]|גב['׳]|פרופ['׳]|עו[\"״]ד|מר|גברת|דוקטור|פרופסור|הרב|האחות)\s+"
    r"(?P<name>[\u05d0-\u05ea]{2,})")
_HE_TITLE_END = re.compile(r"(?<![\u05d0-\u05ea])(?:ד[\"״]ר|דר['׳]|גב['׳]|פרופ['׳]|עו[\"״]ד|מר|גברת|דוקטור|פרופסור|הרב|האחות)\s+$")
_DEVA_TITLE_END = re.compile(r"(?<![\u0900-\u097f])(?:श्रीमती|श्रीमान|श्री|सुश्री|डॉक्टर|डॉ|डा|सौ|कु|कुमारी)(?:\.\s*|\s+)$")
_DEVA_TITLE = re.compile(
    r"(?<![\u0900-\u097f])(?:श्रीमती|श्रीमान|श्री|सुश्री|डॉक्टर|डॉ|डा|सौ|कु|कुमारी)(?:\.\s*|\s+)(?P<name>[\u0900-\u097f]+)")
_MONTH_WORDS = frozenset(w for ws in MONTHS.values() for w in ws.split())
# Hebrew and Devanagari words that are also the other-script names of places in the gazetteer
# ("אולם" = hall/but is Ulm), or that follow a title as an ordinary word.
_NON_LATIN_COMMON = NON_LATIN_COMMON


def lowercase_vocabulary(texts: Iterable[str]) -> frozenset[str]:
    """Folded words a document writes in lower case: those are words, not names."""
    words = set(" ".join(texts).split())  # each distinct token once, then the lower-case ones
    return frozenset(map(_vocabulary_key, [w for w in words if w[:1].islower()]))


@lru_cache(maxsize=200_000)
def _vocabulary_key(token: str) -> str:
    return fold_word(token.strip(".,;:!?\"'()[]“”‘’"))


def _initial(text: str, start: int) -> bool:
    """Does the word at ``start`` begin a sentence? Also after an opening quote, a spaced dash
    and a transcription note that itself begins one: "(laughs) True.", "[inaudible] Yes"."""
    i = start - 1
    while i >= 0 and text[i] in " \t'’‘\"“”":
        if text[i] in "\"“”" and i == start - 1:
            return True
        i -= 1
    if i < 0 or text[i] in _INITIAL_BEFORE:
        return True
    if text[i] in ")]":
        j = text.rfind("(" if text[i] == ")" else "[", 0, i)
        return j >= 0 and i - j <= 40 and _initial(text, j)
    return text[i] == "-" and i > 0 and text[i - 1] in " \t"


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


def title_before(text: str, start: int) -> bool:
    """Does a personal title or address form (Dr., Dkt., Frau, Bwana, ד"ר, डॉ.) end just before ``start``?"""
    ps = _previous_word(text, start)
    if ps is not None and fold_word(text[ps:start].rstrip(". \t")) in TITLES:
        return True
    head = text[max(0, start - 16):start]
    return bool(_HE_TITLE_END.search(head) or _DEVA_TITLE_END.search(head))


_GENERIC = (ALL_COMMON - WORD_NAMES) | INSTITUTION_NOUNS | TITLES | _MONTH_WORDS
# Generic words that are dropped from the front of a run ("The", "In"), one look-up per word.
_LEADING_GENERIC = ALL_COMMON - WORD_NAMES - TITLES - INSTITUTION_NOUNS - _ABBREV
_PATRONYMIC = frozenset({"bin", "binti", "bint", "ibn"})
# Words that end a name rather than continue it: "Nakato Hospital", "Amani Street", "Juma Monday".
_NOT_NAME_TAIL = INSTITUTION_NOUNS | TITLES | _MONTH_WORDS | GENERIC_NAME_WORDS | frozenset(
    "monday tuesday wednesday thursday friday saturday sunday and or of the".split())
# Common words of each language, without those that are names when capitalised ("Rehema").
_COMMON = {lang: words - WORD_NAMES for lang, words in COMMON_WORDS.items()}


def _generic(f: str) -> bool:
    return f in _GENERIC


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
    if "." in text:
        _initials(text, allow, skip, out)
    caps = [(*m.span(), m.group()) for m in _CAP.finditer(text)]
    if caps:
        _latin(text, (lang or "en").split("-")[0], caps, allow, lower_vocab, skip, out)
        if out:
            _again(text, caps, skip, out)
    if len(out) > 1:
        out.sort(key=lambda m: m.start)
    return out


# Two or more initials ("A.N.", "R. K."), with the surname after them: a person the text
# names by initials, as court judgments and minutes do. Abbreviations of the same shape are not.
_INITIALS = re.compile(
    r"(?P<initials>[A-Z](?<![\w.].)\.(?: ?[A-Z]\.)+)(?! ?[A-Za-z]\.)(?: (?P<surname>[A-Z][^\W\d_]+(?:['’\-][^\W\d_]+)*))?")
_NOT_INITIALS = frozenset("""
US UK UN EU USA UAE USSR AD BC PM AM DC NB PS RIP QC KC MP GP NY LA SA BA MA MD JP OK TV
""".split())


def _initials(text: str, allow: frozenset[str], skip: list[tuple[int, int]], out: list[Match]) -> None:
    for m in _INITIALS.finditer(text):
        letters = "".join(c for c in m.group("initials") if c.isalpha())
        if letters in _NOT_INITIALS or letters.lower() in allow or not _free(m.start(), skip):
            continue
        surname = m.group("surname")
        keep = surname is not None and not (fold_word(surname) in _GENERIC or _common_english(fold_word(surname)))
        end = m.end() if keep else m.end("initials")  # "A.N. The applicant": the initials alone
        out.append(Match("person-name", m.start(), end, "initials"))
        skip.append((m.start(), end))


def _again(text: str, caps: list[tuple[int, int, str]], skip: list[tuple[int, int]], out: list[Match]) -> None:
    """A name the segment already gave ("Rose Nalwoga") is a name where it opens a sentence
    too ("Rose used to telephone"), although "Rose" alone there would be an ordinary word."""
    if len(caps) < 2:
        return
    names = [text[m.start:m.end] for m in out if m.kind == "person-name"]
    if not names:
        return
    known = {fold_word(w) for n in names for w in n.split()} - _GENERIC
    if not known:
        return
    taken = [(m.start, m.end) for m in out]
    for s, e, w in caps:
        if fold_word(w) in known and _free(s, taken) and _free(s, skip):
            out.append(Match("person-name", s, e, "name given elsewhere in the segment"))



def _free(s: int, skip: list[tuple[int, int]]) -> bool:
    for a, b in skip:
        if a <= s < b:
            return False
    return True


_HEBREW_LETTER = re.compile(r"[\u05d0-\u05ea]")
_DEVANAGARI = re.compile(r"[\u0900-\u097f]")


def _non_latin(text: str, allow: frozenset[str], skip: list[tuple[int, int]], out: list[Match]) -> None:
    for rx, script in ((_HE_TITLE, _HEBREW_LETTER), (_DEVA_TITLE, _DEVANAGARI)):
        if not script.search(text):  # a title and its name need letters of the script
            continue
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


# wordfreq centibels: Rolle 384, Wort 378, Leben 314 are words; towns as common as that are
# named after a preposition ("in Essen"); 450 = once in 30,000 words, as for English.
COMMON_GERMAN_CB = 450
# An English word this common (once in 2,000 words: "true" 360 is not, "will" 255 is) is not a
# possible name without a title; the bar sits below common first names (John 362, David 387).
COMMON_ENGLISH_NAME_CB = 330
# Parts of a hospital (not institutions of their own) and the specialties they are named after.
_WARD_NOUNS = frozenset("""
station ward wards unit department dept abteilung ambulanz bereich klinik clinic service wodi idara kitengo
""".split())
_SPECIALTIES = (
    "psychiatrie", "psychiatry", "psychiatric", "psychosomatik", "psychotherapie", "psychotherapy", "psychologie",
    "psychology", "medizin", "medicine", "chirurgie", "surgery", "logie", "logy", "iatrie", "iatry", "iatrics",
    "therapie", "therapy", "pflege", "nursing", "rehabilitation", "notaufnahme", "emergency", "intensiv",
    "intensive", "care", "health", "akutpsychiatrie", "sucht", "addiction", "geriatrie", "pädiatrie", "paediatrics",
    "pediatrics", "maternity", "outpatient", "inpatient", "casualty", "akut", "acute",
)
_DE_PLACE_PREPOSITIONS = frozenset({"in", "nach", "aus", "bei", "von", "bis", "im", "ins", "zu", "über", "um", "an", "am",
                                    "vor", "nahe", "gegenüber", "durch", "zwischen"})


def _german_place(text: str, s: int, place, in_run: bool = False) -> bool:
    """German capitalises every noun (Ende, Rolle, Buch are also towns): a single word is a
    place when the town is large or a place preposition stands before it; a very common German
    word ("Essen", "Rolle") only after a preposition. Inside a run of capitalised words
    ("den Ton Neu-Ulm an") any town that is not a common word counts."""
    if _initial(text, s):
        return False
    ps = _previous_word(text, s)
    if ps is not None and text[ps:s].strip().lower() in _DE_PLACE_PREPOSITIONS:
        return True
    if _common_german(fold_word(text[s:s + 40].split()[0].strip(".,;:!?\"')"))):
        return False
    return in_run or place.population >= 100_000


_FREQ: dict[str, dict[str, int]] = {}  # loaded on first use: "en", "de" -> word -> centibels


def _freq(lang: str) -> dict[str, int]:
    got = _FREQ.get(lang)
    if got is None:
        from transqa.langid.lexicon import english, shared

        got = _FREQ[lang] = english() if lang == "en" else shared(lang)
    return got


def _common_english(folded: str) -> bool:
    """A very common English word ("True", "Right") is a word, also where a capital makes it look like a name."""
    cb = (_FREQ.get("en") or _freq("en")).get(folded)
    return cb is not None and cb <= COMMON_ENGLISH_NAME_CB


# An English word rarer than once in 250,000 words, or not in the list at all ("Nakato",
# "Ssemakula"), that opens a sentence before an ordinary word ("Nakato said"), is a name: the
# commonest sentence openers, names of the news (Moshe 603) and words (Nevertheless 475) are not.
RARE_ENGLISH_CB = 610


def _unheard_of_in_english(folded: str) -> bool:
    """Rare or unknown in English; a compound of known words ("One-to-one") is not."""
    freq = _FREQ.get("en") or _freq("en")
    cb = freq.get(folded)
    if cb is not None and cb < RARE_ENGLISH_CB or len(folded) < 3 or folded in _GENERIC:
        return False
    return not ("-" in folded and all(p in freq for p in folded.split("-")))


_NOT_ENGLISH_COMMON = ALL_COMMON - COMMON_WORDS["en"]
_NEXT_WORD = re.compile(r",? ([a-z][a-z'’]*)")


def _lower_word_after(text: str, end: int) -> bool:
    """An English word follows, perhaps after a comma: "Nakato said", "Nakato, his sister".
    A Swahili line left in the translation ("Wagonjwa wanamwamini") is no evidence."""
    m = _NEXT_WORD.match(text, end)
    if m is None:
        return False
    cb = (_FREQ.get("en") or _freq("en")).get(m.group(1))
    return cb is not None and cb < RARE_ENGLISH_CB and m.group(1) not in _NOT_ENGLISH_COMMON


def _ward_of_specialty(run: list[tuple[int, int, str, str]], lang: str) -> bool:
    """"Station für Allgemeinpsychiatrie", "Department of Psychiatry": a ward or department named
    by its specialty exists in every hospital and identifies no one; with a proper name or a
    place in the run ("Station Ulm", "Mulago Psychiatry Ward") it stays an institution."""
    nouns = [r[3] for r in run if r[3] in INSTITUTION_NOUNS or r[3].endswith(_INSTITUTION_SUFFIXES)]
    if not nouns or any(n not in _WARD_NOUNS for n in nouns):
        return False
    rest = [r[3] for r in run if r[3] not in _WARD_NOUNS]
    return bool(rest) and all(
        w.endswith(_SPECIALTIES) or _common_english(w) or (lang == "de" and _common_german(w)) for w in rest)


def _common_german(folded: str) -> bool:
    cb = _freq("de").get(folded)
    return cb is not None and cb <= COMMON_GERMAN_CB


def _single(text: str, lang: str, word: tuple[int, int, str, str], allow: frozenset[str],
            lower_vocab: frozenset[str], common: frozenset[str], gaz: Gazetteer, out: list[Match]) -> None:
    """One capitalised word alone: the commonest case, decided with a few set look-ups."""
    s, e, w, f = word
    if f in allow:
        return
    generic = f in _GENERIC
    if not generic and f not in lower_vocab:
        ps = _previous_word(text, s)
        if (ps is not None and fold_word(text[ps:s].rstrip(". \t")) in TITLES
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
    if lang == "de" or generic or f in common or f in lower_vocab or base in lower_vocab or _common_english(base):
        return
    if w.isupper() and len(w) <= 5:
        return
    if _initial(text, s) and not (lang == "en" and _unheard_of_in_english(base) and _lower_word_after(text, e)):
        return
    out.append(Match("person-name", s, e, "capitalised word"))


def _latin(text: str, lang: str, caps: list[tuple[int, int, str]], allow: frozenset[str],
           lower_vocab: frozenset[str], skip: list[tuple[int, int]], out: list[Match]) -> None:
    # Group capitalised words into runs joined by a space, a hyphen or a linking word.
    runs: list[list[tuple[int, int, str, str]]] = []
    for s, e, w in caps:
        if skip and not _free(s, skip):
            continue
        f = fold_word(w)
        if runs:
            last = runs[-1][-1]
            gap = text[last[1]:s]
            if f not in TITLES and (gap == " " or _JOIN.match(gap) or (
                    gap.strip() == "." and gap.startswith(". ") and (last[3] in _ABBREV or len(last[2]) == 1))):
                runs[-1].append((s, e, w, f))
                continue
        runs.append([(s, e, w, f)])
    if not runs:
        return
    gaz = gazetteer()
    common = _COMMON.get(lang, _COMMON["en"])
    for run in runs:
        # split off leading generic words that are not titles ("The", "In"), unless a place name
        # starts with one ("United Kingdom", "New Delhi")
        while run and run[0][3] in _LEADING_GENERIC and not (
                len(run) > 1 and gaz.max_words.get(run[0][3], 0) > 1 and _place_width(text, run, 0, gaz, lang, lower_vocab)):
            run = run[1:]
        if not run:
            continue
        if len(run) == 1:
            _single(text, lang, run[0], allow, lower_vocab, common, gaz, out)
            continue
        start, end = run[0][0], run[-1][1]
        folds = [r[3] for r in run]
        if allow and (" ".join(folds) in allow or all(f in allow for f in folds)):
            continue
        # 1. title + name: "Dr. Sarah Mwangi", "Mama Amina" (title inside the run or just before it)
        title_in_run = run[0][3] in TITLES and len(run) > 1
        prev_start = _previous_word(text, start)
        title_before = prev_start is not None and fold_word(text[prev_start:start].rstrip(". \t")) in TITLES
        if title_in_run or title_before:
            names = [r for r in run[1 if title_in_run else 0:] if not _generic(r[3]) and r[3] not in allow]
            if names:
                s0 = prev_start if title_before and not title_in_run and prev_start is not None else start
                while (pp := _previous_word(text, s0)) is not None and fold_word(text[pp:s0].rstrip(". \t")) in TITLES:
                    s0 = pp  # "Dr. med. Claudia Vogt": the titles before the title too
                out.append(Match("person-name", s0, names[-1][1], "name after a title"))
                continue
        # 2. institution: a run containing an institution noun and a proper word, or
        #    a Swahili/Luganda institution noun before it ("hospitali ya Muhimbili")
        inst = [i for i, r in enumerate(run) if r[3] in INSTITUTION_NOUNS or r[3].endswith(_INSTITUTION_SUFFIXES)]
        proper = ([r for r in run if r[3] not in _GENERIC and not r[3].endswith(_INSTITUTION_SUFFIXES)]
                  if inst or lang in ("sw", "lg") else None)  # only these two rules ask for it
        if inst and proper:
            if not _ward_of_specialty(run, lang):
                out.append(Match("institution", start, end, "institution name"))
            continue
        lower_inst = _LOWER_INSTITUTION.search(text, max(0, start - 24), start) if lang in ("sw", "lg") else None
        if lower_inst and proper:
            out.append(Match("institution", lower_inst.start(), end, "institution name"))
            continue
        # 3. a patronymic joins a person's names, whatever else they spell ("Hamisi bin Salim")
        if lang != "de" and any(text[a[1]:b[0]].strip() in _PATRONYMIC for a, b in zip(run, run[1:])):
            out.append(Match("person-name", start, end, "name with a patronymic"))
            continue
        # 4. places: the longest gazetteer name inside the run
        placed = False
        covered: set[int] = set()
        i = 0
        while i < len(run):
            hit = _place_width(text, run, i, gaz, lang, lower_vocab)
            if hit:
                out.append(Match("place", run[i][0], run[i + hit - 1][1], "place name"))
                placed = True
                covered.update(range(i, i + hit))
                i += hit
            else:
                i += 1
        if lang == "de":
            continue
        if placed:
            # "Abu Khalil": a place-named word beside an uncommon one is a person's name part
            _beside_place(text, run, covered, allow, lower_vocab, common, out)
            continue
        # 5. possible names: capitalised, not sentence-initial, not common, not seen in lower case
        words = [r for r in run if _name_like(r[3], allow, lower_vocab, common)]
        if not words:
            continue
        if _initial(text, start) and len(run) == 1:
            continue
        if len(run) == 1 and run[0][2].isupper() and len(run[0][2]) <= 5:
            continue  # an acronym (WHO, NGO, UPDF)
        s0 = words[0][0]
        if _initial(text, s0):
            if len(words) < 2:
                continue
            # English "Oksana Petrenko said": two uncommon capitalised words in a row at a sentence
            # start are a first name and a surname ("Yesterday Petrenko": an ordinary word first).
            # Not in Swahili or Luganda, whose sentences start with verbs no list holds ("Twalaba Nakato").
            if lang != "en" or not (words[0] is run[0] and words[1] is run[1]):
                s0 = words[1][0]
        end = words[-1][1]
        tail = run[run.index(words[-1]) + 1:]
        if tail and not any(r[3] in _NOT_NAME_TAIL or r[2].isupper() for r in tail):
            end = tail[-1][1]  # "Bakari Mohamed Said": a capitalised common word after a name is part of it
        out.append(Match("person-name", s0, end, "capitalised word"))


def _place_width(text: str, run: list[tuple[int, int, str, str]], i: int, gaz: Gazetteer, lang: str,
                 lower_vocab: frozenset[str]) -> int:
    """Words in the longest gazetteer name that starts at ``run[i]``; 0 for none."""
    for w in range(min(gaz.max_words.get(run[i][3], 0), len(run) - i), 0, -1):
        name = " ".join(fold_word(x) for x in text[run[i][0]:run[i + w - 1][1]].split())
        if w == 1:
            name = name.split("'")[0].split("’")[0]
            if name in ALL_COMMON or name in lower_vocab:
                return 0
            p1 = gaz.get(name)
            if lang == "de" and (p1 is None or not _german_place(text, run[i][0], p1, in_run=True)):
                return 0  # "in welcher Rolle Sie": a German noun, as for a word alone
        if gaz.get(name) is not None:
            return w
    return 0


def _beside_place(text: str, run: list[tuple[int, int, str, str]], covered: set[int], allow: frozenset[str],
                  lower_vocab: frozenset[str], common: frozenset[str], out: list[Match]) -> None:
    """Uncommon words of a run that the gazetteer did not explain ("Khalil" in "Abu Khalil"),
    each stretch of them a possible name; a sentence-initial one alone is not."""
    stretch: list[tuple[int, int, str, str]] = []
    for i, r in enumerate([*run, None]):
        ok = r is not None and i not in covered and _name_like(r[3], allow, lower_vocab, common)
        if ok:
            stretch.append(r)
            continue
        if stretch and not (len(stretch) == 1 and _initial(text, stretch[0][0])):
            out.append(Match("person-name", stretch[0][0], stretch[-1][1], "capitalised word"))
        stretch = []


def _name_like(f: str, allow: frozenset[str], lower_vocab: frozenset[str], common: frozenset[str]) -> bool:
    return not (f in _GENERIC or f in common or f in lower_vocab or f in allow or _common_english(f)
                or f.split("'")[0].split("’")[0] in lower_vocab)
