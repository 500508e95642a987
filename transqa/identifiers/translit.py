"""Cross-script name matching: "Moshe" = "משה", "Priya" = "प्रिया", "Yossi" = "יוסי", "Ravi" = "रवी".

Two layers, both rule-based and offline:

* a coarse **skeleton key** (consonant sound classes — b/v/w → B, s/z/sh/ts → S, k/q/kh → K —
  silent letters dropped, plus two flags: starts / ends with a vowel) indexes register words
  so a text word finds its candidates with a dictionary look-up;
* a precise comparison decides each candidate: Latin and Devanagari both write every vowel and
  compare as **full keys** (finer consonant classes that keep sh, w and the Indian aspirates
  apart, plus vowels); Hebrew writes only some vowels (ו, י, final ה/א), so a Hebrew word becomes
  a **pattern** over full keys — strict when it is how someone wrote a foreign name (o, u, i
  written, s as ס, v/w as וו), loose when it is a Hebrew name in the register.

Keys with fewer than two consonant classes are not produced: "Ali" or "Anna" is too short to
tell from ordinary words in Hebrew, which leaves vowels out (list such Hebrew spellings as
register variants); between Latin and Devanagari the register matcher compares them by full
key instead. A Hebrew text word read as a *Hebrew* name spelt in Latin letters by the register
(משה = "Moshe") needs :func:`hebrew_names`: without the list almost any word would fit.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Each unit maps to a tuple of options; an option is a class letter, "" (silent) or "V" (vowel).
_LATIN_DIGRAPHS = {
    "sch": ("S",), "tch": ("C",), "sh": ("S",), "ch": ("K", "C", "S"), "kh": ("K",), "gh": ("G",),
    "ph": ("P",), "th": ("T",), "dh": ("D",), "bh": ("B",), "ts": ("S",), "tz": ("S",), "ck": ("K",),
    "zh": ("J", "S"), "dj": ("J",), "jh": ("J",),
}
_LATIN = {
    "b": "B", "v": "B", "w": "B", "p": "P", "f": "P", "k": "K", "q": "K", "g": "G", "j": ("J", "Y"),
    "s": "S", "z": "S", "x": "KS", "t": "T", "d": "D", "n": "N", "m": "M", "l": "L", "r": "R",
    "y": "Y", "h": "", "c": "K",
}
_VOWELS = set("aeiouäöüàáâãåèéêëìíîïòóôõùúûıāēīōū")

# Hebrew letters (points already stripped). Final forms map like their base letters.
_HEBREW = {
    "א": "", "ב": "B", "ג": "G", "ד": "D", "ה": "", "ו": "B", "ז": "S", "ח": ("K", ""), "ט": "T",
    "י": "Y", "כ": "K", "ך": "K", "ל": "L", "מ": "M", "ם": "M", "נ": "N", "ן": "N", "ס": "S", "ע": "",
    "פ": "P", "ף": "P", "צ": "S", "ץ": "S", "ק": "K", "ר": "R", "ש": "S", "ת": "T",
}
_HEBREW_GERESH = {"ג": "J", "צ": "C", "ז": "J", "ת": "T"}

_DEVA_CONS = {
    "क": "K", "ख": "K", "ग": "G", "घ": "G", "ङ": "N", "च": "C", "छ": "C", "ज": "J", "झ": "J", "ञ": "N",
    "ट": "T", "ठ": "T", "ड": "D", "ढ": "D", "ण": "N", "त": "T", "थ": "T", "द": "D", "ध": "D", "न": "N",
    "प": "P", "फ": "P", "ब": "B", "भ": "B", "म": "M", "य": "Y", "र": "R", "ल": "L", "ळ": "L", "व": "B",
    "श": "S", "ष": "S", "स": "S", "ह": "", "क़": "K", "ख़": "K", "ग़": "G", "ज़": "S", "ड़": "R", "ढ़": "R",
    "फ़": "P", "य़": "Y",
}
_DEVA_NUKTA = {"क": "K", "ख": "K", "ग": "G", "ज": "S", "ड": "R", "ढ": "R", "फ": "P", "य": "Y"}
_DEVA_INDEP_VOWELS = set("अआइईउऊऋएऐओऔऍऑ")
_DEVA_MATRAS = set("ािीुूृेैोौॅॉॢॣ")
_VIRAMA = "्"
_NUKTA = "़"
_ANUSVARA = "ं"
_SILENT_DEVA = {"ँ", "ः", "\u200c", "\u200d"}

MAX_KEYS = 16


def _units_latin(word: str) -> list[tuple[str, ...]]:
    units: list[tuple[str, ...]] = []
    i, n = 0, len(word)
    while i < n:
        for size in (3, 2):
            dg = word[i:i + size]
            if len(dg) == size and dg in _LATIN_DIGRAPHS:
                units.append(_LATIN_DIGRAPHS[dg])
                i += size
                break
        else:
            ch = word[i]
            if ch in _VOWELS:
                # "y" is handled as a consonant; a final y is a vowel ("Yossy")
                units.append(("V",))
            elif ch == "y" and i == n - 1 and i > 0:
                units.append(("V",))
            elif ch == "c" and i + 1 < n and word[i + 1] in "eiy":
                units.append(("S",))
            elif ch in _LATIN:
                v = _LATIN[ch]
                units.append(v if isinstance(v, tuple) else (v,))
            elif ch == "ß":
                units.append(("S",))
            # other characters (apostrophes, hyphens) are ignored
            i += 1
    if units and units[0] == ("",) and len(word) > 1:  # initial h: "Hannah" ~ "Anna" ~ "חנה"
        units[0] = ("", "V")
    return units


def _units_hebrew(word: str) -> list[tuple[str, ...]]:
    units: list[tuple[str, ...]] = []
    letters = [c for c in word if "\u05d0" <= c <= "\u05ea" or c in "'׳"]
    n = len(letters)
    for i, ch in enumerate(letters):
        if ch in "'׳":
            continue
        geresh = i + 1 < n and letters[i + 1] in "'׳"
        first, last = i == 0, i == n - 1
        if geresh and ch in _HEBREW_GERESH:
            units.append((_HEBREW_GERESH[ch],))
        elif ch == "ו":
            nxt = letters[i + 1] if i + 1 < n else ""
            if nxt == "ו":  # וו = v/w
                continue
            prev_v = i > 0 and letters[i - 1] == "ו"
            units.append(("B",) if first or prev_v else ("V", "B"))
        elif ch == "י":
            nxt = letters[i + 1] if i + 1 < n else ""
            if nxt == "י":
                continue
            prev_y = i > 0 and letters[i - 1] == "י"
            units.append(("Y",) if first or prev_y else (("V",) if last else ("V", "Y")))
        elif ch in "אע":
            units.append(("V",) if first or last else ("", "V"))
        elif ch == "ה":
            units.append(("V",) if last else (("", "V") if first else ("",)))
        else:
            v = _HEBREW.get(ch, "")
            units.append(v if isinstance(v, tuple) else (v,))
    return units


def _units_devanagari(word: str) -> list[tuple[str, ...]]:
    units: list[tuple[str, ...]] = []
    chars = list(word)
    n = len(chars)
    i = 0
    while i < n:
        ch = chars[i]
        if ch in _DEVA_CONS:
            cls = _DEVA_CONS[ch]
            j = i + 1
            if j < n and chars[j] == _NUKTA:
                cls = _DEVA_NUKTA.get(ch, cls)
                j += 1
            units.append((cls,))
            if j < n and chars[j] == _VIRAMA:
                j += 1
            elif j < n and chars[j] in _DEVA_MATRAS:
                units.append(("V",))
                j += 1
            elif j >= n or not (chars[j] in _DEVA_CONS or chars[j] in _DEVA_MATRAS):
                units.append(("V", "") if j >= n else ("V",))  # inherent a; often silent at the end
            else:
                units.append(("", "V"))  # inherent a between consonants: usually spoken, not key-bearing
            i = j
            continue
        if ch in _DEVA_INDEP_VOWELS or ch in _DEVA_MATRAS:
            units.append(("V",))
        elif ch == _ANUSVARA:
            units.append(("N", "M"))
        i += 1
    return units


def _reduced_keys(units: list[tuple[str, ...]]) -> frozenset[str]:
    """Expand the options directly into reduced keys (same result as _reduce over _expand, but
    the states stay few: first sound, collapsed consonants, last sound)."""
    states = {("", "", "")}
    for opts in units:
        nxt = set()
        for first, cons, last in states:
            for o in opts:
                if not o:
                    nxt.add((first, cons, last))
                elif o == "V":
                    nxt.add((first or "V", cons, "V"))
                else:
                    c = cons
                    for ch in o:
                        if not c or c[-1] != ch:
                            c += ch
                    nxt.add((first or "C", c, "C"))
        states = nxt if len(nxt) <= 64 else set(sorted(nxt)[:64])
    out = {f"{'V' if first == 'V' else ''}|{cons}|{'V' if last == 'V' else ''}"
           for first, cons, last in states if len(cons) >= 2}
    if len(out) > MAX_KEYS:
        out = set(sorted(out)[:MAX_KEYS])
    return frozenset(out)


@lru_cache(maxsize=65536)
def skeleton_keys(word: str) -> frozenset[str]:
    """The cross-script keys of one word (already lower-cased, any script)."""
    if not word:
        return frozenset()
    ch = next((c for c in word if c.isalpha() or "\u0900" <= c <= "\u097f"), "")
    if "\u05d0" <= ch <= "\u05ea":
        units = _units_hebrew(word)
    elif "\u0900" <= ch <= "\u097f":
        units = _units_devanagari(word)
    elif ch.isascii() or "\u00c0" <= ch <= "\u024f":
        units = _units_latin(word.lower())
    else:
        return frozenset()
    return _reduced_keys(units)


def same_name(a: str, b: str) -> bool:
    """True when two single words, in any scripts, can be spellings of one name."""
    return bool(skeleton_keys(a.lower()) & skeleton_keys(b.lower()))


# --- Precise comparison: full keys with vowels ---------------------------------------------------
# The skeleton finds candidates; this decides. Latin and Devanagari both write every vowel, so
# they compare as full keys (consonant classes + vowel letters a e i o u, doubles collapsed).
# Hebrew writes only some vowels (matres lectionis ו י and final ה/א), so a Hebrew word becomes a
# pattern over the same alphabet: its consonants in order, a written mater as the vowels it can
# stand for, and any unwritten vowels between.

_LATIN_VOWEL_DIGRAPHS = {"ee": ("i",), "oo": ("u",), "ie": ("i",), "ou": ("u",), "ai": ("e", "ai"), "ay": ("e", "ai"),
                         "au": ("o", "au"), "ei": ("ai", "e"), "ey": ("ai", "e"), "ae": ("e",), "oe": ("o", "e"),
                         "ue": ("u", "i")}
_LATIN_VOWELS = {"a": "a", "e": "e", "i": "i", "o": "o", "u": "u", "ä": "e", "ö": "o", "ü": ("u", "i"), "à": "a",
                 "á": "a", "â": "a", "è": "e", "é": "e", "ê": "e", "ì": "i", "í": "i", "î": "i", "ò": "o", "ó": "o",
                 "ô": "o", "ù": "u", "ú": "u", "û": "u", "ā": "a", "ē": "e", "ī": "i", "ō": "o", "ū": "u"}


# Full keys tell apart what the skeleton merges: sh (Š) from s, w (W) from v/b, and the
# aspirates Indian spellings write with an h (kh X, gh Γ, chh Ç, jh Ĵ, th Θ, dh Δ, bh Β) from
# the plain consonants: मोठी (moṭhī, "big") is not "Moti".
_FULL_DIGRAPHS = {
    "sch": ("Š",), "tch": ("C",), "chh": ("Ç",), "sh": ("Š",), "ch": ("K", "C", "Š", "X"), "kh": ("X", "K"),
    "gh": ("Γ", "G"), "ph": ("P",), "th": ("T", "Θ"), "dh": ("D", "Δ"), "bh": ("Β", "B"), "jh": ("Ĵ", "J"),
    "ts": ("S",), "tz": ("S",), "ck": ("K",), "zh": ("J", "Š"), "dj": ("J",),
}
_FULL_LATIN = {
    "b": "B", "v": "B", "w": "W", "p": "P", "f": "P", "k": "K", "q": "K", "g": "G", "j": ("J", "Y"),
    "s": "S", "z": "S", "x": "KS", "t": "T", "d": "D", "n": "N", "m": "M", "l": "L", "r": "R",
    "y": "Y", "h": ("H", ""), "c": "K",
}


def _latin_full_units(word: str) -> list[tuple[str, ...]]:
    units: list[tuple[str, ...]] = []
    i, n = 0, len(word)
    while i < n:
        two = word[i:i + 2]
        if two in _LATIN_VOWEL_DIGRAPHS:
            units.append(_LATIN_VOWEL_DIGRAPHS[two])
            i += 2
            continue
        for size in (3, 2):
            dg = word[i:i + size]
            if len(dg) == size and dg in _FULL_DIGRAPHS:
                units.append(_FULL_DIGRAPHS[dg])
                i += size
                break
        else:
            ch = word[i]
            if ch in _LATIN_VOWELS:
                v = _LATIN_VOWELS[ch]
                units.append(v if isinstance(v, tuple) else (v,))
            elif ch == "y" and i == n - 1 and i > 0:
                units.append(("i",))
            elif ch == "c" and i + 1 < n and word[i + 1] in "eiy":
                units.append(("S",))
            elif ch in _FULL_LATIN:
                v = _FULL_LATIN[ch]
                units.append(v if isinstance(v, tuple) else (v,))
            elif ch == "ß":
                units.append(("S",))
            i += 1
    return units


_FULL_DEVA = {**_DEVA_CONS, "ख": "X", "घ": "Γ", "छ": "Ç", "झ": "Ĵ", "ठ": "Θ", "थ": "Θ", "ढ": "Δ", "ध": "Δ",
              "भ": "Β", "श": "Š", "ष": "Š", "ह": "H", "व": ("W", "B")}

_DEVA_MATRA_VOWELS = {"ा": ("a",), "ि": ("i",), "ी": ("i",), "ु": ("u",), "ू": ("u",), "ृ": ("Ri",), "े": ("e",),
                      "ै": ("ai", "e"), "ो": ("o",), "ौ": ("au", "o"), "ॅ": ("e",), "ॉ": ("o",)}
_DEVA_INDEP = {"अ": ("a",), "आ": ("a",), "इ": ("i",), "ई": ("i",), "उ": ("u",), "ऊ": ("u",), "ऋ": ("Ri",), "ए": ("e",),
               "ऐ": ("ai", "e"), "ओ": ("o",), "औ": ("au", "o"), "ऍ": ("e",), "ऑ": ("o",)}


def _deva_full_units(word: str) -> list[tuple[str, ...]]:
    units: list[tuple[str, ...]] = []
    chars = list(word)
    n = len(chars)
    i = 0
    while i < n:
        ch = chars[i]
        if ch in _FULL_DEVA:
            cls = _FULL_DEVA[ch]
            j = i + 1
            if j < n and chars[j] == _NUKTA:
                cls = _DEVA_NUKTA.get(ch, cls)
                j += 1
            units.append(cls if isinstance(cls, tuple) else (cls,))
            if j < n and chars[j] == _VIRAMA:
                j += 1
            elif j < n and chars[j] in _DEVA_MATRA_VOWELS:
                units.append(_DEVA_MATRA_VOWELS[chars[j]])
                j += 1
            else:
                units.append(("", "a", "e"))  # inherent a: often silent (schwa deletion), "e" in "-er"
            i = j
            continue
        if ch in _DEVA_INDEP:
            units.append(_DEVA_INDEP[ch])
        elif ch == _ANUSVARA:
            units.append(("N", "M", ""))
        i += 1
    return units


def _collapse(raw: str) -> str:
    out: list[str] = []
    for c in raw:
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)


@lru_cache(maxsize=65536)
def full_keys(word: str) -> frozenset[str]:
    """Full keys (consonant classes + vowels) of a Latin or Devanagari word; empty for Hebrew."""
    if not word:
        return frozenset()
    ch = word[0]
    if "\u0900" <= ch <= "\u097f":
        units = _deva_full_units(word)
    elif "\u05d0" <= ch <= "\u05ea":
        return frozenset()
    else:
        units = _latin_full_units(word.lower())
    keys = {""}
    for opts in units:
        keys = {k + o for k in keys for o in opts}
        if len(keys) > 128:
            keys = set(sorted(keys)[:128])
    return frozenset(_collapse(k) for k in keys if k)


# Vowels a Hebrew spelling may leave unwritten, per reading (see hebrew_pattern).
_UNWRITTEN = {"loose": "[aeiou]*", "strict": "[ae]*", "native": "[aeo]*"}


@lru_cache(maxsize=65536)
def hebrew_pattern(word: str, mode: str = "loose") -> re.Pattern[str] | None:
    """A regex over full keys that the Latin/Devanagari spellings of a Hebrew word match.

    ``mode`` says how the Hebrew word was written:

    * ``"loose"``: a Hebrew name in the register (``משה``), compared with a Latin text word:
      any vowel may be unwritten, ח may be dropped ("Moshe", "Haim"/"Chaim").
    * ``"strict"``: a Hebrew text word read as someone's spelling of a *foreign* name: Hebrew
      writes the o, u and i of foreign names with ו and י, s with ס, v/w as וו — only a and e
      may be unwritten, and a medial ה or ע (שהוא, מעשה) or a leading article ה rules it out.
    * ``"native"``: a Hebrew text word read as a *Hebrew* name the register holds in Latin
      letters ("Moshe" for משה, "Yael" for יעל): any Hebrew word, so tighter than loose — ח and
      a non-final ה are consonants the Latin spelling writes, and only a, e and o (the vowels
      names leave out: משה, כהן, יעקב) may be unwritten. Words of three letters or more.
    """
    strict, native = mode == "strict", mode == "native"
    _V = _UNWRITTEN[mode]
    letters = [c for c in word if "\u05d0" <= c <= "\u05ea" or c in "'׳"]
    n = len(letters)
    if strict and (any(c in "הע" for c in letters[1:-1]) or (letters and letters[0] == "ה")):
        return None
    if native and n < 3:
        return None
    parts: list[str] = []
    i = 0
    while i < n:
        ch = letters[i]
        if ch in "'׳":
            i += 1
            continue
        geresh = i + 1 < n and letters[i + 1] in "'׳"
        first, last = i == 0, i == n - 1 - (1 if geresh else 0)
        nxt = letters[i + 1] if i + 1 < n else ""
        if geresh and ch in _HEBREW_GERESH:
            parts.append(_HEBREW_GERESH[ch] + _V)
        elif ch == "ו":
            if nxt == "ו":
                parts.append("[WB]" + _V)
                i += 2
                continue
            if first:
                parts.append("[WB]" + _V)
            else:  # foreign names write a consonant v/w as וו: a single ו is a vowel
                glide = nxt == "א" and not native  # וא = "wa" (Mwanaisha → מואנאישה)
                parts.append(("(?:[ou]|W)" if glide else "[ou]" if strict else "(?:[ou]|[WB])") + _V)
        elif ch == "י":
            if nxt == "י":
                parts.append("(?:Y|ai|ei|e|i)" + _V)
                i += 2
                continue
            parts.append("Y" + _V if first else "(?:[ie]Y?|Y|ai|ei)" + _V)
        elif ch == "ה" and native and not last:
            parts.append("H" + _V)
        elif ch in "אעה":
            parts.append(_V)
        elif ch == "ח":
            parts.append(("[KX]" if strict else "[KXH]" if native else "[KX]?") + _V)
        elif ch in "כך":
            parts.append("[KX]" + _V)
        elif ch == "ש":
            parts.append(("Š" if strict else "[SŠ]") + _V)  # foreign s is written ס
        elif ch == "ב":
            parts.append(("B" if strict else "[BW]") + _V)
        else:
            cls = _HEBREW.get(ch, "")
            parts.append((cls if isinstance(cls, str) else cls[0]) + _V)
        i += 1
    if not parts:
        return None
    return re.compile("".join(parts).replace(_V + _V, _V))


def _deva_or_latin(word: str) -> bool:
    return not ("\u05d0" <= word[0] <= "\u05ea")


_HEBREW_FINAL_VOWEL = set("אהויע")


@lru_cache(maxsize=1)
def hebrew_names() -> frozenset[str]:
    """Common Israeli given names and surnames (data/he-names.txt, hand-compiled, ~600 words).

    Hebrew leaves most vowels unwritten, so read as a name written natively almost any Hebrew
    word fits some Latin name ("Swai" = הצבעה's stem צבעה); only words in this list are
    compared that way. Foreign names written in Hebrew need no list (see hebrew_pattern)."""
    from importlib.resources import files

    text = files("transqa.identifiers").joinpath("data/he-names.txt").read_text(encoding="utf-8")
    return frozenset(w for line in text.splitlines() if not line.startswith("#") for w in line.split())


def _ends_alike(he: str, latin: str) -> bool:
    """Hebrew writes a name's final vowel (משה, לוי, רונה) and no letter after a final consonant
    (יעל, רונית): the ends must agree for a Hebrew name to match its Latin spelling loosely."""
    last = latin.rstrip("'’")[-1:].lower()
    return (he[-1] in _HEBREW_FINAL_VOWEL) == (last in _VOWELS or last == "y")


def cross_match(a: str, b: str) -> bool:
    """Can text word ``a`` and register word ``b``, of different scripts, spell one name?

    Decides the skeleton's candidates. A Hebrew text word is matched strictly against a
    Latin or Devanagari register name (see :func:`hebrew_pattern`), a Hebrew register name
    loosely against a Latin or Devanagari text word.
    """
    if not a or not b:
        return False
    a_he, b_he = not _deva_or_latin(a), not _deva_or_latin(b)
    if a_he and b_he:
        return a == b
    if a_he or b_he:
        he, other = (a, b) if a_he else (b, a)
        keys = full_keys(other.lower())
        pat = hebrew_pattern(he, "strict" if a_he else "loose")
        if pat is not None and any(pat.fullmatch(k) for k in keys):
            return True
        if not a_he or not _ends_alike(he, other) or he not in hebrew_names():
            return False
        pat = hebrew_pattern(he, "native")  # a Hebrew name the register holds in Latin letters: "Moshe" = משה
        return pat is not None and any(pat.fullmatch(k) for k in keys)
    return bool(full_keys(a.lower()) & full_keys(b.lower()))
