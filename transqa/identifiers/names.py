"""Probable personal names, places and institutions that the register does not list.

Offline and without a model, so by rules whose cost is one pass over the words:

* **titles and address forms** (``Dr.``, ``Mama``, ``Bwana``, ``Frau``, ``Ssebo``, ``ד"ר``,
  ``श्री``) before a word: a person's name — in every script;
* **institution nouns** next to a capitalised word (``Butabika Hospital``, ``St. Mary's
  Church``, ``Kliniken Ulm``, ``hospitali ya Muhimbili``): an institution;
* **the gazetteer** (GeoNames cities, countries, the study countries' districts, with their
  Hebrew and Devanagari names): a place;
* in Latin script, a **capitalised word that is not sentence-initial**, not a common word of the
  language, not a word the same document also writes in lower case, and not allow-listed: a
  possible name. German capitalises every noun, so there only the first three rules apply.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from transqa.identifiers.affixes import fold_word, stems
from transqa.identifiers.gazetteer import gazetteer
from transqa.identifiers.lexicon import ALL_COMMON, COMMON_WORDS, INSTITUTION_NOUNS, MONTHS, TITLES
from transqa.identifiers.patterns import Match
from transqa.text.tokens import WORD

_INITIAL_BEFORE = set(".!?:;\"“”„«»(—–…")
_INSTITUTION_SUFFIXES = ("klinikum", "kliniken", "klinik", "krankenhaus", "schule", "kirche", "hospital", "universität")
_LINKS = frozenset({"of", "the", "st", "saint", "ya", "la", "lya", "wa", "za", "y'", "für", "der", "des", "am", "an", "and", "&"})
_SW_LINKS = frozenset({"ya", "la", "lya", "wa", "za", "of"})
_HE_TITLES = frozenset({"מר", "גברת", "דוקטור", "פרופסור", "הרב", "האחות", "אחות"})
# Titles written with geresh/gershayim, which split into several tokens.
_HE_TITLE_RE = re.compile(r"(?<![\u05d0-\u05ea])(?:ד[\"״]ר|דר['׳]|גב['׳]|פרופ['׳]|עו[\"״]ד)\s+(?P<name>[\u05d0-\u05ea]{2,})")
_DEVA_TITLES = frozenset({"श्री", "श्रीमती", "डॉ", "डॉक्टर", "डॉ.", "सौ", "कु", "सुश्री", "श्रीमान", "कुमारी", "डा"})
_MONTH_WORDS = frozenset(w for ws in MONTHS.values() for w in ws.split())
# Hebrew and Devanagari words that are also the other-script names of places in the gazetteer
# ("אולם" = hall/but is Ulm). Only ordinary words, listed from knowledge of the languages.
_NON_LATIN_COMMON = frozenset("""
אולם אבל עם בין כל רק גם הוא היא הם הן זה זו אני אתה את אנחנו מה מי איך למה כי אם לא כן יש אין עוד כבר היה
היו הייתה אחד אחת שני שתי שלוש מאוד רבה טוב בית עיר ארץ דרך שם פה כאן עכשיו היום אז גן ים הר נחל עין
आणि आहे होते हे ते या की का के में से को पर भी नहीं एक दो तीन हा ही तो वह यह था थी है हैं गया गई कर करना
होता होती मी तू आम्ही तुम्ही त्या त्यांनी म्हणून पण नाही काही सर्व खूप येथे तेथे आज काल उद्या देश राज्य शहर गाव
""".split())
MIN_POP_NON_LATIN = 100_000  # Hebrew/Devanagari alternates of small places collide with words


@dataclass(frozen=True, slots=True)
class Tok:
    text: str
    start: int
    end: int
    fold: str
    cap: bool
    latin: bool


def _tokens(text: str) -> list[Tok]:
    out = []
    for m in WORD.finditer(text):
        t = m.group()
        c = t[0]
        latin = c.isascii() or "\u00c0" <= c <= "\u024f"
        out.append(Tok(t, m.start(), m.end(), fold_word(t), c.isupper(), latin and c.isalpha()))
    return out


def _initial(text: str, tok: Tok) -> bool:
    i = tok.start - 1
    while i >= 0 and text[i] in " \t'’‘\"“”":
        if text[i] in "\"“”" and i == tok.start - 1:
            return True
        i -= 1
    return i < 0 or text[i] in _INITIAL_BEFORE


def lowercase_vocabulary(texts: Iterable[str]) -> frozenset[str]:
    """Folded words a document writes in lower case: those are words, not names."""
    vocab: set[str] = set()
    for text in texts:
        for m in WORD.finditer(text):
            t = m.group()
            if t[0].islower():
                vocab.add(t.casefold())
    return frozenset(vocab)


def _common(tok: Tok, lang: str, lower_vocab: frozenset[str]) -> bool:
    f = tok.fold
    base = f.split("'")[0].split("’")[0]
    words = COMMON_WORDS.get(lang)
    if f in ALL_COMMON or base in ALL_COMMON or f in _MONTH_WORDS:
        return True
    if words is not None and (f in words or base in words):
        return True
    return f in lower_vocab or base in lower_vocab


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
    lang = (lang or "").split("-")[0]
    toks = _tokens(text)
    if not toks:
        return []
    skip = skip or []
    used = [any(s <= t.start < e for s, e in skip) for t in toks]
    for i, t in enumerate(toks):
        if not used[i] and (t.fold in allow):
            used[i] = True
    out: list[Match] = []
    gaz = None
    has_latin_caps = any(t.cap and t.latin for t in toks)

    def proper(i: int) -> bool:
        t = toks[i]
        return (t.cap and t.latin and not used[i] and t.fold not in ALL_COMMON and t.fold not in INSTITUTION_NOUNS
                and t.fold not in TITLES and t.fold not in _MONTH_WORDS and not (t.text.isupper() and len(t.text) <= 1))

    # 1. titles + name
    if "\u05d0" <= max(text) and ("\"" in text or "״" in text or "'" in text or "׳" in text):
        for m in _HE_TITLE_RE.finditer(text):
            if m.group("name") in _NON_LATIN_COMMON or any(s <= m.start() < e for s, e in skip):
                continue
            out.append(Match("person-name", m.start(), m.end(), "name after a title"))
            for k, t in enumerate(toks):
                if m.start() <= t.start < m.end():
                    used[k] = True
    for i, t in enumerate(toks[:-1]):
        if used[i]:
            continue
        title = (t.fold in TITLES and (t.latin)) or t.text in _HE_TITLES or t.text in _DEVA_TITLES
        if not title:
            continue
        j = i + 1
        if t.latin:
            while j < len(toks) and proper(j) and j - i <= 3:
                j += 1
        else:
            # no capitals: take the one word after the title
            if not used[j] and toks[j].fold not in _NON_LATIN_COMMON:
                j += 1
        if j > i + 1:
            if any(toks[k].fold in allow for k in range(i + 1, j)):
                continue
            out.append(Match("person-name", toks[i].start, toks[j - 1].end, "name after a title"))
            for k in range(i, j):
                used[k] = True

    # 2. institutions
    if has_latin_caps:
        for i, t in enumerate(toks):
            if used[i]:
                continue
            f = t.fold
            noun = f in INSTITUTION_NOUNS or (t.cap and f.endswith(_INSTITUTION_SUFFIXES))
            if not noun:
                continue
            lo, hi = i, i
            k = i - 1
            while k >= 0 and not used[k] and (proper(k) or (toks[k].fold in ("st", "saint") and toks[k].cap)):
                lo = k
                k -= 1
            k = i + 1
            # "Hospital of St Mary", "hospitali ya Muhimbili", "Kliniken Ulm"
            while k < len(toks) and not used[k]:
                if proper(k) or (toks[k].fold in _SW_LINKS | _LINKS and k + 1 < len(toks) and proper(k + 1)):
                    hi = k
                    k += 1
                else:
                    break
            while hi > i and toks[hi].fold in _LINKS:
                hi -= 1
            if lo == i and hi == i:
                continue
            names = [toks[k] for k in range(lo, hi + 1) if k != i and proper(k)]
            if not names or all(n.fold in allow for n in names):
                continue
            out.append(Match("institution", toks[lo].start, toks[hi].end, "institution name"))
            for k in range(lo, hi + 1):
                used[k] = True

    # 3. places from the gazetteer
    gaz = gazetteer()
    i = 0
    n = len(toks)
    while i < n:
        t = toks[i]
        if used[i] or (t.latin and not t.cap) or t.fold in _NON_LATIN_COMMON or t.fold in allow:
            i += 1
            continue
        hit_end = None
        place = None
        width = gaz.max_words.get(t.fold, 1) if t.latin else 1
        for w in range(min(width, n - i), 0, -1):
            if w > 1 and not all(toks[k].cap or toks[k].fold in ("es", "de", "la", "am", "an", "der", "el") for k in range(i, i + w)):
                continue
            phrase = " ".join(toks[k].fold for k in range(i, i + w))
            cands = (phrase,) if w > 1 else (stems(t.fold) if not t.latin else (t.fold, t.fold.split("'")[0].split("’")[0]))
            for c in cands:
                if c in _NON_LATIN_COMMON or c in ALL_COMMON:
                    continue
                p = gaz.get(c)
                if p is None:
                    continue
                if not t.latin and p.population < MIN_POP_NON_LATIN:
                    continue
                if t.latin and w == 1 and _initial(text, t) and (lang == "de" or c in lower_vocab):
                    continue
                if lang == "de" and w == 1 and t.fold in lower_vocab:
                    continue
                place, hit_end = p, i + w - 1
                break
            if place:
                break
        if place is None:
            i += 1
            continue
        out.append(Match("place", t.start, toks[hit_end].end, "place name"))
        for k in range(i, hit_end + 1):
            used[k] = True
        i = hit_end + 1

    # 4. capitalised words (Latin script, not German)
    if has_latin_caps and lang != "de":
        i = 0
        while i < n:
            t = toks[i]
            if used[i] or not proper(i) or _initial(text, t) or _common(t, lang or "en", lower_vocab) or t.fold in allow:
                i += 1
                continue
            j = i + 1
            while j < n and proper(j) and not _common(toks[j], lang or "en", lower_vocab) and toks[j].fold not in allow \
                    and toks[j].start - toks[j - 1].end <= 1:
                j += 1
            if t.text.isupper() and len(t.text) <= 5 and j == i + 1:
                i = j  # an acronym (WHO, NGO, UPDF): not a person
                continue
            out.append(Match("person-name", t.start, toks[j - 1].end, "capitalised word"))
            for k in range(i, j):
                used[k] = True
            i = j
    out.sort(key=lambda m: m.start)
    return out
