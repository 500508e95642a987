"""Identifiers with a shape: phones, e-mails, URLs, ID numbers, dates and years, ages, street
addresses; and two quasi-identifiers that a phrase announces: occupations ("worked as a taxi
driver") and nationality or origin ("a French national of Malian origin").

Each detector starts with a cheap gate (a digit, an ``@``, a dot, a cue word) so most segments
cost one regex search; phonenumbers runs only on a run of seven or more digits.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date as _date

import phonenumbers
from phonenumbers import Leniency, PhoneNumberMatcher

from transqa.identifiers.lexicon import MONTHS, OCCUPATION_NOT_MODIFIERS, OCCUPATIONS
from transqa.text.numbers import ascii_digits

STUDY_REGIONS = ("DE", "IL", "UG", "TZ", "IN")


@dataclass(frozen=True, slots=True)
class Match:
    kind: str  # phone | email | url | id-number | date | age | address | occupation | nationality
    start: int
    end: int
    detail: str = ""  # safe to show: what kind of identifier (never register content)


_HAS_DIGIT = re.compile(r"\d")
_D = r"\d"  # Python's \d matches Devanagari digits too

# -- phones --------------------------------------------------------------------------------------
_PHONE_CAND = re.compile(r"(?<![\w+])(?:\+|00)?\(?\d[\d \-./()\u00a0]{5,18}\d(?![\w])")
_YEAR_RANGE = re.compile(r"^\d{4}\s*[-–/]\s*\d{2,4}$")
_THOUSANDS = re.compile(r"^[1-9]\d{0,2}(?:[ .\u00a0]\d{3})+$")
_DATE_SHAPE = re.compile(r"^\d{1,4}[./-]\d{1,2}[./-]\d{2,4}$")


def _digits(s: str) -> int:
    return sum(c.isdigit() for c in s)


def _phone_in(cand: str) -> tuple[int, int, str] | None:
    """(start, end, region label) of a phone number filling ``cand``, or None."""
    if _digits(cand) < 7 or _digits(cand) > 15:
        return None
    plain = ascii_digits(cand).strip()
    if _YEAR_RANGE.match(plain) or _DATE_SHAPE.match(plain):
        return None
    international = plain.startswith(("+", "00"))
    if _THOUSANDS.match(plain) and not international:
        return None
    if _digits(plain.lstrip("+0")) < 7:
        return None  # 000000018 is not a phone number
    for region in STUDY_REGIONS:
        for pm in PhoneNumberMatcher(plain, region, leniency=Leniency.VALID):
            return pm.start, pm.end, (phonenumbers.region_code_for_number(pm.number) if international else "")
    if (international or plain.startswith("0")) and 9 <= _digits(plain) <= 13:
        for region in STUDY_REGIONS:
            for pm in PhoneNumberMatcher(plain, region, leniency=Leniency.POSSIBLE):
                return pm.start, pm.end, ""
    return None


def _trimmed(cand: str) -> Iterator[tuple[int, str]]:
    """The candidate, then without up to two space-separated groups at either end
    ("31. 0812 34567", "+49 1512 3443596 1986")."""
    yield 0, cand
    parts = cand.split(" ")
    if len(parts) < 3:
        return
    for lo in range(0, 3):
        for hi in range(len(parts), len(parts) - 3, -1):
            if (lo, hi) == (0, len(parts)) or hi - lo < 2:
                continue
            sub = " ".join(parts[lo:hi])
            yield len(" ".join(parts[:lo])) + (1 if lo else 0), sub


# A number read out digit by digit, as a verbatim transcript writes it: "zero seven seven two,
# four one five, three eight nine", "oh-five-two", "double-zero", "null sieben", "sifuri saba".
_DIGIT_WORDS = {w: 1 for w in """zero oh nought one two three four five six seven eight nine null eins zwei drei vier
fünf sechs sieben acht neun sifuri moja mbili tatu nne tano sita saba nane tisa""".split()}
_DIGIT_ALT = "|".join(sorted(_DIGIT_WORDS, key=len, reverse=True))
_SPOKEN_NUMBER = re.compile(
    rf"(?i)\b(?:(?:double|triple)[- ])?(?:{_DIGIT_ALT})(?:[ ,\-]+(?:(?:double|triple)[- ])?(?:{_DIGIT_ALT})){{4,}}\b")
_SPOKEN_GATE = frozenset(_DIGIT_WORDS) | {"double", "triple"}


def spoken_numbers(text: str, words: list[str]) -> Iterator[Match]:
    """Phone numbers read out in words: seven digits at least."""
    if sum(p in _SPOKEN_GATE for w in words for p in w.split("-")) < 5:
        return
    for m in _SPOKEN_NUMBER.finditer(text):
        parts = re.split(r"[ ,\-]+", m.group().lower())
        digits = sum({"double": 1, "triple": 2}.get(p, 1) for p in parts)
        if digits >= 7:
            yield Match("phone", m.start(), m.end(), "phone number in words")


def phones(text: str) -> Iterator[Match]:
    for m in _PHONE_CAND.finditer(text):
        cand = m.group().rstrip(" .-/(")
        for off, sub in _trimmed(cand):
            found = _phone_in(sub)
            if found:
                s, e, region = found
                base = m.start() + off
                label = f"{region} phone number" if region else "phone number"
                digits = re.sub(r"\D", "", ascii_digits(sub[s:e]))
                if len(digits) == 9 and israeli_id_ok(digits):
                    label = "phone number (or Israeli ID number)"
                yield Match("phone", base + s, base + e, label)
                break


# -- e-mail and URLs -----------------------------------------------------------------------------
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}(?![\w])")
_TLDS = r"(?:com|org|net|info|edu|gov|de|il|ug|tz|in|ke|uk|co\.[a-z]{2}|ac\.[a-z]{2}|go\.[a-z]{2}|or\.[a-z]{2})"
_URL = re.compile(
    rf"(?:https?://|www\.)[^\s<>\"'()]+[^\s<>\"'().,;:!?]"
    rf"|(?<![\w@.])(?:[a-z0-9-]+\.)+{_TLDS}(?:/[^\s<>\"']*[^\s<>\"'.,;:!?])?(?![\w@])",
    re.IGNORECASE,
)


def emails(text: str) -> Iterator[Match]:
    if "@" not in text:
        return
    for m in _EMAIL.finditer(text):
        yield Match("email", m.start(), m.end(), "e-mail address")


def urls(text: str) -> Iterator[Match]:
    if "." not in text:
        return
    mails = [(e.start, e.end) for e in emails(text)]
    for m in _URL.finditer(text):
        if any(s <= m.start() < e for s, e in mails):
            continue
        yield Match("url", m.start(), m.end(), "web address")


# -- ID numbers ----------------------------------------------------------------------------------
def israeli_id_ok(digits: str) -> bool:
    """Israeli Teudat Zehut: 9 digits, Luhn-like check with weights 1,2."""
    if len(digits) != 9 or not digits.isdigit():
        return False
    total = 0
    for i, c in enumerate(digits):
        v = int(c) * (1 if i % 2 == 0 else 2)
        total += v - 9 if v > 9 else v
    return total % 10 == 0


_VERHOEFF_D = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5], [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
    [3, 4, 0, 1, 2, 8, 9, 5, 6, 7], [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
    [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3], [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
    [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
]
_VERHOEFF_P = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4], [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
    [8, 9, 1, 6, 0, 4, 3, 5, 2, 7], [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
    [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
]


def verhoeff_ok(digits: str) -> bool:
    c = 0
    for i, ch in enumerate(reversed(digits)):
        c = _VERHOEFF_D[c][_VERHOEFF_P[i % 8][int(ch)]]
    return c == 0


def aadhaar_ok(digits: str) -> bool:
    """Indian Aadhaar: 12 digits, not starting with 0 or 1, Verhoeff check digit."""
    return len(digits) == 12 and digits.isdigit() and digits[0] not in "01" and verhoeff_ok(digits)


def kvnr_ok(code: str) -> bool:
    """German health-insurance number (KVNR): a letter and nine digits, the last a check digit."""
    if len(code) != 10 or not code[0].isalpha() or not code[1:].isdigit():
        return False
    seq = f"{ord(code[0].upper()) - 64:02d}" + code[1:9]
    total = 0
    for i, c in enumerate(seq):
        v = int(c) * (1 if i % 2 == 0 else 2)
        total += v // 10 + v % 10
    return total % 10 == int(code[9])


_ID_NUMBERS = re.compile(
    r"(?<![\w+-])(?:"
    r"(?P<aadhaar>\d{4}[ -]?\d{4}[ -]?\d{4})"
    r"|(?P<nida>\d{8}-?\d{5}-?\d{5}-?\d{2})"
    r"|(?P<nin>C[MF][0-9A-Z]{12})"
    r"|(?P<kvnr>[A-Z]\d{9})"
    r"|(?P<il>\d{9})"
    r")(?![\w-])"
)
_RECORD = re.compile(
    r"(?i)\b(?:MRN|med(?:ical)?\.? ?rec(?:ord)?\.?(?: ?(?:no|number|nr))?|patient (?:no|number|id)|case (?:no|number)"
    r"|file (?:no|number)|ID(?: number| no| nr)?|IP ?No|OPD ?No|Fallnummer|Patientennummer|Aktenzeichen"
    r"|Versichertennummer|Ausweisnummer|Personalausweis(?:nummer)?|namba ya (?:mgonjwa|kitambulisho|faili)"
    r"|kitambulisho|NIN|NIDA|Aadhaar|PAN|passport(?: no| number)?|Reisepass(?:nummer)?"
    r"|(?:application|land register|register|registration|reg\.|account|file|case) (?:no\.?|nr\.?|number)"
    r"|(?:application|Beschwerde|Antrag)\s*\(?no\.?|(?<=registered )under (?:no\.?|number))"
    r"\s*[:#.\-]?\s*(?:no\.?\s*)?(?P<code>(?:(?-i:[A-Z]{1,4}) |[A-Z]{0,4}[-/]?)\d[\dA-Z/\-]{3,}(?:\.[\dA-Z][\dA-Z/\-]*)*(?: \d{4})*)",
)


# A vehicle's registration after its label: "registration number MM 17 PAX", "Kennzeichen UL-AB 123".
_PLATE = re.compile(
    r"(?i:(?:registration|licen[cs]e|number|vehicle|car) plate(?: number| no\.?)?|plate (?:number|no\.?)"
    r"|(?:vehicle |car )?registration (?:number|no\.?|mark)|Kennzeichen|namba ya gari)\s*:?\s*"
    r"(?P<code>[A-Z0-9]{1,4}(?:[ -][A-Z0-9]{1,4}){1,3})(?![\w-])")


# An IBAN by its shape (country, check digits, groups of four), checksum or not: a mistyped
# account number still identifies its holder.
_IBAN = re.compile(r"(?<![\w-])[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?(?![\w-])")
# A court's file number, German-style and the like: "2 BvR 77/17", "112 Js 1456/15",
# "III-2 Ws 318/16": a chamber number, a register's letters, a running number and the year.
_FILE_NUMBER = re.compile(r"(?<![\w/-])(?:[IVX]{1,4}(?:-\d{1,3})?|\d{1,4}) [A-Z][A-Za-z]{0,3} \d{1,6}/\d{2}(?:\d{2})?(?![\w/])")
# "decision no. 2213/2015", "appeal no. HU/04521/2020": any noun's number with a slash in it.
_ANY_NUMBER = re.compile(r"(?i:\b[a-z]{3,} (?:no\.?|nr\.?|number)\s*:?\s*)(?P<code>[A-Z]{0,4}/?\d[\dA-Z]*(?:[/.\-][\dA-Z]+)+)(?![\w/])")


def id_numbers(text: str) -> Iterator[Match]:
    seen: list[tuple[int, int]] = []
    for rx, label in ((_IBAN, "bank account (IBAN)"), (_FILE_NUMBER, "court file number")):
        for m in rx.finditer(text):
            if rx is _IBAN and _digits(m.group()) < 10:
                continue
            seen.append(m.span())
            yield Match("id-number", m.start(), m.end(), label)
    for m in _PLATE.finditer(text):
        code = m.group("code")
        if any(c.isdigit() for c in code) and any(c.isalpha() for c in code):
            seen.append(m.span("code"))
            yield Match("id-number", m.start("code"), m.end("code"), "vehicle registration")
    for m in _RECORD.finditer(text):
        if any(s <= m.start("code") < e for s, e in seen):
            continue
        s, e = m.span()
        head = text[s:m.start("code")]
        if "(" in head:  # "application (no. 36110/97": the number and its "no."
            s += head.rfind("(") + 1
        elif head[:6].lower() == "under ":  # "registered under no. 4512/08"
            s += 6
        seen.append((s, e))
        yield Match("id-number", s, e, "record or ID number")
    for m in _ANY_NUMBER.finditer(text):
        code = m.group("code")
        if "/" in code and _digits(code) >= 4 and not any(s <= m.start("code") < e for s, e in seen):
            seen.append(m.span("code"))
            yield Match("id-number", m.start("code"), m.end("code"), "record or ID number")
    for m in _ID_NUMBERS.finditer(text):
        if any(s <= m.start() < e for s, e in seen):
            continue
        kind = m.lastgroup
        raw = ascii_digits(m.group())
        digits = re.sub(r"[ -]", "", raw)
        ok = {
            "aadhaar": lambda: aadhaar_ok(digits),
            "nida": lambda: len(digits) == 20 and digits[:2] in ("19", "20"),
            "nin": lambda: _digits(raw) >= 5,
            "kvnr": lambda: kvnr_ok(raw),
            "il": lambda: israeli_id_ok(digits),
        }[kind]()
        if ok and kind == "il" and digits.startswith("0") and _phone_in(raw) is not None:
            continue  # also a valid phone number: reported once, as a phone that may be an ID
        if ok:
            label = {"aadhaar": "Aadhaar number", "nida": "NIDA number", "nin": "Ugandan NIN",
                     "kvnr": "health-insurance number", "il": "Israeli ID number"}[kind]
            yield Match("id-number", m.start(), m.end(), label)


# A reference code with no label before it: "PHC/CM/2281/2012", "PA1187342", "ME.12.L3.004512/19",
# "19880574-2391", a 13-digit personal number. Case files, passports and registration numbers
# lead to a person as surely as a name. Four digits at least, and letters, a slash, nine digits
# with separators or eleven without (fewer is a phone or a checked ID number); ranges, dates, decimals, thousands, decades and measures ("1990s", "500mg") are not codes.
_CODE_CAND = re.compile(r"(?<![\w./\-])[^\W_](?:[\w./\-]*[^\W_])?")
_CODE_NOT = re.compile(
    r"^(?:\d{1,10}|\d+[.,]\d+|\d{1,4}\s*[-–/]\s*\d{1,4}|\d+(?:s|th|st|nd|rd|[a-z]{1,3})|[a-z]+-?\d{1,3}"
    r"|\d{1,3}(?:\.\d{3})+(?:,\d+)?)$")


_DIGIT_GROUP = re.compile(r"\d+")


def codes(text: str) -> Iterator[Match]:
    """Unlabelled reference codes (case files, passports, registrations), as ``id-number``."""
    for m in _CODE_CAND.finditer(text):
        tok = m.group()
        digits = _digits(tok)
        if digits < 4:
            continue
        if not (digits >= 11 or "/" in tok or any(c.isalpha() for c in tok)
                or (digits >= 9 and not tok.isdigit())):
            continue
        if _CODE_NOT.match(tok) or _DATE_SHAPE.match(tok) or _YEAR_RANGE.match(tok):
            continue
        groups = _DIGIT_GROUP.findall(tok)
        if len(groups) == 1 and len(groups[0]) <= 4:
            continue  # a year or a number with a word joined to it: "mid-2018", "Juni2016", "२०१७मध्ये"
        letters = _LETTERS.findall(tok)
        if letters and (not any(c.isupper() for w in letters for c in w) and "/" not in tok
                        or any(w.lower() in _MONTH_SET for w in letters)):
            continue  # "6.30-10am", "June-3-2004"
        yield Match("id-number", m.start(), m.end(), "reference code")


# -- dates ---------------------------------------------------------------------------------------
_MONTH_ALT = "|".join(sorted({re.escape(w) for ws in MONTHS.values() for w in ws.split()}, key=len, reverse=True))
_DAY = r"(?:\d{1,2})"
_YEAR = r"(?:1[89]\d\d|20\d\d|[१२][०-९]{3})"
_NUMERIC_DATE = re.compile(rf"(?<![\w./-])(?:{_DAY}[./-][01]?\d[./-](?:\d{{4}}|\d\d)|\d{{4}}-[01]\d-[0-3]\d)(?![\w/-]|\.\d)")
_NAMED_DATE = re.compile(
    rf"(?<!\w)(?:"
    rf"(?:[בל]-?)?{_DAY}(?:\.|th|st|nd|rd)?\s*(?:of\s+|ב-?|ב)?(?:{_MONTH_ALT})\.?(?:,?\s+{_YEAR})?"
    rf"|(?:{_MONTH_ALT})\.?\s+{_DAY}(?:th|st|nd|rd)?(?:,?\s+{_YEAR})?"
    rf")(?!\w)",
    re.IGNORECASE,
)
_DAY_OK = re.compile(r"\d+")
# A month with its year ("in March 2009", "Januari 2019", "במאי 2020"), no day.
_MONTH_YEAR = re.compile(rf"(?<!\w)(?:[בל]-?)?(?:{_MONTH_ALT})\.?,?\s+(?:of\s+)?{_YEAR}(?!\w)", re.IGNORECASE)
# A bare year after a word that places an event in time ("in 1989", "since 2015", "from 2001 to
# 2009", "im Jahr 2019", "mwaka 2019", "בשנת 2019"): a quasi-identifier like a full date. A
# year alone ("the 2019 budget", "a 1998 law") or ahead of now ("by 2030") is not reported.
_THIS_YEAR = _date.today().year
_BARE_YEAR = r"(?:19\d\d|20\d\d)"
_YEAR_CUE = re.compile(
    rf"(?<![\w\u0590-\u05ff])(?:"
    rf"(?i:in|since|from|until|till|between|during|before|after|around|in the year|in the years"
    rf"|im|im jahr|im jahre|seit|von|bis|zwischen|mwaka|mwaka wa|tangu|mnamo|mu|mu mwaka|mu mwaka gwa|okuva mu)\s+"
    rf"|(?:בשנת|משנת|מאז|עד|ב|מ)-?\s*)"
    rf"(?P<y1>{_BARE_YEAR})(?:\s*(?:to|and|until|till|[-–]|bis|und|hadi|mpaka|okutuuka|עד)\s*(?P<y2>{_BARE_YEAR}))?"
    rf"(?![\w/]|[.,]\d)")
_YEAR4 = re.compile(rf"(?<!\d){_BARE_YEAR}(?!\d)")


def years(text: str) -> Iterator[Match]:
    """Years placed by a preposition; a range ("2001 to 2009") is one match."""
    for m in _YEAR_CUE.finditer(text):
        if int(m.group("y1")) > _THIS_YEAR:
            continue
        end = m.end("y2") if m.group("y2") and int(m.group("y2")) <= _THIS_YEAR else m.end("y1")
        yield Match("date", m.start("y1"), end, "year")


def dates(text: str) -> Iterator[Match]:
    for m in _NUMERIC_DATE.finditer(text):
        parts = [int(p) for p in re.findall(r"\d+", ascii_digits(m.group()))]
        if len(parts) == 3:
            d, mo = (parts[2], parts[1]) if parts[0] > 31 else (parts[0], parts[1])
            if parts[0] > 31 or (1 <= d <= 31 and 1 <= mo <= 12):
                if parts[0] <= 31 and not (1 <= mo <= 12 or 1 <= parts[0] <= 12):
                    continue
                yield Match("date", m.start(), m.end(), "full date")
    for m in _NAMED_DATE.finditer(text):
        day = _DAY_OK.search(ascii_digits(m.group()))
        if day and 1 <= int(day.group()) <= 31:
            yield Match("date", m.start(), m.end(), "full date")
    for m in _MONTH_YEAR.finditer(text):
        yield Match("date", m.start(), m.end(), "month and year")


def _alternation(keys) -> re.Pattern[str]:
    """Literal keys as one alternation, longest first, grouped by first character.

    Matches exactly as ``"|".join(keys)`` would (at each position the longest key that is
    there: keys with different first characters never compete), but the engine tests one
    branch per first character instead of every key at every position: twice as fast."""
    groups: dict[str, list[str]] = {}
    for k in sorted(keys, key=len, reverse=True):
        groups.setdefault(k[0], []).append(k[1:])
    return re.compile("|".join(re.escape(c) + "(?:" + "|".join(re.escape(r) for r in rests) + ")"
                               for c, rests in groups.items()))


def _gate(rules) -> re.Pattern[str]:
    """One scan for all the rules' gate words (faster than many ``in`` tests)."""
    return _alternation({k for ks, _ in rules for k in ks})



