"""Numbers in any of the study's scripts, as comparable values.

Devanagari digits (०–९) and other Unicode decimal digits become ASCII; a decimal comma
(``2,5``) and thousands separators (``1.000``, ``1,000``, ``1 000``) are read as the writer
meant them, so ``2,5 Stunden`` and ``2.5 hours`` carry the same number.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from transqa.text.normalise import fold
from transqa.text.tokens import WORD

_DIGIT = r"[^\W\D_]"  # any Unicode decimal digit
NUMBER = re.compile(
    rf"(?<![\w.,]){_DIGIT}+(?:[.,\u00A0\u202F ]{_DIGIT}{{3}})*(?:[.,]{_DIGIT}+)?(?![\w]|[.,]{_DIGIT})",
    re.UNICODE,
)


def ascii_digits(text: str) -> str:
    """Every Unicode decimal digit as its ASCII digit; other characters unchanged."""
    if text.isascii():
        return text
    return "".join(str(unicodedata.decimal(ch)) if ch.isdecimal() else ch for ch in text)


@dataclass(frozen=True, slots=True)
class Number:
    value: str  # canonical: ASCII digits, '.' as decimal point, no grouping
    start: int
    end: int
    text: str


def _canonical(raw: str, decimal_comma: bool) -> str:
    s = ascii_digits(raw).replace("\u00A0", " ").replace("\u202F", " ")
    groups = re.split(r"[ .,]", s)
    seps = re.findall(r"[ .,]", s)
    if not seps:
        return str(int(s))
    decimal_sep = "," if decimal_comma else "."
    grouped = all(len(g) == 3 for g in groups[1:]) and len(groups[0]) <= 3
    if grouped and len(set(seps)) == 1:
        # One kind of separator between groups of three: grouping, except a single
        # separator that is this language's decimal mark ("1,500" in German = 1.5).
        if len(seps) == 1 and seps[0] == decimal_sep:
            return _decimal(groups[0], groups[1])
        return str(int("".join(groups)))
    if seps[-1] in ".,":
        return _decimal("".join(groups[:-1]), groups[-1])
    return str(int("".join(groups)))


def _decimal(whole: str, frac: str) -> str:
    whole = str(int(whole)) if whole else "0"
    frac = frac.rstrip("0")
    return f"{whole}.{frac}" if frac else whole


# Languages whose writers use a decimal comma (2,5). Swahili, Luganda and Hebrew writers use
# "1,500" for fifteen hundred (as the real news data shows), so they read as English does.
DECIMAL_COMMA_LANGS = {"de"}


def numbers(text: str, lang: str | None = None) -> list[Number]:
    """All numbers in ``text`` with canonical values."""
    dc = (lang or "").split("-")[0] in DECIMAL_COMMA_LANGS
    out = []
    for m in NUMBER.finditer(text):
        raw = m.group().rstrip(" ")
        try:
            value = _canonical(raw, dc)
        except ValueError:
            continue
        out.append(Number(value, m.start(), m.start() + len(raw), raw))
    return out


# --- Additions for the numbers check (additive; the functions above are unchanged) -----------
#
# A number check that compares only ``numbers()`` raises false alarms on real translations:
# digits glued to letters ("3rd", "1960s", "£2.8bn", "10am") are not numbers() matches; one
# side writes "four minutes", "drei", "tatu", "שלוש", "तीन", "one thousand nine hundred
# eighty"; "1,500" is 1500 in Swahili and Hebrew news but 1.5 in German; "2 million" meets
# "20 लाख"; "6:30" meets "6.30am". The helpers below give every number its plausible
# readings and every side the values its number words and month names stand for.

# digits possibly glued to letters or currency signs; no grouping/decimal run-on into digits
LOOSE_NUMBER = re.compile(
    rf"(?<![\d.,])(?:{_DIGIT}{{1,2}}(?:,{_DIGIT}{{2}})+,{_DIGIT}{{3}}(?![\d.,])|{_DIGIT}+(?:[.,\u00A0\u202F]{_DIGIT}{{3}})*(?:[.,]{_DIGIT}{{1,3}})?(?!{_DIGIT}|[.,]{_DIGIT}))",
    re.UNICODE,
)
DIGIT_RUN = re.compile(rf"{_DIGIT}+", re.UNICODE)
TIME = re.compile(rf"(?<![\d.,:])({_DIGIT}{{1,2}})[:.]({_DIGIT}{{2}})(?![\d]|[.,:]{_DIGIT})", re.UNICODE)


_INDIAN_GROUPING = re.compile(rf"{_DIGIT}{{1,2}}(?:,{_DIGIT}{{2}})+,{_DIGIT}{{3}}")


@lru_cache(maxsize=65536)
def readings(raw: str) -> frozenset[str]:
    """Canonical values of one written number under both decimal conventions.

    ``1,500`` → {1500, 1.5}; ``2,5`` → {2.5}; ``1.000.000`` → {1000000}.
    """
    out = set()
    if _INDIAN_GROUPING.fullmatch(raw):  # lakh grouping: 8,20,000 = 820000
        return frozenset({str(int(ascii_digits(raw).replace(",", "")))})
    for dc in (False, True):
        try:
            out.add(_canonical(raw, dc))
        except ValueError:
            pass
    return frozenset(out)


def scaled(value: str, scale: int) -> str | None:
    """``value × scale`` as a canonical string (``2.8`` × 10⁹ → ``2800000000``)."""
    try:
        v = Decimal(value) * scale
    except InvalidOperation:
        return None
    v = v.normalize()
    if v == v.to_integral_value():
        return str(int(v))
    return format(v, "f")


_NUMBER_WORD_TABLE: dict[str, dict[str, float]] = {
    "en": {
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
        "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
        "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
        "thousand": 1000, "million": 10**6, "billion": 10**9, "trillion": 10**12, "lakh": 10**5, "crore": 10**7,
        "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
        "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
        "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
        "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "hundredth": 100,
        "dozen": 12, "couple": 2, "twice": 2, "once": 1, "double": 2, "triple": 3, "single": 1, "both": 2,
        "half": 0.5, "quarter": 0.25, "decade": 10, "century": 100, "millennium": 1000, "hundreds": 100, "thousands": 1000,
        "millions": 10**6, "billions": 10**9, "dozens": 12, "twenties": 20, "thirties": 30, "forties": 40,
        "fifties": 50, "sixties": 60, "seventies": 70, "eighties": 80, "nineties": 90, "sixtieth": 60,
        "seventieth": 70, "eightieth": 80, "ninetieth": 90, "thousandth": 1000, "hundredth": 100,
    },
    "de": {
        "null": 0, "ein": 1, "eins": 1, "eine": 1, "einen": 1, "einem": 1, "einer": 1, "eines": 1, "zwei": 2,
        "drei": 3, "vier": 4, "funf": 5, "sechs": 6, "sieben": 7, "sieb": 7, "acht": 8, "neun": 9, "zehn": 10,
        "elf": 11, "zwolf": 12, "zwanzig": 20, "dreissig": 30, "vierzig": 40, "funfzig": 50, "sechzig": 60,
        "siebzig": 70, "achtzig": 80, "neunzig": 90, "hundert": 100, "tausend": 1000, "million": 10**6,
        "millionen": 10**6, "mio": 10**6, "milliarde": 10**9, "milliarden": 10**9, "mrd": 10**9,
        "billion": 10**12, "billionen": 10**12, "dutzend": 12, "beide": 2, "beiden": 2, "halb": 0.5,
        "halbe": 0.5, "halben": 0.5, "anderthalb": 1.5, "eineinhalb": 1.5, "zweieinhalb": 2.5,
        "dreieinhalb": 3.5, "erste": 1, "zweite": 2, "dritte": 3, "vierte": 4, "funfte": 5,
        "sechste": 6, "siebte": 7, "achte": 8, "neunte": 9, "zehnte": 10, "elfte": 11, "zwolfte": 12,
        "zwanzigste": 20, "hundertste": 100, "einmal": 1, "zweimal": 2, "dreimal": 3, "doppelt": 2,
        "jahrzehnt": 10, "jahrhundert": 100, "hunderte": 100, "tausende": 1000, "zwanziger": 20,
        "dreissiger": 30, "vierziger": 40, "funfziger": 50, "sechziger": 60, "siebziger": 70, "achtziger": 80,
        "neunziger": 90,
    },
    "sw": {
        "sifuri": 0, "moja": 1, "mbili": 2, "wili": 2, "pili": 2, "tatu": 3, "nne": 4, "tano": 5, "sita": 6,
        "saba": 7, "nane": 8, "tisa": 9, "kenda": 9, "kumi": 10, "ishirini": 20, "thelathini": 30,
        "arobaini": 40, "hamsini": 50, "sitini": 60, "sabini": 70, "themanini": 80, "tisini": 90,
        "mia": 100, "elfu": 1000, "laki": 10**5, "milioni": 10**6, "bilioni": 10**9, "trilioni": 10**12,
        "kwanza": 1, "nusu": 0.5, "robo": 0.25, "mara": 0, "muongo": 10, "karne": 100,
    },
    "lg": {
        "emu": 1, "omu": 1, "limu": 1, "kimu": 1, "gumu": 1, "bbiri": 2, "biri": 2, "ssatu": 3, "satu": 3,
        "nnya": 4, "nya": 4, "ttaano": 5, "taano": 5, "mukaaga": 6, "kaaga": 6, "musanvu": 7, "sanvu": 7,
        "munaana": 8, "naana": 8, "mwenda": 9, "kkumi": 10, "kumi": 10, "amakumi": 10, "abiri": 20,
        "asatu": 30, "ana": 40, "ataano": 50, "nkaaga": 60, "nsanvu": 70, "kinaana": 80, "kyenda": 90,
        "kikumi": 100, "bikumi": 100, "lukumi": 1000, "nkumi": 1000, "kakadde": 10**6, "bukadde": 10**6,
        "obukadde": 10**6, "akakadde": 10**6, "kawumbi": 10**9, "buwumbi": 10**9, "sooka": 1, "kusooka": 1,
        "lumu": 1, "kamu": 1, "ekimu": 1, "mutwalo": 10000, "emitwalo": 10000, "mitwalo": 10000, "ena": 4,
        "ennya": 4, "ensanvu": 70, "ekyasa": 100, "kyasa": 100,
    },
    "he": {
        "אפס": 0, "אחד": 1, "אחת": 1, "שניימ": 2, "שתיימ": 2, "שני": 2, "שתי": 2, "שלוש": 3, "שלושה": 3,
        "שלושת": 3, "ארבע": 4, "ארבעה": 4, "ארבעת": 4, "חמש": 5, "חמישה": 5, "חמשת": 5, "שש": 6, "שישה": 6,
        "ששת": 6, "שבע": 7, "שבעה": 7, "שבעת": 7, "שמונה": 8, "שמונת": 8, "תשע": 9, "תשעה": 9, "תשעת": 9,
        "עשר": 10, "עשרה": 10, "עשרת": 10, "עשרימ": 20, "שלושימ": 30, "ארבעימ": 40, "חמישימ": 50,
        "שישימ": 60, "שבעימ": 70, "שמונימ": 80, "תשעימ": 90, "מאה": 100, "מאות": 100, "מאתיימ": 200,
        "אלפ": 1000, "אלפימ": 2000, "אלפי": 1000, "אלפיימ": 2000, "מיליונ": 10**6, "מיליוני": 10**6,
        "מיליארד": 10**9, "מיליארדי": 10**9, "ראשונ": 1, "ראשונה": 1, "שניה": 2, "שנייה": 2, "שלישי": 3,
        "שלישית": 3, "רביעי": 4, "רביעית": 4, "חמישי": 5, "חמישית": 5, "שישי": 6, "שישית": 6, "שביעי": 7,
        "שמיני": 8, "תשיעי": 9, "עשירי": 10, "חצי": 0.5, "רבע": 0.25, "עשור": 10, "מאה": 100, "זוג": 2,
        "פעמיימ": 2, "שניהמ": 2,
    },
    "mr": {
        "शून्य": 0, "एक": 1, "दोन": 2, "तीन": 3, "चार": 4, "पाच": 5, "सहा": 6, "सात": 7, "आठ": 8, "नऊ": 9,
        "दहा": 10, "अकरा": 11, "बारा": 12, "तेरा": 13, "चौदा": 14, "पंधरा": 15, "सोळा": 16, "सतरा": 17,
        "अठरा": 18, "एकोणीस": 19, "वीस": 20, "पंचवीस": 25, "तीस": 30, "चाळीस": 40, "पन्नास": 50, "साठ": 60,
        "सत्तर": 70, "ऐंशी": 80, "नव्वद": 90, "शंभर": 100, "हजार": 1000, "लाख": 10**5, "कोटी": 10**7,
        "अब्ज": 10**9, "दशलक्ष": 10**6, "मिलियन": 10**6, "बिलियन": 10**9, "पहिला": 1, "पहिली": 1, "पहिले": 1,
        "पहिल्या": 1, "दुसरा": 2, "दुसरी": 2, "दुसरे": 2, "दुसऱ्या": 2, "तिसरा": 3, "तिसरी": 3, "तिसरे": 3,
        "तिसऱ्या": 3, "चौथा": 4, "चौथी": 4, "चौथे": 4, "चौथ्या": 4, "पाचवा": 5, "पाचवी": 5, "पाचव्या": 5,
        "दोघे": 2, "दोघांना": 2, "तिघे": 3, "अर्धा": 0.5, "अर्धे": 0.5, "दीड": 1.5, "अडीच": 2.5, "दशक": 10,
        "शतक": 100, "शेकडो": 100, "हजारो": 1000, "लाखो": 10**5, "दोनदा": 2,
    },
    "hi": {
        "शून्य": 0, "एक": 1, "दो": 2, "तीन": 3, "चार": 4, "पांच": 5, "छह": 6, "छः": 6, "छे": 6, "सात": 7,
        "आठ": 8, "नौ": 9, "दस": 10, "ग्यारह": 11, "बारह": 12, "तेरह": 13, "चौदह": 14, "पंद्रह": 15,
        "सोलह": 16, "सत्रह": 17, "अठारह": 18, "उन्नीस": 19, "बीस": 20, "पच्चीस": 25, "तीस": 30,
        "चालीस": 40, "पचास": 50, "साठ": 60, "सत्तर": 70, "अस्सी": 80, "नब्बे": 90, "सौ": 100, "हजार": 1000,
        "लाख": 10**5, "करोड": 10**7, "अरब": 10**9, "मिलियन": 10**6, "बिलियन": 10**9, "पहला": 1, "पहली": 1,
        "पहले": 1, "दूसरा": 2, "दूसरी": 2, "दूसरे": 2, "तीसरा": 3, "तीसरी": 3, "तीसरे": 3, "चौथा": 4,
        "चौथी": 4, "चौथे": 4, "पांचवां": 5, "पांचवी": 5, "दोनों": 2, "तीनों": 3, "चारों": 4, "डेढ": 1.5,
        "ढाई": 2.5, "आधा": 0.5, "आधी": 0.5, "दशक": 10, "सैकडों": 100, "हजारों": 1000, "लाखों": 10**5,
        "करोडों": 10**7, "दोगुना": 2, "तिगुना": 3, "छठा": 6, "छठी": 6, "छठे": 6,
    },
}

_MONTHS: dict[str, tuple[str, ...]] = {
    "en": ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"),
    "de": ("januar", "februar", "marz", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "dezember"),
    "sw": ("januari", "februari", "machi", "aprili", "mei", "juni", "julai", "agosti", "septemba", "oktoba", "novemba", "desemba"),
    "he": ("ינואר", "פברואר", "מרצ", "אפריל", "מאי", "יוני", "יולי", "אוגוסט", "ספטמבר", "אוקטובר", "נובמבר", "דצמבר"),
    "mr": ("जानेवारी", "फेब्रुवारी", "मार्च", "एप्रिल", "मे", "जून", "जुलै", "ऑगस्ट", "सप्टेंबर", "ऑक्टोबर", "नोव्हेंबर", "डिसेंबर"),
    "hi": ("जनवरी", "फरवरी", "मार्च", "अप्रैल", "मई", "जून", "जुलाई", "अगस्त", "सितंबर", "अक्टूबर", "नवंबर", "दिसंबर"),
}
_MONTH_EXTRA = {"en": {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
                       "oct": 10, "nov": 11, "dec": 12},
                "hi": {"सितम्बर": 9, "नवम्बर": 11, "दिसम्बर": 12, "फ़रवरी": 2}, "de": {"jan": 1, "feb": 2, "marz": 3, "dez": 12}}
# Scale words that multiply an adjacent number written in digits ("2 million", "milioni 5").
_SCALE_ABBREV = {"en": {"m": 10**6, "bn": 10**9, "mn": 10**6, "k": 1000, "million": 10**6, "billion": 10**9}}
# Luganda numerals agree with the noun class (babiri, bibiri, ogwokubiri): match by ending.
_LG_ENDINGS = (("bibiri", 200), ("bisatu", 300), ("bitaano", 500), ("lukaaga", 600), ("lusanvu", 700),
               ("lunaana", 800), ("lwenda", 900), ("kakaaga", 6000), ("kasanvu", 7000), ("kanaana", 8000),
               ("kenda", 9000), ("kumi", 10), ("kikumi", 100), ("nnya", 4), ("okuna", 4), ("lukumi", 1000), ("kakadde", 10**6), ("bukadde", 10**6), ("wumbi", 10**9),
               ("kkumi", 10), ("biri", 2), ("satu", 3), ("taano", 5), ("kaaga", 6), ("sanvu", 7), ("naana", 8),
               ("mwenda", 9), ("sooka", 1))
_SW_PREFIXES = ("wa", "vi", "mi", "ma", "ki", "zi", "ku", "pa", "ya", "m")
_HE_PREFIXES = "ובלמשהכ"
_CONNECTORS = {"and", "und", "na", "ne", "n", "va", "व", "आणि", "और", "ו", "mu", "a", "an"}
_HE_FINALS = str.maketrans("ךםןףץ", "כמנפצ")
_DEVA = str.maketrans({"\u093c": None, "\u0901": "\u0902", "\u200c": None, "\u200d": None})


@dataclass(frozen=True, slots=True)
class NumberWord:
    value: float
    start: int
    end: int
    text: str
    scale: bool  # a multiplier word (hundred, million, elfu, लाख)


@lru_cache(maxsize=65536)
def _word_key(word: str, code: str) -> str:
    if word.isascii():
        return word.lower()
    k = fold(word)
    if code == "he":
        k = k.translate(_HE_FINALS).replace("'", "").replace("\u05f3", "")
    elif code in ("mr", "hi"):
        k = k.translate(_DEVA)
    return k


def _de_compound(k: str) -> float | None:
    """German number compounds: dreiundzwanzig, zweihundertfünfzig, dreizehn."""
    table = _NUMBER_WORD_TABLE["de"]
    parts: list[float] = []
    i = 0
    while i < len(k):
        for j in range(len(k), i, -1):
            piece = k[i:j]
            if piece == "und":
                break
            if piece in table and table[piece] >= 1 and j - i >= 3:
                parts.append(table[piece])
                break
        else:
            return None
        i = j
    return _compose(parts) if len(parts) > 1 else None


def _de_prefix(k: str) -> float | None:
    """A number word starting a longer word: zweimonatig, Achtzehnjährige, dreistündig."""
    table = _NUMBER_WORD_TABLE["de"]
    parts: list[float] = []
    i = 0
    while i < len(k):
        for j in range(len(k), i + 2, -1):
            piece = k[i:j]
            if piece in table and table[piece] >= 1 and piece not in ("ein", "eine", "einen", "einem", "einer", "eines", "elf"):
                parts.append(table[piece])
                i = j
                break
            if piece == "und" and parts:
                i = j
                break
        else:
            break
    return _compose(parts) if parts and i >= 4 else None


def _compose(values: list[float]) -> float:
    """Multiplier-first composition: three hundred twenty → 320, zwei tausend → 2000."""
    total = 0.0
    current = 0.0
    for v in values:
        if v == 100:
            current = max(current, 1) * 100
        elif v >= 1000:
            total += max(current, 1) * v
            current = 0
        else:
            current += v
    return total + current


def _compose_scale_first(values: list[float]) -> float:
    """Scale-first composition (Swahili, Luganda): mia tatu → 300, elfu tano → 5000."""
    total = 0.0
    i = 0
    while i < len(values):
        v = values[i]
        if v >= 100 and i + 1 < len(values) and values[i + 1] < v:
            total += v * values[i + 1]
            i += 2
        else:
            total += v
            i += 1
    return total


def _lookup(word: str, code: str, original: str) -> tuple[float, bool] | None:
    return _lookup_cached(word, code, original[:1].isupper())


@lru_cache(maxsize=65536)
def _lookup_cached(word: str, code: str, capital: bool) -> tuple[float, bool] | None:
    table = _NUMBER_WORD_TABLE.get(code)
    if table is None:
        return None
    k = _word_key(word, code)
    months = _MONTHS.get(code, ())
    if k in months and (code != "en" or capital):
        return months.index(k) + 1, False
    extra = _MONTH_EXTRA.get(code, {})
    if k in extra and (code != "en" or capital):
        return extra[k], False
    cands = [k]
    if code == "sw":
        cands += [k[len(p):] for p in _SW_PREFIXES if k.startswith(p) and len(k) > len(p) + 2]
    elif code == "he":
        rest = k
        for _ in range(2):
            if rest[:1] and rest[0] in _HE_PREFIXES and len(rest) > 2:
                rest = rest[1:]
                cands.append(rest)
    elif code == "de":
        for suf in ("en", "er", "es", "em", "n", "s", "e"):
            if k.endswith(suf) and len(k) > len(suf) + 2:
                cands.append(k[: -len(suf)])
                cands.append(k[: -len(suf)] + "e")
    elif code == "en" and k.endswith("s") and len(k) > 4:
        cands.append(k[:-1])
    for c in cands:
        if c in table:
            v = table[c]
            return v, v >= 100 and v == int(v) and str(int(v)).rstrip("0") == "1"
    if code in ("hi", "mr"):
        for suf in ("वां", "वीं", "वी", "वें", "वे", "वा", "व्या"):
            if k.endswith(suf) and k[: -len(suf)] in table:
                return table[k[: -len(suf)]], False
    if code == "de" and len(k) > 6:
        v = _de_compound(k)
        if v is None:
            v = _de_prefix(k)
        if v is not None:
            return v, False
    if code == "lg":
        for ending, v in _LG_ENDINGS:
            if k.endswith(ending):
                return v, False
    return None


def _lg_all(word: str) -> list[float]:
    """Luganda class agreement makes endings ambiguous (ebisatu: 3 things or 300): all values."""
    k = _word_key(word, "lg")
    return [v for ending, v in _LG_ENDINGS if k.endswith(ending)]


_SPLIT_LG_SW = re.compile(r"['’\-]")
_SPLIT_HYPHEN = re.compile(r"-")


def number_words(text: str, lang: str | None) -> list[NumberWord]:
    """Spelled-out numbers, ordinals, and month names (as 1–12) in ``text``."""
    code = (lang or "").split("-")[0]
    if code not in _NUMBER_WORD_TABLE:
        return []
    out = []
    splitter = _SPLIT_LG_SW if code in ("lg", "sw") else _SPLIT_HYPHEN
    for m in WORD.finditer(text):
        tok = m.group()
        capital = tok[:1].isupper()
        pieces = splitter.split(tok) if ("-" in tok or "'" in tok or "’" in tok) else (tok,)
        pos = 0
        for piece in pieces:
            a = m.start() + pos
            b = a + len(piece)
            pos += len(piece) + 1
            got = _lookup_cached(piece, code, capital) if piece else None
            if got is not None:
                out.append(NumberWord(got[0], a, b, piece, got[1]))
                if code == "lg":
                    out.extend(NumberWord(v, a, b, piece, False) for v in _lg_all(piece) if v != got[0])
    return out


def word_values(words: list[NumberWord], lang: str | None, text: str = "") -> set[str]:
    """Every value the number words of one text may stand for: each word alone and each run
    of adjacent words composed both ways (three hundred / mia tatu)."""
    code = (lang or "").split("-")[0]
    vals: set[str] = set()

    def add(v: float) -> None:
        vals.add(str(int(v)) if v == int(v) else format(Decimal(str(v)).normalize(), "f"))

    # words at the same place are alternatives (Luganda ebisatu: 3 or 300)
    groups: list[list[NumberWord]] = []
    for w in words:
        if groups and (groups[-1][0].start, groups[-1][0].end) == (w.start, w.end):
            groups[-1].append(w)
        else:
            groups.append([w])
    run: list[list[NumberWord]] = []

    def flush() -> None:
        if 1 < len(run) <= 8:
            for i in range(len(run)):
                for j in range(i + 2, len(run) + 1):
                    for n, seq in enumerate(itertools.product(*([w.value for w in g] for g in run[i:j]))):
                        if n >= 16:
                            break
                        add(_compose(list(seq)))
                        add(_compose_scale_first(list(seq)))
                        add(sum(seq))
        run.clear()

    for g in groups:
        for w in g:
            add(w.value)
        if run:
            gap = text[run[-1][0].end:g[0].start] if text else " "
            gap_words = [x for x in _GAP_SPLIT.split(gap.strip()) if x]
            if len(gap) > 12 or "," in gap or any(_word_key(x, code) not in _CONNECTORS for x in gap_words):
                flush()
        run.append(g)
    flush()
    return vals


_GAP_SPLIT = re.compile(r"[\s,\-'’]+")


@lru_cache(maxsize=64)
def scale_words(lang: str | None) -> dict[str, int]:
    """Folded scale words of a language (multipliers of an adjacent number in digits)."""
    code = (lang or "").split("-")[0]
    table = _NUMBER_WORD_TABLE.get(code, {})
    out = {k: int(v) for k, v in table.items() if v >= 100 and v == int(v) and str(int(v)).rstrip("0") == "1"}
    out.update(_SCALE_ABBREV.get(code, {}))
    return out
