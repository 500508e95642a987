"""Finding the register's originals (and variants) that are still in a segment.

Every spelling is split into words and indexed four ways:

* exact folded word (case, accents, Hebrew points folded),
* the same after affix stripping on the text side (``Amani's``, ``ולאמני``, ``प्रियाला``),
* one- or two-edit misspellings (symmetric-delete candidates confirmed by rapidfuzz's
  optimal-string-alignment distance; the length limits are measured in
  ``bench/anonymisation_bench.py``),
* cross-script skeleton keys (:mod:`transqa.identifiers.translit`), used only between words of
  different scripts.

Generic parts of a longer name (titles, institution nouns: "Mama", "Hospital") are not indexed
alone: they count only as the neighbours of the rest of the spelling, so "Butabika Hospital"
matches as a whole while "hospital" alone never does. Name words that are also common words
("Amani" = peace, "Baraka" = blessing) match in Latin script only when capitalised.

Per distinct text word the result is cached, so a transcript costs one dictionary look-up per
word once its vocabulary has been seen. Nothing here formats an original into a string.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from rapidfuzz.distance import OSA

from transqa.identifiers.affixes import fold_word, stems
from transqa.identifiers.lexicon import ALL_COMMON, GENERIC_NAME_WORDS, INSTITUTION_NOUNS, NON_LATIN_COMMON, TITLES
from transqa.identifiers.translit import cross_match, full_keys, hebrew_names, skeleton_keys
from transqa.model.register import Register, RegisterEntry
from transqa.text.tokens import WORD

# Measured (bench/anonymisation_bench.py, "fuzzy thresholds"): one edit from 5 letters on, two
# edits from 9 on keeps planted misspellings found and the real corpus free of false hits.
FUZZY_MIN_LEN = 5
FUZZY_TWO_EDITS_LEN = 9

METHODS = ("exact", "affix", "fuzzy", "translit")


@dataclass(frozen=True, slots=True)
class RegisterHit:
    entry: RegisterEntry
    start: int
    end: int
    method: str  # exact | affix | fuzzy | translit (of the word the match started from)
    core: tuple[int, int] | None = None  # the name itself inside an inflected word: ול[אמני], [Amani]'s


def _script(word: str) -> str:
    c = word[0]
    if "\u05d0" <= c <= "\u05ea":
        return "he"
    if "\u0900" <= c <= "\u097f":
        return "deva"
    return "latin"


# A capitalised English word this frequent (wordfreq centibels, 450 = once in 30,000 words) is a
# word, not a transliterated name ("Health", "China"); names such as Moshe (603) are rarer.
COMMON_ENGLISH_CB = 450


_FREQ: dict[str, dict[str, int]] = {}  # "en", "de" -> word -> centibels, loaded on first use


def _freq(lang: str) -> dict[str, int]:
    got = _FREQ.get(lang)
    if got is None:
        from transqa.langid.lexicon import english, shared

        got = _FREQ[lang] = english() if lang == "en" else shared(lang)
    return got


def _common_english(word: str) -> bool:
    if not word.isascii():
        return False
    cb = _freq("en").get(word)
    return cb is not None and cb <= COMMON_ENGLISH_CB


# The same bar for German: "Leben", "Rolle", "Wort" (300-400 cB) are words, not misspelt or
# transliterated names; German surnames such as Vogel (455) or Krüger (517) are rarer.
COMMON_SOURCE_CB = 450


def common_in_language(word: str, lang: str | None, english: bool = True) -> bool:
    """Is the folded ``word`` a common word of the segment's language (shipped frequency list)?

    Only German has a list among the Latin-script source languages; English words are caught
    for every language (code-switching). Hebrew and Devanagari use the hand list of function
    words, under their prefixes and case endings."""
    script = _script(word)
    if script != "latin":
        return common_non_latin(word)
    if english and _common_english(word):
        return True
    if lang is not None and lang.split("-")[0] == "de":
        cb = _freq("de").get(word)
        return cb is not None and cb <= COMMON_SOURCE_CB
    return False


def common_non_latin(word: str) -> bool:
    """Is a folded Hebrew or Devanagari word (or what its prefixes and case endings leave) an
    ordinary word rather than a name?

    The hand list of function words decides for both scripts. Hebrew also has a frequency list:
    a word (or a stem of three letters or more) at least as common as ``COMMON_SOURCE_CB`` —
    למצוא, קטן, עובר — is a word, unless it is a listed Hebrew name (משה is as frequent as
    מעשה) or spelt with a geresh (ג'ון): Hebrew writes only foreign names that way. Devanagari
    writes every vowel, so a frequency filter there would only cost names that are also words
    (प्रकाश, कविता); see :meth:`RegisterMatcher._word_hits` for the one place it is used.
    """
    cands = stems(word)
    he = _script(word) == "he"
    if he and any(s in hebrew_names() for s in cands):
        return False
    if any(s in NON_LATIN_COMMON for s in cands):
        return True
    if not he or "'" in word or "׳" in word:
        return False
    from transqa.langid.lexicon import common  # loaded on the first Hebrew word, not at import

    freq = common("he")
    return any(freq.get(s, 999) <= COMMON_SOURCE_CB for s in cands if s == word or len(s) >= 3)


_DEVA_SHORT_INITIAL = set("अइउऋ")
_DEVA_LONG_INITIAL = set("आईऊएऐओऔ")
_DEVA_CONSONANT = re.compile("[\u0915-\u0939\u0958-\u095f]")
_DEVA_INHERENT = re.compile("[\u0915-\u0939\u0958-\u095f]\u093c?(?![\u093e-\u094d\u0962\u0963\u093c])")


def _explicit_vowels(deva: str) -> bool:
    """Does a Devanagari word write every vowel (each consonant has a matra or a virama) and
    no nasal sign that a one-consonant key would drop (डुंडी is not "Dudi")?"""
    return (_DEVA_CONSONANT.search(deva) is not None and _DEVA_INHERENT.search(deva) is None
            and "\u0902" not in deva and "\u0901" not in deva)


def _initial_length(word: str) -> str:
    """'short', 'long' or '' (starts with a consonant) for the word's first vowel letter:
    Devanagari अ/इ/उ against आ/ई/ऊ/ए/ओ, Latin a/i/u against aa/ee/ii/oo/uu/e/o."""
    c = word[0]
    if c in _DEVA_SHORT_INITIAL:
        return "short"
    if c in _DEVA_LONG_INITIAL:
        return "long"
    if c in "aiu":
        return "long" if word[1:2] == c else "short"
    if c in "eo":
        return "long"
    return ""


def _translit_candidate(stem: str, script: str, affixed: bool) -> bool:
    """Hebrew and Devanagari words are matched across scripts only when long enough to carry
    a name: short vowel-less Hebrew words (שבה, מס) fit the consonants of many names, unless
    they are listed Hebrew names (משה, יעל)."""
    if script == "he":
        return (len(stem) >= 4 or stem in hebrew_names()
                or (not affixed and len(skeleton_keys(stem)) > 0 and _classes(stem) >= 3))
    if script == "deva":  # a stem left by a case ending must keep three letters (स्वत → स्व is too short)
        return not affixed or sum(1 for c in stem if "\u0905" <= c <= "\u0939") >= 3
    return True


def _classes(word: str) -> int:
    return max((len(k.split("|")[1]) for k in skeleton_keys(word)), default=0)


def _capitalised(raw: str, folded: str, stem: str) -> bool:
    """Is the name part of ``raw`` (``n'Amani`` → ``Amani``) written with a capital?"""
    k = folded.find(stem) if len(folded) == len(raw) else 0
    return raw[max(k, 0)].isupper()


def _indexable(word: str, single: bool) -> bool:
    """Generic parts of a longer name ("Hospital", "Medical", "हॉस्पिटल", "Mama", "St") are
    matched only next to the rest: alone they are ordinary words, not the name."""
    if single:
        return len(word) >= 2
    return (len(word) >= 3 and word not in INSTITUTION_NOUNS and word not in TITLES
            and word not in GENERIC_NAME_WORDS)


class RegisterMatcher:
    """Built once per register; ``find(text)`` returns the hits in one segment's text."""

    def __init__(self, register: Register) -> None:
        self.entries = list(register.entries)
        # spelling id -> (entry index, folded words)
        self.spellings: list[tuple[int, tuple[str, ...]]] = []
        self.exact: dict[str, set[int]] = {}
        self.needs_cap: set[str] = set()  # name words that are also common words ("Amani" = peace): need a capital
        # (first letter, length) -> [(register word, spelling id, position)]: a misspelling keeps
        # its first letter and is within two letters of the name's length, so a text word is
        # compared (rapidfuzz OSA distance, in C) with a handful of names at most.
        self.fuzzy: dict[tuple[str, int], list[tuple[str, int, int]]] = {}
        self.translit: dict[str, set[tuple[int, str]]] = {}  # key -> {(spelling id, script)}
        # Names of one consonant class (Anna, Ali, Uma) have no skeleton key; between Latin and
        # Devanagari, which both write every vowel, their full keys are precise enough.
        self.short: dict[str, set[tuple[int, str]]] = {}
        for ei, entry in enumerate(self.entries):
            for spelling in entry.spellings:
                words = tuple(fold_word(w) for w in WORD.findall(spelling))
                if not words:
                    continue
                sid = len(self.spellings)
                self.spellings.append((ei, words))
                single = len(words) == 1
                for w in words:
                    if not _indexable(w, single):
                        continue
                    if w in ALL_COMMON or (not single and _common_english(w)):
                        self.needs_cap.add(w)  # "Joseph" of "Joseph Ssemakula" alone: only with its capital
                    self.exact.setdefault(w, set()).add(sid)
                    min_len = FUZZY_MIN_LEN if _script(w) == "latin" else FUZZY_MIN_LEN + 1
                    if len(w) >= min_len:
                        self.fuzzy.setdefault((w[0], len(w)), []).append((w, sid, words.index(w)))
                    keys = skeleton_keys(w)
                    for k in keys:
                        self.translit.setdefault(k, set()).add((sid, _script(w)))
                    if not keys and _script(w) != "he":
                        for k in full_keys(w):
                            if any(c.isupper() for c in k):  # at least one consonant: "Ali", "Anna", "Uma"
                                self.short.setdefault(k, set()).add((sid, _script(w)))
        self.translit_scripts = {sc for v in self.translit.values() for _, sc in v}
        self.translit_scripts |= {sc for v in self.short.values() for _, sc in v}
        self._cache: dict[tuple[str, bool], tuple[tuple[int, int, str, str], ...]] = {}
        self._raw_cache: dict[str | None, dict[str, bool]] = {}  # language -> written word -> starts a hit
        self.empty = not self.spellings

    # -- one word ----------------------------------------------------------------------------
    def _word_hits(self, word: str, loose: bool) -> tuple[tuple[int, int, str, str], ...]:
        """(spelling id, word position, method, matched stem) for one folded text word.

        ``loose``: also try misspellings and other scripts — only for words that can be names
        there (capitalised Latin words, any Hebrew or Devanagari word).
        """
        cached = self._cache.get((word, loose))
        if cached is not None:
            return cached
        found: dict[tuple[int, int], tuple[str, str]] = {}
        cands = stems(word)
        for i, stem in enumerate(cands):
            for sid in self.exact.get(stem, ()):
                pos = self.spellings[sid][1].index(stem)
                found.setdefault((sid, pos), ("exact" if i == 0 else "affix", stem))
        common = word in ALL_COMMON or (_script(word) != "latin" and common_in_language(word, None))
        if not loose or common:
            pass
        elif not found and len(word) >= FUZZY_MIN_LEN - 1:
            for stem in cands:
                n = len(stem)
                if n < FUZZY_MIN_LEN - 1 or stem in ALL_COMMON:
                    continue
                for length in range(n - 2, n + 3):
                    for w, sid, pos in self.fuzzy.get((stem[0], length), ()):
                        limit = 2 if len(w) >= FUZZY_TWO_EDITS_LEN else 1
                        if OSA.distance(stem, w, score_cutoff=limit) <= limit:
                            found.setdefault((sid, pos), ("fuzzy", stem))
        script = _script(word)
        other_scripts = self.translit_scripts - {script} if script == "latin" else self.translit_scripts & {"latin"}
        if not found and loose and other_scripts and not common and not _common_english(word):
            for k, stem in enumerate(cands):
                if not _translit_candidate(stem, script, affixed=k > 0):
                    continue
                for key in skeleton_keys(stem):
                    for sid, sscript in self.translit.get(key, ()):
                        if sscript == script or (script != "latin" and sscript != "latin"):
                            continue  # Latin <-> Hebrew/Devanagari only
                        words = self.spellings[sid][1]
                        for pos, w in enumerate(words):
                            if key in skeleton_keys(w) and cross_match(stem, w):
                                found.setdefault((sid, pos), ("translit", stem))
        if not found and loose and self.short and not common and script != "he" and not _common_english(word):
            self._short_hits(cands, script, found)
        result = tuple((sid, pos, m, st) for (sid, pos), (m, st) in found.items())
        if len(self._cache) < 500_000:
            self._cache[(word, loose)] = result
        return result

    def _short_hits(self, cands: tuple[str, ...] | list[str], script: str,
                    found: dict[tuple[int, int], tuple[str, str]]) -> None:
        """Latin <-> Devanagari matches of one-consonant names by full key (अन्नाला = Anna + ला).

        With one consonant the key alone cannot tell a name from a word, so the Devanagari side
        must write all its vowels (no inherent a: हक्क is not "Heike") and an initial vowel must
        agree in length (अली = Ali, but आली "came" and आना "to come" are not Ali or Anna)."""
        for stem in cands:
            if len(stem) < 3 or (script == "deva" and not _explicit_vowels(stem)):
                continue
            for key in full_keys(stem):
                for sid, sscript in self.short.get(key, ()):
                    if sscript == script:
                        continue
                    words = self.spellings[sid][1]
                    for pos, w in enumerate(words):
                        if key not in full_keys(w):
                            continue
                        deva, latin = (stem, w) if script == "deva" else (w, stem)
                        if _explicit_vowels(deva) and _initial_length(deva) == _initial_length(latin):
                            found.setdefault((sid, pos), ("translit", stem))

    # -- one segment -------------------------------------------------------------------------
    def _raw_hit(self, raw: str, lang: str | None) -> bool:
        """Does this word as written start any register hit? (cached per written form)"""
        f = fold_word(raw)
        loose = raw[0].isupper() or not (raw[0].isascii() or "\u00c0" <= raw[0] <= "\u024f")
        for sid, _pos, method, stem in self._word_hits(f, loose or "'" in raw or "’" in raw):
            if not self._keep(raw, f, sid, method, stem, lang):
                continue
            return True
        return False

    def _keep(self, raw: str, f: str, sid: int, method: str, stem: str, lang: str | None) -> bool:
        """Word-level conditions of a hit that depend on how it is written and on the language."""
        if method in ("translit", "fuzzy") and _script(f) == "latin" and not _capitalised(raw, f, stem):
            return False  # a misspelt or transliterated name in Latin script still has its capital
        if stem in self.needs_cap and not _capitalised(raw, f, stem):
            return False
        if method in ("translit", "fuzzy") and _script(f) == "latin" and common_in_language(f, lang):
            return False  # "Leben" is German for life, not a transliterated לוי
        return True

    def _alone_is_common(self, sid: int, f: str, stem: str, lang: str | None) -> bool:
        """One word of a multiword name matched alone, and it is a common word of the segment's
        language. (Common English words of a name, "Joseph", "Grace", need a capital instead.)"""
        return len(self.spellings[sid][1]) > 1 and (common_in_language(stem, lang, english=False)
                                                   or common_in_language(f, lang, english=False))

    def find(self, text: str, lang: str | None = None) -> list[RegisterHit]:
        """Register hits in ``text``; ``lang`` (the segment's language) lets common words of that
        language (German "Leben", "Rolle") stay words rather than misspelt or foreign names."""
        if self.empty or not text:
            return []
        # Fast path: most segments hold no register word at all; one cached look-up per word.
        rc = self._raw_cache.get(lang)
        if rc is None:
            rc = self._raw_cache[lang] = {}
        words = WORD.findall(text)
        for w in words:
            if w not in rc:
                if len(rc) > 500_000:
                    rc.clear()
                rc[w] = self._raw_hit(w, lang)
        if not any(rc[w] for w in words):
            return []
        toks = [(m.group(), m.start(), m.end()) for m in WORD.finditer(text)]
        folded = [fold_word(t) for t, _, _ in toks]
        hits: list[RegisterHit] = []
        taken = [False] * len(toks)
        for i, f in enumerate(folded):
            if taken[i]:
                continue
            best: tuple[int, int, int, int, int, str, str] | None = None
            raw = toks[i][0]
            loose = raw[0].isupper() or not (raw[0].isascii() or "\u00c0" <= raw[0] <= "\u024f")
            for sid, pos, method, stem in self._word_hits(f, loose or "'" in raw or "’" in raw):
                if not self._keep(raw, f, sid, method, stem, lang):
                    continue
                words = self.spellings[sid][1]
                lo, hi = i, i
                p = pos
                while p > 0 and lo > 0 and not taken[lo - 1] and self._same(folded[lo - 1], words[p - 1]):
                    lo -= 1
                    p -= 1
                p = pos
                while p < len(words) - 1 and hi + 1 < len(toks) and self._same(folded[hi + 1], words[p + 1]):
                    hi += 1
                    p += 1
                if lo == hi and self._alone_is_common(sid, f, stem, lang):
                    continue
                cand = (hi - lo, -METHODS.index(method), sid, lo, hi, method, stem)
                if best is None or cand[:2] > best[:2]:
                    best = cand
            if best is None:
                continue
            _, _, sid, lo, hi, method, stem = best
            for j in range(lo, hi + 1):
                taken[j] = True
            core = None
            if lo == hi and method == "affix" and len(f) == len(toks[i][0]):
                k = f.find(stem)
                if k >= 0:
                    core = (toks[i][1] + k, toks[i][1] + k + len(stem))
            hits.append(RegisterHit(self.entries[self.spellings[sid][0]], toks[lo][1], toks[hi][2], method, core))
        return hits

    def _same(self, text_word: str, spelling_word: str) -> bool:
        if text_word == spelling_word or spelling_word in stems(text_word):
            return True
        if len(spelling_word) >= FUZZY_MIN_LEN and OSA.distance(text_word, spelling_word, score_cutoff=1) <= 1:
            return True
        return _script(text_word) != _script(spelling_word) and any(cross_match(s, spelling_word) for s in stems(text_word))


_MATCHERS: dict[int, tuple[Register, RegisterMatcher]] = {}


def matcher_for(register: Register) -> RegisterMatcher:
    """One matcher per register object (kept while the register lives in a run)."""
    key = id(register)
    got = _MATCHERS.get(key)
    if got is not None and got[0] is register and len(got[1].entries) == len(register.entries):
        return got[1]
    if len(_MATCHERS) > 8:
        _MATCHERS.clear()
    m = RegisterMatcher(register)
    _MATCHERS[key] = (register, m)
    return m