# -- ages ----------------------------------------------------------------------------------------
_N = r"(\d{1,3})"
# (gate substrings of the lower-cased text, pattern): a pattern runs only when its gate is there.
_AGE_RULES = [
    (("year", "yr"), rf"\b{_N}[- ]?(?:years?|yrs?)[- ]old\b|\b{_N}-year-old\b"),
    (("age",), rf"\baged? {_N}\b"),
    ((" is ", " was ", "i am ", "i'm ", "i’m ", "he's ", "she's "),
     rf"\b(?:I am|I'm|I’m|he is|she is|he's|she's|he was|she was|I was|who is|who was) {_N}"
     rf"(?! ?(?:%|percent|times|km|kg|minutes|hours|people|of\b))\b"),
    (("jahr", "jähr"), rf"\b{_N} Jahre alt\b|\b{_N}-?jährige[nmrs]?\b|\bmit {_N} Jahren\b|\b(?:ist|bin|war) {_N} Jahre\b"),
    (("miaka",), rf"\b(?:ana|nina|una|tuna|mna|wana|alikuwa na|nilikuwa na|umri wa|mwenye umri wa)\s+miaka\s+{_N}\b"),
    (("myaka",), rf"\b(?:alina|nnina|olina|yali na|ow'|wa)\s*e?myaka\s+{_N}\b"),
    (("בן", "בת", "גיל"), rf"(?<![\w\u0590-\u05ff])[וש]?(?:בן|בת|בגיל|גיל)\s+{_N}(?!\d)"),
    (("वर्ष", "साल"), rf"{_N}\s*(?:वर्षांचा|वर्षांची|वर्षांचे|वर्षाचा|वर्षाची|वर्षीय|वर्ष का|वर्ष की|साल का|साल की|साल के|वर्षे)"),
    (("वय", "उम्र"), rf"(?:वय|उम्र)\s*:?\s*{_N}"),
    (("born", "geboren", "alizaliwa", "yazaalibwa"),
     r"\b(?:born|geboren|alizaliwa|yazaalibwa)(?: (?:in|im|on|mwaka|mu|Jahr|the year))*\s+(\d{4})\b"),
    (("נולד",), r"(?:נולד|נולדה)\s+ב-?(?:שנת\s+)?(\d{4})"),
    (("जन्म",), r"(\d{4})\s*(?:साली|मध्ये)?\s*(?:जन्म|जन्मलेल्या|जन्मली|जन्मला)"),
]
_AGE = [(frozenset(keys), re.compile(rx, re.IGNORECASE)) for keys, rx in _AGE_RULES]
_AGE_GATE = _gate(_AGE)


