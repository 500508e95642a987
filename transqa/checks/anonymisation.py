"""anonymisation checks (registered on import).

Every segment of both sides (and a transcript checked alone, in any language) is analysed once
by :func:`transqa.identifiers.analyse.analyse`; the checks below report its parts. Severity
follows the UK Data Service's split: direct identifiers (register hits, names after a title,
phones, e-mails, ID numbers, addresses) are errors; quasi-identifiers (dates and years, places,
institutions, ages, occupations, nationalities, web addresses, capitalised words that may be
names) are warnings.

Privacy: a message shows at most the text matched *in the segment* (never a register original,
variant or other entry) and the register's replacement; with ``redact`` it shows neither the
matched text nor puts it in ``evidence`` (a salted hash binds waivers instead).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Iterator

from rapidfuzz.distance import OSA

from transqa.checks.context import Document, Unit
from transqa.checks.registry import Hit, Scope, check
from transqa.identifiers.affixes import fold_word, stems
from transqa.identifiers.analyse import SegmentAnalysis, analyse, fold_allow
from transqa.identifiers.gazetteer import gazetteer
from transqa.identifiers.names import lowercase_vocabulary
from transqa.identifiers.patterns import Match
from transqa.identifiers.placeholders import Placeholder, placeholders
from transqa.identifiers.register_match import matcher_for
from transqa.model.findings import Severity
from transqa.model.transcript import Segment
from transqa.text.normalise import fold
from transqa.text.tokens import WORD

_KEY = "anonymisation"
_SILENCE = ("add the term to the study allow-list (`--allow` or `allow` in transqa.toml) if it is public "
            "(a site name, the study's name), or dismiss the finding in review")


class _DocState:
    __slots__ = ("allow", "descriptors", "lower", "matcher", "defined_codes", "unit_of", "carried")

    def __init__(self, doc: Document) -> None:
        s = doc.settings
        self.allow = fold_allow(s.allow)
        self.descriptors = frozenset(d.casefold() for d in s.descriptors)
        self.matcher = matcher_for(s.register) if s.register is not None and len(s.register) else None
        self.lower: dict[str, frozenset[str]] = {}
        self.defined_codes: set[str] | None = None
        self.unit_of: dict[int, Unit] | None = None  # id(source segment) -> its unit
        self.carried: dict[int, list[str]] = {}  # unit index -> [translation text, its folded words] (lazily)


def _state(doc: Document) -> _DocState:
    st = doc.cache.get(_KEY)
    if st is None:
        st = doc.cache[_KEY] = _DocState(doc)
    return st


_SIDE_KEYS = {"source": _KEY + ".source", "translation": _KEY + ".translation"}


def _analysis(segment: Segment, side: str, doc: Document) -> SegmentAnalysis:
    # Fourteen segment checks ask for every segment's analysis: the hit path is two dict
    # look-ups in ``doc.cache`` (per side, keyed by the segment object's id).
    per = doc.cache.get(_SIDE_KEYS[side])
    if per is not None:
        got = per.get(id(segment))
        if got is not None:
            return got
    else:
        per = doc.cache[_SIDE_KEYS[side]] = {}
    st = _state(doc)
    lower = st.lower.get(side)
    if lower is None:
        lower = st.lower[side] = lowercase_vocabulary(s.text for s in doc.segments(side))
    got = analyse(
        segment.text,
        doc.language(side),
        matcher=st.matcher,
        code_pattern=doc.settings.code_pattern,
        descriptors=st.descriptors,
        allow=st.allow,
        lower_vocab=lower,
    )
    if side == "source" and got.names and doc.has_translation:
        got.names = [m for m in got.names if _carried_over(segment, m, doc)]
    per[id(segment)] = got = _compact(got)
    return got


_NOTHING = SegmentAnalysis((), (), (), (), ())  # type: ignore[arg-type]


def _compact(got: SegmentAnalysis) -> SegmentAnalysis:
    """The cached form: most segments have nothing, and share one analysis of empty tuples.

    Five empty lists per segment kept for the whole document are ~100,000 objects the
    garbage collector walks again at each full collection (a fifth of the checks' time)."""
    if not (got.placeholders or got.register or got.patterns or got.names or got.blanks):
        return _NOTHING
    for field in ("placeholders", "register", "patterns", "names", "blanks"):
        if not getattr(got, field):
            setattr(got, field, ())
    return got


def _translation(segment: Segment, doc: Document) -> list[str] | None:
    """[the translation aligned with a source segment, "" until its folded words are needed]."""
    st = _state(doc)
    if st.unit_of is None:
        st.unit_of = {id(s): u for u in doc.units for s in u.source}
    unit = st.unit_of.get(id(segment))
    if unit is None or not unit.translation:
        return None
    got = st.carried.get(unit.index)
    if got is None:
        got = st.carried[unit.index] = [unit.translation_text, ""]
    return got


def _folded(carried: list[str]) -> str:
    """The translation's folded words, " " in front of each (so " word" finds a word start)."""
    if not carried[1]:
        carried[1] = " " + " ".join(WORD.findall(fold(carried[0]).replace("ß", "ss")))
    return carried[1]


def _carried_over(segment: Segment, m: Match, doc: Document) -> bool:
    """Is a Latin-script name or place of the source also in its translation?

    Names and places are carried over into the translation, in the same or a near spelling
    ("Mbarara", "Amani's", "Kampalas" → "Kampala"); a capitalised source word that the
    translation does not contain at all is a word of the source language ("Singa" = if,
    "Yee" = yes in Luganda), not a name. A place is also kept when the translation names some
    place of the gazetteer (an exonym: "München" → "Munich"). Title-cued names and non-Latin
    words are kept, and so is everything in a segment with no aligned translation."""
    if m.kind not in ("person-name", "place") or m.detail == "name after a title":
        return True
    found = WORD.findall(segment.text[m.start:m.end])
    if not found or not all(w.isascii() or _latin_letters(w) for w in found):
        return True
    found = [w for w in found if w[0].isupper()] or found  # "Falme za Kiarabu": the name words, not "za"
    translation = _translation(segment, doc)
    if translation is None:
        return True
    if any(w in translation[0] for w in found):  # the commonest case: written the same way
        return True
    carried = _folded(translation)
    for w in found:
        f = fold_word(w)
        if any(" " + s in carried for s in stems(f) if len(s) >= 3 or s == f):  # a word starting with it
            return True
    for w in found:  # a near spelling: one edit, two from 8 letters ("Muenchen" / "Munchen")
        f = fold_word(w)
        if len(f) >= 4 and any(t[:1] == f[:1] and abs(len(t) - len(f)) <= 2
                               and OSA.distance(f, t, score_cutoff=2) <= (2 if len(f) >= 8 else 1)
                               for w2 in carried.split() for t in stems(w2)):
            return True
    if m.kind == "place":
        gaz = gazetteer()
        return any(gaz.get(fold_word(w)) is not None for w in _CAPITALISED.findall(translation[0]))
    return False


_CAPITALISED = re.compile(r"(?<![\w'’])[A-ZÀ-ÖØ-Þ][^\W\d_]{2,}")


def _latin_letters(word: str) -> bool:
    return all(c.isascii() or "\u00c0" <= c <= "\u024f" or c in "'’-" for c in word)


def _shown(segment: Segment, span: tuple[int, int], doc: Document) -> str:
    """The matched text for a message, or nothing when the run is redacted."""
    if doc.settings.redact:
        return ""
    return f" “{segment.text[span[0]:span[1]]}”"


def _evidence(segment: Segment, span: tuple[int, int], doc: Document) -> str:
    text = segment.text[span[0]:span[1]]
    if doc.settings.redact:
        return "sha256:" + hashlib.sha256(f"{doc.id}\0{text}".encode()).hexdigest()[:16]
    return text


_ADVICE = {
    "date": "replace it with a placeholder or a vaguer time ([date], 'in spring')",
    "age": "give a range or a placeholder ([age], 'in her thirties')",
    "url": "replace it with a placeholder ([website]) unless it is public",
    "occupation": "generalise it ([occupation], 'a health worker') unless the study reports it anyway",
    "nationality": "generalise it ('from abroad', 'of East African origin') or use [country]",
}


def _pattern_hits(kind: str, segment: Segment, side: str, doc: Document, label: str) -> Iterable[Hit]:
    # Most segments have no pattern identifier: answer them without making a generator (and
    # with the cache look-up of _analysis inlined: seven checks ask for every segment).
    per = doc.cache.get(_SIDE_KEYS[side])
    got = per.get(id(segment)) if per is not None else None
    pats = (got if got is not None else _analysis(segment, side, doc)).patterns
    return _pattern_hit_list(pats, kind, segment, side, doc, label) if pats else ()


def _pattern_hit_list(pats: list[Match], kind: str, segment: Segment, side: str, doc: Document,
                      label: str) -> list[Hit]:
    out: list[Hit] = []
    for m in pats:
        if m.kind == kind:
            span = (m.start, m.end)
            advice = _ADVICE.get(kind, "replace it with a placeholder")
            out.append(Hit(f"{m.detail or label}{_shown(segment, span, doc)}: {advice}",
                           side=side, span=span, evidence=_evidence(segment, span, doc)))  # type: ignore[arg-type]
    return out


_METHOD_WORDS = {"exact": "", "affix": " (inflected)", "fuzzy": " (misspelled)", "translit": " (in another script)"}


@check("anonymisation.register-hit", severity="error", scope=Scope.SEGMENT, silence=_SILENCE,
       example="register: Amani → [P3]; translation: “Amani's mother came”")
def register_hit(segment: Segment, side: str, doc: Document) -> Iterable[Hit]:
    """An original listed in the anonymisation register is still in the text.

    Every original and variant of the register (``--register`` or the project's register) is
    searched in both source and translation, whatever the case or accents, with possessives and
    inflections (``Amani's``, ``Amanis``, ``n'Amani``, Hebrew prefixes ``ולאמני``, Marathi case
    endings and honorifics ``प्रियाला``, ``सुनीताताईंचा``), with one or two letters wrong
    (``Amnai``), and across scripts (a register ``משה`` found as ``Moshe`` in the English,
    ``Priya`` found as ``प्रिया``), also in speaker labels (``Amani:`` instead of ``P3:``;
    reported for the whole segment). The message names the register's replacement to use; it
    never shows the register's original — only the words found in the segment, and not even
    those with ``--redact``.

    Ordinary words are left alone: the generic words of a longer name ("Medical" of "Soroka
    Medical Center", ``हॉस्पिटल`` of a hospital's name) never match by themselves, and
    misspellings and other-script matches never fire on common words of the segment's language
    (German "Leben" is not a Hebrew ``לוי``). A misspelt register place right after a title
    ("Dr. Mushi" near a register village "Mulshi") is reported as a person's name instead.
    """
    reg = _analysis(segment, side, doc).register
    if not reg and (not segment.speaker or _state(doc).matcher is None):
        return ()
    return _register_hits(reg, segment, side, doc)


def _register_hits(reg: list, segment: Segment, side: str, doc: Document) -> Iterator[Hit]:
    st = _state(doc)
    if segment.speaker and st.matcher is not None:
        for h in st.matcher.find(segment.speaker):
            shown = "" if doc.settings.redact else f" “{segment.speaker[h.start:h.end]}”"
            yield Hit(f"speaker label{shown} is a register {h.entry.type}: replace with {h.entry.replacement}",
                      side=side, span=None,  # type: ignore[arg-type]
                      evidence=None if doc.settings.redact else segment.speaker[h.start:h.end])
    for h in reg:
        span = (h.start, h.end)
        yield Hit(
            f"register {h.entry.type}{_METHOD_WORDS.get(h.method, '')}{_shown(segment, span, doc)} "
            f"still in the text: replace with {h.entry.replacement}",
            side=side, span=span, evidence=_evidence(segment, span, doc),  # type: ignore[arg-type]
        )


@check("anonymisation.phone", severity="error", scope=Scope.SEGMENT, silence=_SILENCE,
       example="“call me on 0772 123456”")
def phone(segment: Segment, side: str, doc: Document) -> Iterable[Hit]:
    """A telephone number (German, Israeli, Ugandan, Tanzanian, Indian or international).

    Found with libphonenumber's metadata (the ``phonenumbers`` package, offline) for each study
    region, in local (``0772 123456``, ``052-1234567``) and international (``+256 …``) forms.
    Year ranges, dates and grouped thousands are not taken for numbers.
    """
    return _pattern_hits("phone", segment, side, doc, "phone number")


@check("anonymisation.email", severity="error", scope=Scope.SEGMENT, silence=_SILENCE,
       example="“write to anna.mueller@web.de”")
def email(segment: Segment, side: str, doc: Document) -> Iterable[Hit]:
    """An e-mail address."""
    return _pattern_hits("email", segment, side, doc, "e-mail address")


@check("anonymisation.url", severity="warning", scope=Scope.SEGMENT, silence=_SILENCE,
       example="“see www.amani-family.org”")
def url(segment: Segment, side: str, doc: Document) -> Iterable[Hit]:
    """A web address, which may lead to a person or a small organisation."""
    return _pattern_hits("url", segment, side, doc, "web address")


@check("anonymisation.id-number", severity="error", scope=Scope.SEGMENT, silence=_SILENCE,
       example="“my MRN 1234567”")
def id_number(segment: Segment, side: str, doc: Document) -> Iterable[Hit]:
    """A national or record ID number.

    Israeli ID numbers (9 digits with their check digit), Indian Aadhaar numbers (12 digits,
    Verhoeff check), German health-insurance numbers (letter + 9 digits, check digit), Ugandan
    NINs (``CM…``/``CF…``, 14 characters), Tanzanian NIDA numbers (20 digits), and any number
    introduced by a record word (``MRN``, ``patient no``, ``Fallnummer``, ``namba ya mgonjwa``),
    and unlabelled reference codes (``KHN/PSY/0412/2021``, ``X4481207``, a 13-digit personal
    number): four digits or more with capitals or a slash, or a long digit run; years, ranges,
    decimals, dates and measures are not codes.
    """
    return _pattern_hits("id-number", segment, side, doc, "ID number")


@check("anonymisation.address", severity="error", scope=Scope.SEGMENT, silence=_SILENCE,
       example="“we live at Hauptstraße 12”")
def address(segment: Segment, side: str, doc: Document) -> Iterable[Hit]:
    """A street address, P.O. box or German postcode with town.

    ``Hauptstraße 12``, ``12 Main Street``, ``Plot 45 Kampala Road``, ``P.O. Box 123``,
    ``S.L.P. 45``, ``רחוב הרצל 5``, ``89073 Ulm``.
    """
    return _pattern_hits("address", segment, side, doc, "street address")


@check("anonymisation.date", severity="warning", scope=Scope.SEGMENT, silence=_SILENCE,
       example="“she was born on 12 March 1985”")
def date(segment: Segment, side: str, doc: Document) -> Iterable[Hit]:
    """A date or a year that places an event, a quasi-identifier.

    Numeric (``12/03/1985``, ``2021-03-12``) and written dates with month names in English,
    German, Swahili, Luganda, Hebrew, Hindi and Marathi, in Latin or Devanagari digits; a month
    with its year (``March 2009``, ``Januari 2019``); and a year after a word that places an event
    in time (``in 1989``, ``since 2015``, ``from 2001 to 2009``, ``im Jahr 2019``, ``mwaka 2019``,
    ``בשנת 2019``). A month alone, a year without such a word (``the 2019 budget``) and a year
    still to come (``by 2030``) are not reported.
    """
    return _pattern_hits("date", segment, side, doc, "full date")


@check("anonymisation.age", severity="warning", scope=Scope.SEGMENT, silence=_SILENCE,
       example="“she is 34”, “ana miaka 34”, “בת 34”")
def age(segment: Segment, side: str, doc: Document) -> Iterable[Hit]:
    """An exact age or a year of birth stated about a person, a quasi-identifier (give a range instead).

    ``she is 34``, ``a 52-year-old``, ``sie ist 34 Jahre alt``, ``ana miaka 34``, ``בת 34``,
    ``३४ वर्षांचा``; ``born in 1962`` (the year is reported).
    """
    return _pattern_hits("age", segment, side, doc, "age")


@check("anonymisation.occupation", severity="warning", scope=Scope.SEGMENT, silence=_SILENCE,
       example="“he worked as a taxi driver”, “a retired teacher”")
def occupation(segment: Segment, side: str, doc: Document) -> Iterable[Hit]:
    """Someone's occupation, a quasi-identifier (English).

    Reported where a phrase gives a person's job: ``worked as a taxi driver``, ``employed as a
    nurse``, ``she was a journalist``, ``a retired primary school teacher``, ``a farmer by
    profession``, with the words that name the job (``police officer``, ``social worker``). The
    speaker's own present role (``I am a nurse``, which a focus group of nurses shares) and
    ``there was a doctor`` are not reported; roles such as student, patient or mother are not
    occupations here. A job the study reports anyway belongs on the allow-list (``nurse``).
    """
    return _pattern_hits("occupation", segment, side, doc, "occupation")


@check("anonymisation.nationality", severity="warning", scope=Scope.SEGMENT, silence=_SILENCE,
       example="“a French national of Malian origin”")
def nationality(segment: Segment, side: str, doc: Document) -> Iterable[Hit]:
    """A nationality or ethnic origin said of someone, a quasi-identifier.

    ``a Ukrainian national``, ``an Israeli citizen``, ``of Malian origin`` (descent, background,
    heritage), German ``türkischer Herkunft``. A nationality word elsewhere (``the Ugandan
    government``) is not reported.
    """
    return _pattern_hits("nationality", segment, side, doc, "nationality or origin")


def _name_hits(kinds: tuple[str, ...], segment: Segment, side: str, doc: Document, what: str) -> Iterable[Hit]:
    per = doc.cache.get(_SIDE_KEYS[side])
    got = per.get(id(segment)) if per is not None else None
    names = (got if got is not None else _analysis(segment, side, doc)).names
    return _name_hit_gen(names, kinds, segment, side, doc, what) if names else ()


def _name_hit_gen(names: list[Match], kinds: tuple[str, ...], segment: Segment, side: str, doc: Document,
                  what: str) -> Iterator[Hit]:
    for m in names:
        if m.kind not in kinds:
            continue
        span = (m.start, m.end)
        strong = m.detail == "name after a title"
        sev = None
        if m.kind == "person-name" and not strong:
            sev = Severity.WARNING
        lead = "name" if strong else ("possible name" if m.kind == "person-name" else what)
        yield Hit(f"{lead}{_shown(segment, span, doc)} is not a placeholder: pseudonymise or add it to the allow-list",
                  side=side, span=span, severity=sev, evidence=_evidence(segment, span, doc))  # type: ignore[arg-type]


@check("anonymisation.person-name", severity="error", scope=Scope.SEGMENT, silence=_SILENCE,
       example="“then Dr. Okello told me”")
def person_name(segment: Segment, side: str, doc: Document) -> Iterator[Hit]:
    """A personal name not in the register.

    A word after a title or address form (``Dr.``, ``Mr``, ``Frau``, ``Mama``, ``Bwana``,
    ``Ssebo``, ``Nnyabo``, ``Dokta``, ``ד"ר``, ``श्री``) is reported as an error in every script.
    In Latin script a capitalised word that does not start a sentence, is not a common word,
    is not written in lower case elsewhere in the document and is not allow-listed is reported
    as a warning (possible name); German, which capitalises all nouns, gets only the first rule.
    A word right after an opening note (``(laughs) True.``, ``[inaudible] Yes``) or a dash
    starts a sentence, and very common English words are never possible names.

    In a source transcript in Latin script, a possible name that the aligned translation does
    not carry over (in the same or a near spelling) is a word of the source language (Luganda
    ``Yee`` = yes) and is not reported; names after a title always are.
    """
    return _name_hits(("person-name",), segment, side, doc, "name")


@check("anonymisation.place", severity="warning", scope=Scope.SEGMENT, silence=_SILENCE,
       example="“we moved from Mbarara”")
def place(segment: Segment, side: str, doc: Document) -> Iterable[Hit]:
    """A place name from the offline gazetteer, a quasi-identifier.

    GeoNames cities (with their Hebrew and Devanagari names) and ISO 3166 countries and
    districts of the study countries. Public site names the study reports anyway belong on the
    allow-list. German nouns that are also towns (``Rolle``, ``Essen``) count only after a place
    preposition (``in Essen``). A source place in Latin script that the aligned translation
    neither carries over nor renders as another known place (Luganda ``Singa`` = if) is not
    reported.
    """
    return _name_hits(("place",), segment, side, doc, "place")


@check("anonymisation.institution", severity="warning", scope=Scope.SEGMENT, silence=_SILENCE,
       example="“she was admitted to Butabika Hospital”")
def institution(segment: Segment, side: str, doc: Document) -> Iterable[Hit]:
    """A named hospital, school, church or company, a quasi-identifier.

    A capitalised name next to an institution noun: ``Butabika Hospital``, ``St. Mary's
    Church``, ``Kliniken Ulm``, ``hospitali ya Muhimbili``. A ward or department named only by
    its specialty (``Station für Allgemeinpsychiatrie``, ``Department of Psychiatry``) exists in
    every hospital and is not reported.
    """
    return _name_hits(("institution",), segment, side, doc, "institution")


@check("anonymisation.blank-out", severity="warning", scope=Scope.SEGMENT,
       example="“my sister XXX said”")
def blank_out(segment: Segment, side: str, doc: Document) -> Iterable[Hit]:
    """Something was blanked out (``XXX``, ``***``, ``___``, ``[redacted]``) instead of replaced.

    The UK Data Service advises replacing identifiers with a placeholder or pseudonym rather
    than removing them: a blank-out loses what kind of thing was there. Transcription
    conventions such as ``[...]`` or ``[inaudible]`` are not blank-outs.
    """
    blanks = _analysis(segment, side, doc).blanks
    if not blanks:
        return ()
    return [Hit("blanked out instead of replaced: use a placeholder such as [name] or a code",
                side=side, span=(s, e), evidence=segment.text[s:e])  # type: ignore[arg-type]
            for s, e in blanks]


def _defined_codes(doc: Document) -> set[str]:
    st = _state(doc)
    if st.defined_codes is None:
        codes: set[str] = set()
        for side in ("source", "translation"):
            for seg in doc.segments(side):
                if seg.speaker:
                    codes.add(seg.speaker.strip("[]: ").upper())
        reg = doc.settings.register
        if reg is not None:
            for e in reg.entries:
                for p in placeholders(e.replacement, doc.settings.code_pattern, st.descriptors):
                    if p.kind == "code":
                        codes.add(p.key)
                if not e.replacement.startswith("["):
                    codes.add(e.replacement.upper())
        for c in doc.settings.option("anonymisation.undefined-code", "codes", ()) or ():
            codes.add(str(c).upper())
        st.defined_codes = codes
    return st.defined_codes


@check("anonymisation.undefined-code", severity="warning", scope=Scope.SEGMENT,
       example="“[Q7] said” where the study's codes are P1–P8",
       silence="list the code in the register or under [checks.\"anonymisation.undefined-code\"] codes")
def undefined_code(segment: Segment, side: str, doc: Document) -> Iterable[Hit]:
    """A participant code the study does not define.

    A bracketed code that does not fit the study's code pattern (``[Q7]`` when codes are
    ``P1``, ``R2``, ``M``), or one that fits but is neither a speaker of the transcript, nor a
    replacement in the register, nor listed in the check's ``codes`` option.
    """
    found = _analysis(segment, side, doc).placeholders
    if not found:
        return ()
    return _undefined_codes(found, side, doc)


def _undefined_codes(found: list[Placeholder], side: str, doc: Document) -> Iterator[Hit]:
    defined = _defined_codes(doc)
    for p in found:
        if p.kind == "unknown-code":
            yield Hit(f"{p.text} does not fit the study's participant-code pattern", side=side,  # type: ignore[arg-type]
                      span=(p.start, p.end), evidence=p.text)
        elif p.kind == "code" and defined and p.key not in defined:
            yield Hit(f"code {p.text} is not a speaker or register code of this study", side=side,  # type: ignore[arg-type]
                      span=(p.start, p.end), evidence=p.text)


def _unit_placeholders(segments: tuple[Segment, ...], side: str, doc: Document) -> list[tuple[Segment, Placeholder]]:
    return [(seg, p) for seg in segments for p in _analysis(seg, side, doc).placeholders if p.kind != "unknown-code"]


@check("anonymisation.placeholder-mismatch", severity="error", scope=Scope.UNIT,
       example="source “[P3] sagte, [Ort] …” → translation “P4 said, …”")
def placeholder_mismatch(unit: Unit, doc: Document) -> Iterator[Hit]:
    """The placeholders of a source segment and of its translation differ.

    Each code (``P3``, ``[R1]``) and descriptor (``[name]``, ``[place 2]``) of the source must
    appear in the translation as often, and no other: a missing one usually means a name was
    translated back in or dropped; a renumbered one (``P3`` → ``P4``) attributes a quote to the
    wrong person. Descriptors are compared in English, so ``[Ort]``, ``[mahali]``, ``[מקום]``
    and ``[ठिकाण]`` all match ``[place]``.
    """
    if not unit.source or not unit.translation:
        return
    src = _unit_placeholders(unit.source, "source", doc)
    tgt = _unit_placeholders(unit.translation, "translation", doc)
    if not src and not tgt:
        return
    cs, ct = Counter(p.key for _, p in src), Counter(p.key for _, p in tgt)
    if cs == ct:
        return
    missing = cs - ct
    extra = ct - cs
    # A code that turned into another code is a renumbering: report it once.
    miss_codes = [k for k in missing.elements() if not k[0].islower()]
    extra_codes = [k for k in extra.elements() if not k[0].islower()]
    renumbered = list(zip(miss_codes, extra_codes))
    for a, b in renumbered:
        missing[a] -= 1
        extra[b] -= 1
        seg, p = next((s, p) for s, p in tgt if p.key == b)
        yield Hit(f"placeholder {a} of the source became {b} in the translation", side="translation",
                  span=(p.start, p.end), translation_lines=(seg.line,), evidence=f"{a}->{b}")
    for key, n in (+missing).items():
        seg, p = next((s, p) for s, p in src if p.key == key)
        yield Hit(f"placeholder {p.text} of the source is missing from the translation"
                  + (f" ({n} times)" if n > 1 else ""), side="source", span=(p.start, p.end),
                  source_lines=(seg.line,), evidence=key)
    for key, n in (+extra).items():
        seg, p = next((s, p) for s, p in tgt if p.key == key)
        yield Hit(f"placeholder {p.text} in the translation is not in the source"
                  + (f" ({n} times)" if n > 1 else ""), side="translation", span=(p.start, p.end),
                  translation_lines=(seg.line,), evidence=key)