def _gated(rules, gate: re.Pattern[str], text: str, low: str | None = None) -> Iterator[re.Match[str]]:
    low = text.lower() if low is None else low
    present = set(gate.findall(low))
    if not present:
        return
    for keys, rx in rules:
        if not present.isdisjoint(keys):
            yield from rx.finditer(text)


_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_TEENS = "eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_DECADES = "teens|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties"
# An age in words: "in her late sixties", "I was twenty-three", "aged nineteen".
_AGE_IN_WORDS = re.compile(
    rf"(?i)\bin (?:his|her|their|my|your|our) (?P<d>(?:(?:early|mid|late)[- ])?(?:{_DECADES}))\b"
    rf"|\b(?:aged|I am|I'm|I’m|I was|he is|she is|he's|she's|he was|she was|who is|who was|turned) "
    rf"(?P<n>(?:{_TENS})(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|{_TEENS})"
    rf"(?! (?:percent|per cent|times|minutes|hours|days|weeks|months|people|of|or|and)\b)\b")
_AGE_WORD_GATE = frozenset(_TENS.split("|") + _TEENS.split("|") + _DECADES.split("|") + [
    f"{t}-{u}" for t in _TENS.split("|") for u in "one two three four five six seven eight nine".split()] + [
    f"{q}-{d}" for q in ("early", "mid", "late") for d in _DECADES.split("|")])


def ages_in_words(text: str, words: list[str]) -> Iterator[Match]:
    """Ages written as words, which the digit gate of :func:`ages` never sees."""
    if _AGE_WORD_GATE.isdisjoint(words):
        return
    for m in _AGE_IN_WORDS.finditer(text):
        g = "d" if m.group("d") else "n"
        yield Match("age", m.start(g), m.end(g), "age")


def ages(text: str, low: str | None = None) -> Iterator[Match]:
    for m in _gated(_AGE, _AGE_GATE, text, low):
        g = next((i for i, x in enumerate(m.groups(), 1) if x), 0)
        if not g:
            continue
        n = m.group(g)
        v = int(ascii_digits(n))
        if 0 < v <= 120:
            yield Match("age", m.start(), m.end(), "age")
        elif 1880 <= v <= 2030:  # "born in 1962": the year is what identifies
            yield Match("age", m.start(g), m.end(g), "year of birth")


# -- street addresses ----------------------------------------------------------------------------
_CAP = r"[A-ZÄÖÜ][\w'’.-]+"
_ADDRESS_RULES = [
    (("straße", "strasse", "str.", "weg", "gasse", "platz", "allee", "damm", "ufer", "steig", "chaussee"),
     rf"\b[A-ZÄÖÜ][\wäöüß-]*(?i:straße|strasse|str\.|weg|gasse|platz|allee|ring|damm|ufer|steige|steig|chaussee)"
     rf"\s+\d{{1,4}}(?:\s?[a-z](?!\w))?(?!\d)"
     rf"|\b(?:{_CAP}\s){{1,3}}(?:Straße|Strasse|Weg|Platz|Allee|Gasse)\s+\d{{1,4}}(?:\s?[a-z](?!\w))?(?!\d)"),
    (("street", "st", "road", "rd", "avenue", "ave", "lane", "close", "drive", "way", "crescent", "boulevard",
      "gardens", "terrace", "square", "row", "grove", "mews"),
     rf"\b\d{{1,5}}[a-z]?,?\s+(?:{_CAP}\s){{1,3}}(?:Street|St\.?|Road|Rd\.?|Avenue|Ave\.?|Lanes?|Close|Drive|Way|"
     rf"Crescent|Boulevard|Gardens|Terrace|Square|Row|Grove|Mews)\b"),
    (("plot", "house", "flat"),
     rf"\b(?:Plot|House|Flat)\s+(?:No\.?\s*)?\d+[A-Za-z]?(?:,?\s+(?:{_CAP}\s){{0,3}}(?:Road|Street|Avenue|Lane|Close|Drive))?"),
    # streets whose kind comes first or is Turkish: "Rua das Flores 12", "ul. Marszałkowska 1",
    # "Via Roma 4", "Atatürk Caddesi No. 12", "Gül Sokak 5"
    (("rua ", "avenida", "av. ", "calle", "via ", "viale", "piazza", "rue ", "ul. ", "ulica", "al. ", "aleja", "odos",
      "odós", "leoforos", "rehov", "rechov", "derech", "sderot", "strada", "calea", "ulitsa",
      "caddesi", "cad. ", "sokak", "sokağı", "sok. ", "bulvarı", "mahallesi"),
     rf"\b(?:Rua|Avenida|Av\.|Calle|Via|Viale|Piazza|[Rr]ue|ul\.|ulica|al\.|aleja|Odos|Odós|Leoforos|Rehov|Rechov"
     rf"|Derech|Sderot|Strada|Calea|Ulitsa)\s+"
     rf"(?:(?:d[aeo]s?|de la|del|della|di|du|des)\s+)?(?:{_CAP}\s){{0,2}}{_CAP},?\s+(?:No\.?\s*)?\d{{1,4}}(?:/\d{{1,4}})?[A-Za-z]?(?![\d/])"
     rf"|\b(?:{_CAP}\s){{1,2}}(?:Caddesi|Cad\.|Sokak|Sokağı|Sok\.|Bulvarı|Mahallesi)(?:,?\s+No\.?\s*:?\s*\d{{1,4}}(?:/\d+)?)?"),
    (("box", "s.l.p", "slp", "s. l. p", "postfach"), r"\b(?:P\.?\s?O\.?\s?Box|S\.?\s?L\.?\s?P\.?|Postfach)\s+\d+"),
    (("mtaa wa", "barabara ya", "nyumba"), rf"\b(?:Mtaa wa|Barabara ya|Nyumba (?:namba|na\.?))\s+(?:{_CAP}|\d+)(?:\s+\d+)?"),
    (("רחוב", "רח'", "שדרות", "שד'"), r"(?<![\u0590-\u05ff])(?:רחוב|רח'|שדרות|שד')\s+[\u05d0-\u05ea\"'׳״ -]{2,30}?\s\d{1,4}"),
    (("घर", "मकान", "प्लॉट"), r"(?:घर क्रमांक|घर नं\.?|मकान नं\.?|प्लॉट (?:नं\.?|क्रमांक))\s*\d+"),
]
_ADDRESS = [(frozenset(keys), re.compile(rx)) for keys, rx in _ADDRESS_RULES]
_ADDRESS_GATE = _gate(_ADDRESS)
_ADDRESS_WITHOUT_NUMBERED_STREET = [r for r in _ADDRESS if r is not _ADDRESS[1]]  # "12 Main Street" needs a number then a capital
_POSTCODE_TOWN = re.compile(r"\b\d{5}\s+[A-ZÄÖÜ][a-zäöüß]+(?:\s(?:an der|am|im)\s[A-ZÄÖÜ]\w+)?")  # German postcode + town
_NUMBER_THEN_CAP = re.compile(r"\d[a-z]?,?\s+[A-Z]")


# A British postcode ("SW1A 2AA", "IG1 4HP"): letters, digits, a space, a digit and two letters.
_UK_POSTCODE = r"(?:[A-Z]{1,2}\d[A-Z\d]?|GIR) \d[A-Z]{2}"
_UK_POSTCODE_RX = re.compile(rf"(?<![\w-]){_UK_POSTCODE}(?![\w-])")
_TOWN = r"[A-ZÀ-ÖØ-Þ][\w'’]+(?:[ -][A-ZÀ-ÖØ-Þ][\w'’]+)?"
_POSTAL_NUMBER = r"(?:\d{2}-\d{3}|\d{4}-\d{3}|\d{3} \d{2}(?!\d)|\d{3} \d{3}|\d{4,7})"
_EIRCODE = r"[A-Z]\d{2}[ ]?[A-Z0-9]{4}"
# The parts that may follow a street address after a comma ("Dublin 6", "2.º Dto.",
# "185 31 Piraeus", "Kolhapur 416216", "D06 F2X1"); they belong to it only up to the last
# part that holds a postcode, so "12 Main Street, Kampala, said" keeps its street alone.
_TAIL_PART = re.compile(
    rf" (?:Lower|Upper|North|South|East|West|Extension)\b"
    rf"|(?:,\s*|\s+(?=[A-Z0-9]{{2,4}} \d[A-Z]{{2}}))(?:"
    rf"(?P<postal>{_POSTAL_NUMBER}\s+{_TOWN}|{_TOWN},?\s+(?:{_UK_POSTCODE}|{_POSTAL_NUMBER})(?![\w-])"
    rf"|{_UK_POSTCODE}(?![\w-])|{_EIRCODE}(?![\w-]))"
    rf"|{_TOWN}(?: \d{{1,2}})?(?![\w-])|\d{{1,2}}\.?\s?[º°ª]\s?\w{{1,4}}\.?)")


def _address_tail(text: str, end: int) -> int:
    """Where an address that ends at ``end`` really ends, with its town and postcode."""
    last, pos = end, end
    for _ in range(4):
        m = _TAIL_PART.match(text, pos)
        if m is None:
            break
        pos = m.end()
        if m.group("postal"):
            last = pos
    return last


_POLISH_POSTCODE_TOWN = re.compile(rf"(?<![\w-])\d{{2}}-\d{{3}}\s+{_TOWN}")


def addresses(text: str, low: str | None = None) -> Iterator[Match]:
    low = text.lower() if low is None else low
    rules = _ADDRESS if _NUMBER_THEN_CAP.search(text) else _ADDRESS_WITHOUT_NUMBERED_STREET
    found = sorted(((m.start(), m.end()) for m in _gated(rules, _ADDRESS_GATE, text, low)))
    merged: list[list[int]] = []
    for s, e in found:  # "Flat 3, 18 Anexartisias Street": one address
        if merged and (s <= merged[-1][1] or text[merged[-1][1]:s] in (", ", " ")):
            merged[-1][1] = max(e, merged[-1][1])
        else:
            merged.append([s, e])
    for s, e in merged:
        yield Match("address", s, _address_tail(text, e), "street address")
    if " " in text:
        for m in _UK_POSTCODE_RX.finditer(text):
            if not any(s <= m.start() < e for s, e in merged):
                yield Match("address", m.start(), m.end(), "postcode")
    if "-" in text:
        for m in _POLISH_POSTCODE_TOWN.finditer(text):
            yield Match("address", m.start(), m.end(), "postcode and town")
    if _POSTCODE.search(text):
        for m in _POSTCODE_TOWN.finditer(text):
            if m.group().split()[1].lower() not in _MONTH_SET:
                yield Match("address", m.start(), m.end(), "postcode and town")


# -- occupations and nationality: quasi-identifiers a phrase announces ----------------------------
# The cue ends where the occupation phrase may begin: "worked as (a)", "employed as", "is a",
# "was an", "a retired", "a former", "by profession". "I am a nurse" (the speaker's own role,
# which a focus group of nurses shares) is not a cue; "I was a teacher" and "he is a driver" are.
# A nationality adjective between the cue and the job: "a Kurdish shepherd", "is a Georgian police sergeant".
_NAT_ADJ = r"(?-i:[A-Z][a-zà-ÿ]+(?:ian|ish|ese|an|i|ic|ch|sh))"
_OCC_CUE = re.compile(
    r"(?i)\b(?:"
    r"(?:work(?:s|ed|ing)?|employed|job|jobs|trained|training|qualified|practi[cs](?:e|es|ed|ing)|serv(?:e|es|ed|ing)"
    r"|hired|retired|started|began|earn(?:s|ed)? (?:a|his|her|my|their) living)\s+as(?:\s+an?)?"
    r"|(?:is|was|were|became|becomes|become|becoming|been)\s+an?"
    r"|(?:an?|the)\s+(?:retired|former|trainee|qualified|practising|practicing|licensed|registered|self-employed)"
    r"|(?:by|of)\s+(?:profession|trade|occupation)(?:\s+an?)?"
    r"|(?:profession|occupation)(?:\s+(?:is|was|as))?\s*:?(?:\s+an?)?"
    # "a 31-year-old Senegalese tailor", "his sister, a nurse at the hospital" (an apposition)
    rf"|an?(?=\s+(?:\d{{1,3}}-year-old|{_NAT_ADJ}))|(?<=, )an?"
    rf")(?:\s+\d{{1,3}}-year-old)?(?:\s+{_NAT_ADJ})?\s+")
_NAME_BEFORE = re.compile(r"(?<![.!?:] )(?<!^)\b[A-Z][a-zà-ÿ'’-]+$")
_OCC_AFTER = re.compile(r"(?:[a-z][a-z'’-]*\s+){0,3}[a-z][a-z-]*")
_OCC_BEFORE = re.compile(r"(?i)((?:[a-z][a-z-]*\s+){0,2}[a-z][a-z-]*)\s+by\s+(?:profession|trade|occupation)\b")
# Gate: a segment is searched for cues only when one of its words is an occupation (singular,
# plural or -men), one set look-up per word instead of a cue scan of every segment.
_OCC_WORDS = OCCUPATIONS | {w + "s" for w in OCCUPATIONS} | {w + "es" for w in OCCUPATIONS} | {
    w[:-3] + "men" for w in OCCUPATIONS if w.endswith("man")}


def _occupation_head(word: str) -> bool:
    if word in OCCUPATIONS:
        return True
    if word.endswith("men") and word[:-3] + "man" in OCCUPATIONS:
        return True
    return word.endswith("s") and (word[:-1] in OCCUPATIONS or (word.endswith("es") and word[:-2] in OCCUPATIONS))


_OCC_STOP = frozenset("and or of who that which for with to in at on not no his her my their our your its".split())
# Heads that name a job only with a word before them ("social worker", "police officer").
_OCC_NEEDS_MODIFIER = frozenset("worker officer assistant employee official servant aide guard student".split())
# "There was a nurse", "it was a doctor who": the copula says what is there, not someone's job;
# a copula that opens a clause asks a question ("Is a nurse allowed to …?").
_OCC_NOT_SUBJECT = frozenset("there it this that which what here".split())
_COPULAS = frozenset("is was were became becomes become becoming been".split())
_CLAUSE_START = frozenset(".?!:;\"“”„«»([-—–…]")


def _occupation_span(words: list[tuple[int, int, str]]) -> tuple[int, int] | None:
    """The occupation phrase among a cue's next words: up to the first occupation head, from
    the first word after the cue's fillers ("a very good teacher" gives "teacher")."""
    for i, (_, e, w) in enumerate(words):
        if w in _OCC_STOP:
            return None
        if _occupation_head(w):
            k = i
            while k > 0 and words[k - 1][2] not in OCCUPATION_NOT_MODIFIERS:
                k -= 1
            if k == i and (w in _OCC_NEEDS_MODIFIER or w.rstrip("s") in _OCC_NEEDS_MODIFIER):
                return None
            return words[k][0], e
    return None


_WORD = re.compile(r"[a-z][a-z'’-]*")


def occupations(text: str, low: str | None = None, words: list[str] | None = None) -> Iterator[Match]:
    """A job in a phrase that gives someone's job: "worked as a taxi driver", "he was a journalist"."""
    low = text.lower() if low is None else low
    if _OCC_WORDS.isdisjoint(_SPLIT.split(low) if words is None else words):
        return
    seen: list[tuple[int, int]] = []
    for m in _OCC_CUE.finditer(text):
        if m.group().split() in (["a"], ["an"]) and text[m.start() - 2:m.start()] == ", " and not _NAME_BEFORE.search(
                text, 0, m.start() - 2):
            continue  # an apposition to a name ("Abena, a nurse"), not to "I am a psychiatrist, a senior physician"
        if low[m.start():m.end()].split()[0] in _COPULAS:
            # "there was a nurse" says what was there; "Is a peer support worker allowed to …?" asks
            before = low[max(0, m.start() - 8):m.start()].rstrip()
            if not before or before[-1] in _CLAUSE_START or before.split()[-1] in _OCC_NOT_SUBJECT:
                continue
        nxt = _OCC_AFTER.match(text, m.end())
        if nxt is None:
            continue
        words = [(m.end() + w.start(), m.end() + w.end(), w.group()) for w in _WORD.finditer(nxt.group())]
        span = _occupation_span(words)
        if span is not None and not any(a < span[1] and span[0] < b for a, b in seen):
            seen.append(span)
            yield Match("occupation", span[0], span[1], "occupation")
    if "by " in low:
        for m in _OCC_BEFORE.finditer(text):
            ws = [(m.start(1) + w.start(), m.start(1) + w.end(), w.group().lower())
                  for w in _WORD.finditer(m.group(1).lower())]
            span = _occupation_span(ws) if ws and _occupation_head(ws[-1][2]) else None
            if span is not None:
                if not any(a < span[1] and span[0] < b for a, b in seen):
                    seen.append(span)
                    yield Match("occupation", span[0], span[1], "occupation")


_NAT = r"[A-Z][a-zà-ÿ'’]+(?:[- ][A-Z][a-zà-ÿ'’]+)?"
_NATIONALITY = re.compile(
    rf"\b(?:an?|the|as)\s+(?P<a>{_NAT})\s+(?:national|citizen|passport holder|nationals|citizens)\b"
    rf"|\b(?:of|with)\s+(?P<b>{_NAT})\s+(?:origin|descent|ethnicity|extraction|background|heritage|parentage"
    rf"|nationality|roots|ancestry)\b"
    rf"|\b(?P<c>(?:[a-zäöü]{{2,}}isch|deutsch)e[rnms]?)\s+(?:Herkunft|Abstammung|Staatsangehörigkeit|Staatsbürger(?:in|schaft)?)\b")
_NAT_WORDS = frozenset("""national nationals citizen citizens passport origin descent ethnicity extraction background
heritage parentage nationality roots ancestry herkunft abstammung staatsangehörigkeit staatsbürger staatsbürgerin
staatsbürgerschaft""".split())


def nationalities(text: str, low: str | None = None, words: list[str] | None = None) -> Iterator[Match]:
    """A nationality or ethnic origin said of someone: "a French national", "of Malian origin",
    "türkischer Herkunft"."""
    low = text.lower() if low is None else low
    if _NAT_WORDS.isdisjoint(_SPLIT.split(low) if words is None else words):
        return
    for m in _NATIONALITY.finditer(text):
        g = m.lastgroup or "a"
        yield Match("nationality", m.start(g), m.end(g), "nationality or origin")


_RUN7 = re.compile(r"\d[\d \-./()\u00a0]{5,}\d|[A-Z]{2}\d{5}")
_NUMERIC_DATE_GATE = re.compile(r"\d[./-]\d")
_RUN4 = re.compile(r"\d(?:\D*\d){3}")  # four digits somewhere
_LETTERS = re.compile(r"[^\W\d_]+")
_MONTH_SET = frozenset(w for ws in MONTHS.values() for w in ws.split())
_SPLIT = re.compile(r"[\s,.;:!?()\[\]\"'“”‘’]+")
# Month words as they stand in running text, Hebrew ones also under a prefix letter (במאי).
_MONTH_GATE = _MONTH_SET | frozenset(p + w for w in MONTHS["he"].split() for p in "בלו") | frozenset(
    "ב-" + w for w in MONTHS["he"].split())
_URL_KEYS = ("http", "www.", ".com", ".org", ".net", ".info", ".edu", ".gov", ".de", ".il", ".ug", ".tz", ".in",
             ".ke", ".uk", ".co.", ".ac.", ".go.", ".or.")
_RECORD_KEYS = ("mrn", "rec", "patient", "case n", "file n", " id", "id:", "ip n", "opd", "fallnummer",
                "patientennummer", "no.", " no ", "nr.", "number", "reg", "account", "antrag", "beschwerde",
                "aktenzeichen", "versicherten", "ausweis", "namba", "kitambulisho", "nin", "nida", "aadhaar", "pan ",
                "passport", "reisepass", "application", "plate", "kennzeichen", "gari", "/")
_POSTCODE = re.compile(r"\d{5}\s+[A-ZÄÖÜ]")
_URL_GATE = _alternation(_URL_KEYS)
# Every URL key is "http", "www." or a dot before a letter: a necessary condition found with
# two substring tests and a literal-prefixed scan, before the alternation of all keys.
_DOT_LETTER = re.compile(r"\.[a-z]")
assert all(k in ("http", "www.") or _DOT_LETTER.match(k) for k in _URL_KEYS)
_RECORD_GATE = _alternation(_RECORD_KEYS)


def find_all(text: str) -> list[Match]:
    """All pattern identifiers in ``text``, overlapping ones reduced to the longest.

    Cheap gates first (substring tests on the lower-cased text), so a segment without digits
    costs two scans and one without any identifier-shaped context a handful of ``in`` tests.
    """
    out: list[Match] = []
    low = text.lower()
    if "@" in text:
        out.extend(emails(text))
    if "." in text and ("http" in low or "www." in low or _DOT_LETTER.search(low)) and _URL_GATE.search(low):
        out.extend(urls(text))
    words = _SPLIT.split(low)
    if not _OCC_WORDS.isdisjoint(words):
        out.extend(occupations(text, low, words))
    if not _NAT_WORDS.isdisjoint(words):
        out.extend(nationalities(text, low, words))
    out.extend(ages_in_words(text, words))
    if len(words) > 4 and (not _SPOKEN_GATE.isdisjoint(words) or "-" in text):
        out.extend(spoken_numbers(text, words))
    if not _HAS_DIGIT.search(text):
        return resolve_overlaps(out) if len(out) > 1 else out
    if _RUN7.search(text):
        out.extend(phones(text))
        out.extend(id_numbers(text))
    elif _RECORD_GATE.search(low):
        out.extend(id_numbers(text))
    if _NUMERIC_DATE_GATE.search(text) or not _MONTH_GATE.isdisjoint(words):
        out.extend(dates(text))
    if _YEAR4.search(text):
        out.extend(years(text))
    out.extend(ages(text, low))
    out.extend(addresses(text, low))
    if _RUN4.search(text):  # codes last: only where nothing else explains the characters
        taken = [(m.start, m.end) for m in out]
        out.extend(c for c in codes(text) if not any(a < c.end and c.start < b for a, b in taken))
    return resolve_overlaps(out) if len(out) > 1 else out


_PRIORITY = {"email": 0, "url": 1, "id-number": 2, "phone": 3, "address": 4, "age": 5, "date": 6, "nationality": 7,
             "occupation": 8}


def resolve_overlaps(matches: list[Match]) -> list[Match]:
    matches.sort(key=lambda m: (m.start, -(m.end - m.start), _PRIORITY.get(m.kind, 9)))
    kept: list[Match] = []
    for m in matches:
        if kept and m.start < kept[-1].end:
            prev = kept[-1]
            if (-_PRIORITY.get(m.kind, 9), m.end - m.start) > (-_PRIORITY.get(prev.kind, 9), prev.end - prev.start):
                kept[-1] = m
            continue
        kept.append(m)
    return kept
