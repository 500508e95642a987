"""glossary checks (registered on import).

One concept per :class:`~transqa.model.glossary.Term`: the source term, its approved
renderings (any one is fine), its forbidden ones. Matching is inflection-aware
(:mod:`transqa.terms`): ``Peer-Begleiterinnen`` is ``Peer-Begleiter``, ``wafanyakazi`` is
``mfanyakazi``, ``והמטפלים`` is ``מטפל``, ``peer support workers'`` is ``peer support worker``.
The matchers are compiled once per glossary and language and shared by every document.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from transqa.checks.context import Document, Unit
from transqa.checks.registry import Hit, Scope, check
from transqa.model.findings import Severity
from transqa.model.glossary import Glossary, Term
from transqa.terms import Match, TermMatcher
from transqa.text.normalise import fold

_SILENCE = (
    "add the rendering the translator used to the term's target_term alternatives "
    "(`a|b|c`), dismiss the finding in review, or ignore the check id in transqa.toml"
)


@dataclass(slots=True)
class _Compiled:
    glossary: Glossary
    terms: list[Term]
    source: TermMatcher
    approved: TermMatcher
    forbidden: TermMatcher


@dataclass(slots=True)
class _UnitTerms:
    """What the glossary sees in one unit."""

    source: list[tuple[int, Match]] = field(default_factory=list)          # (segment index, match)
    approved: dict[int, list[tuple[int, Match]]] = field(default_factory=dict)  # term -> (seg, match)
    forbidden: list[tuple[int, Match]] = field(default_factory=list)

    @property
    def source_terms(self) -> set[int]:
        return {m.label for _, m in self.source}  # type: ignore[misc]


_COMPILED: dict[tuple[int, str | None, str], _Compiled] = {}


def _compile(doc: Document) -> _Compiled | None:
    glossary = doc.settings.glossary
    if not glossary.terms:
        return None
    key = (id(glossary), doc.source_lang, doc.target_lang)
    got = _COMPILED.get(key)
    if got is not None and got.glossary is glossary:
        return got
    terms = glossary.for_language(doc.source_lang)
    cutoff = doc.settings.option("glossary", "fuzzy_cutoff", None)
    kw = {"fuzzy_cutoff": float(cutoff)} if cutoff is not None else {}
    compiled = _Compiled(
        glossary,
        terms,
        TermMatcher(((t.source, i) for i, t in enumerate(terms)), doc.source_lang, **kw),
        # Approved renderings are looked for generously (a word may begin a longer one:
        # stigma / stigmatised), forbidden ones strictly (no fuzzy, no prefix parts).
        TermMatcher(((alt, i) for i, t in enumerate(terms) for alt in t.targets), doc.target_lang, prefix_parts=True, **kw),
        TermMatcher(((f, i) for i, t in enumerate(terms) for f in t.forbidden), doc.target_lang, fuzzy_cutoff=None),
    )
    if len(_COMPILED) > 32:
        _COMPILED.clear()
    _COMPILED[key] = compiled
    return compiled


def _analysis(doc: Document) -> tuple[_Compiled, list[_UnitTerms]] | None:
    cached = doc.cache.get(__name__)
    if cached is not None:
        return cached or None
    comp = _compile(doc)
    if comp is None or not comp.terms:
        doc.cache[__name__] = ()
        return None
    # forbidden renderings are only looked for where the source has a term, unless the
    # project asks for them everywhere (glossary.forbidden-term option "anywhere")
    anywhere = bool(doc.settings.option("glossary.forbidden-term", "anywhere", False))
    out = []
    for unit in doc.units:
        ut = _UnitTerms()
        for si, seg in enumerate(unit.source):
            ut.source.extend((si, m) for m in comp.source.find(seg.text))
        if ut.source or (anywhere and comp.forbidden):
            for ti, seg in enumerate(unit.translation):
                if ut.source:
                    for m in comp.approved.find(seg.text, overlapping=True):
                        ut.approved.setdefault(m.label, []).append((ti, m))  # type: ignore[arg-type]
                if comp.forbidden:
                    ut.forbidden.extend((ti, m) for m in comp.forbidden.find(seg.text))
        out.append(ut)
    doc.cache[__name__] = (comp, out)
    return comp, out


def _covers(a: Match, m: Match) -> bool:
    """``a`` spans ``m`` and is a longer phrase or another concept's rendering."""
    return a.start <= m.start and m.end <= a.end and ((a.end - a.start) > (m.end - m.start) or a.label != m.label)


def _has_translation(unit: Unit) -> bool:
    """A translation to judge: not empty, and not the source pasted unchanged (the
    untranslated checks report those)."""
    if not any(s.text.strip() for s in unit.translation):
        return False
    return unit.translation_text.strip().casefold() != unit.source_text.strip().casefold()


def _quote(alts: Sequence[str]) -> str:
    return " / ".join(f'"{a}"' for a in alts)


@check(
    "glossary.missing-term",
    severity="warning",
    scope=Scope.UNIT,
    example='source "Die Peer-Begleiterinnen haben geholfen." → "The helpers assisted." (glossary: peer support worker)',
    silence=_SILENCE,
)
def missing_term(unit: Unit, doc: Document) -> Iterator[Hit]:
    """The source uses a glossary term but the translation has none of its approved renderings.

    Catches a key term translated loosely or left out: the study's glossary says
    ``Peer-Begleiter`` → "peer support worker", the translation says "helper". Any approved
    alternative counts (``peer support worker|peer worker``), inflected forms count on both
    sides (``Peer-Begleiterinnen``, "peer support workers'"), so only a real absence is
    reported, once per term and unit. Terms to keep as they are (target = source) are left to
    ``glossary.keep-untranslated``; a forbidden rendering is reported by
    ``glossary.forbidden-term`` instead; a translation that is the source pasted unchanged is
    left to the untranslated checks.

    Measured (bench/glossary_false_alarms.py): with the study glossaries run over 12,620 real,
    correct human translations of news text, it fires on 0.3–1.2 % of pairs (de 0.3 %,
    hi 0.6 %, he 0.85 %, sw 1.2 %, lg 1.2 %, mr 1.2 %). Sampled findings are mostly senses a
    mental-health glossary does not mean (Swahili *dawa* "medicine" used for "drugs",
    Marathi विश्वास "trust" for "believe"); matcher errors seen were English names written in
    Devanagari (Wade → वेड, read as वेडा "mad").
    """
    got = _analysis(doc)
    if got is None:
        return
    comp, units = got
    ut = units[unit.index]
    if not ut.source or not _has_translation(unit):
        return
    forbidden_terms = {m.label for _, m in ut.forbidden}
    seen: set[int] = set()
    for si, m in ut.source:
        i: int = m.label  # type: ignore[assignment]
        term = comp.terms[i]
        if i in seen or term.keep_as_is or i in ut.approved or i in forbidden_terms:
            continue
        seen.add(i)
        yield Hit(
            f'"{m.text}" is the glossary term "{term.source}" but the translation has none of {_quote(term.targets)}',
            side="source",
            span=(m.start, m.end),
            source_lines=(unit.source[si].line,),
            evidence=f"{m.text} → {term.preferred}",
        )


@check(
    "glossary.forbidden-term",
    severity="error",
    scope=Scope.UNIT,
    example='source "Peer-Begleiter" → "peer helper" (glossary forbids "peer helper")',
    silence="remove the rendering from the term's forbidden_targets if it is acceptable after all, "
    "dismiss the finding in review, or ignore the check id in transqa.toml",
)
def forbidden_term(unit: Unit, doc: Document) -> Iterator[Hit]:
    """The translation uses a rendering the glossary forbids.

    Reported when the unit's source has the term (the concept was translated the wrong way).
    A forbidden word inside an approved rendering of a term in the source is fine ("worker"
    forbidden alone, yet part of "peer support worker"). With the option ``anywhere = true``
    (``[checks."glossary.forbidden-term"]`` in transqa.toml) a forbidden rendering is also
    reported, as a warning, where the source term was not found — useful for stigmatising
    words ("lunatic") that should never appear, but noisy for everyday ones: on the real
    parallel corpus the study glossary's forbidden "department" (for מחלקה, ward) fired on
    every news sentence about a department.
    """
    got = _analysis(doc)
    if got is None:
        return
    comp, units = got
    ut = units[unit.index]
    if not ut.forbidden:
        return
    in_source = ut.source_terms
    anywhere = bool(doc.settings.option("glossary.forbidden-term", "anywhere", False))
    approved_spans = [(ti, m) for i, ms in ut.approved.items() if i in in_source for ti, m in ms]
    for ti, m in ut.forbidden:
        if any(_covers(a, m) for tj, a in approved_spans if tj == ti):
            continue
        i: int = m.label  # type: ignore[assignment]
        term = comp.terms[i]
        sure = i in in_source
        if not sure and not anywhere:
            continue
        yield Hit(
            f'"{m.text}" is a forbidden rendering of "{term.source}"; use {_quote(term.targets)}'
            + ("" if sure else " (the source term was not found in this unit)"),
            side="translation",
            span=(m.start, m.end),
            translation_lines=(unit.translation[ti].line,),
            severity=None if sure else Severity.WARNING,
            evidence=m.text,
        )


@check(
    "glossary.keep-untranslated",
    severity="warning",
    scope=Scope.UNIT,
    example='source "Alikuja kwa boda boda." → "He came by motorbike taxi." (glossary keeps "boda boda")',
    silence="give the term an English rendering in the glossary (target_term different from "
    "the source), dismiss the finding in review, or ignore the check id in transqa.toml",
)
def keep_untranslated(unit: Unit, doc: Document) -> Iterator[Hit]:
    """A term the glossary keeps as it is (``boda boda``, ``matatu``) was translated anyway.

    Some words carry meaning the analysis needs — local institutions, vehicles, idioms — and
    the study decided to keep them in the source language (glossary row whose target equals
    its source). This reports a unit whose source has such a term while the translation does
    not (in any of its listed spellings).
    """
    got = _analysis(doc)
    if got is None:
        return
    comp, units = got
    ut = units[unit.index]
    if not ut.source or not _has_translation(unit):
        return
    seen: set[int] = set()
    for si, m in ut.source:
        i: int = m.label  # type: ignore[assignment]
        term = comp.terms[i]
        if i in seen or not term.keep_as_is or i in ut.approved:
            continue
        seen.add(i)
        yield Hit(
            f'"{m.text}" should stay as it is ("{term.source}", per the glossary) but is not in the translation',
            side="source",
            span=(m.start, m.end),
            source_lines=(unit.source[si].line,),
            evidence=m.text,
        )


def _renderings(doc: Document) -> dict[int, dict[str, list[Unit]]]:
    """term -> approved alternative used (folded, as in the glossary) -> units using it."""
    got = _analysis(doc)
    if got is None:
        return {}
    comp, units = got
    out: dict[int, dict[str, list[Unit]]] = defaultdict(lambda: defaultdict(list))
    for unit, ut in zip(doc.units, units):
        for i in ut.source_terms:
            term = comp.terms[i]
            if len(term.targets) < 2 or i not in ut.approved:
                continue
            ms = ut.approved[i]
            # "user" inside "service user": the longer rendering is the one used
            ms = [(t, m) for t, m in ms if not any(t2 == t and o.start <= m.start and m.end <= o.end and o is not m
                                                   and (o.end - o.start) > (m.end - m.start) for t2, o in ms)]
            used = {_which_alternative(term, m.text, doc) for _, m in ms}
            for alt in used:
                out[i][alt].append(unit)
    return out


def _which_alternative(term: Term, matched: str, doc: Document) -> str:
    """The glossary alternative a matched text is a form of (the first that matches it)."""
    if len(term.targets) == 1:
        return term.targets[0]
    key = ("alt", term.source, term.targets, doc.target_lang)
    m = _ALT_MATCHERS.get(key)
    if m is None:
        m = TermMatcher(((t, t) for t in term.targets), doc.target_lang, prefix_parts=True)
        _ALT_MATCHERS[key] = m
    found = m.find(matched)
    return str(found[0].label) if found else fold(matched)


_ALT_MATCHERS: dict[tuple[object, ...], TermMatcher] = {}


def _lines(units: Sequence[Unit]) -> tuple[tuple[int, ...], tuple[int, ...]]:
    src = tuple(sorted({ln for u in units for ln in u.source_lines}))
    tgt = tuple(sorted({ln for u in units for ln in u.translation_lines}))
    return src, tgt


@check(
    "glossary.inconsistent-term",
    severity="warning",
    scope=Scope.DOCUMENT,
    example='"Peer-Begleiter" rendered "peer support worker" on lines 4, 9 and "peer worker" on line 30',
    silence="make one alternative the only approved target_term, dismiss the finding in review, "
    "or ignore the check id in transqa.toml",
)
def inconsistent_term(doc: Document) -> Iterator[Hit]:
    """One glossary term is rendered with different approved alternatives within a transcript.

    Each alternative is acceptable alone, but a reader of the English transcript should not
    wonder whether "peer worker" and "peer support worker" are two different roles. Reported
    once per term, on the units that use the less frequent renderings.
    """
    got = _analysis(doc)
    if got is None:
        return
    comp, _ = got
    for i, by_alt in _renderings(doc).items():
        if len(by_alt) < 2:
            continue
        ranked = sorted(by_alt.items(), key=lambda kv: (-len(kv[1]), kv[0]))
        major = ranked[0][0]
        minority = [u for _, us in ranked[1:] for u in us]
        src, tgt = _lines(minority)
        counts = ", ".join(f'"{alt}" ×{len(us)}' for alt, us in ranked)
        yield Hit(
            f'"{comp.terms[i].source}" is rendered in {len(ranked)} ways in this transcript ({counts}); mostly "{major}"',
            side="translation",
            source_lines=src,
            translation_lines=tgt,
            evidence=f"{comp.terms[i].source}: {counts}",
        )


@check(
    "glossary.project-inconsistent-term",
    severity="warning",
    scope=Scope.PROJECT,
    example='"Peer-Begleiter" is "peer support worker" in 5 transcripts, "peer worker" in ULM-FGD2',
    silence="make one alternative the only approved target_term, dismiss the finding in review, "
    "or ignore the check id in transqa.toml",
)
def project_inconsistent_term(docs: Sequence[Document]) -> Iterator[tuple[Document, Hit]]:
    """A glossary term is rendered differently across the transcripts of the project.

    Cross-site comparison needs one English word per concept. Counts, for every term, which
    approved alternative each transcript uses; transcripts whose usual rendering differs from
    the project's usual one are reported (with the lines that use it).
    """
    per_term: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    per_doc: list[tuple[Document, dict[tuple[str, str], dict[str, list[Unit]]]]] = []
    for doc in docs:
        got = _analysis(doc)
        if got is None:
            continue
        comp, _ = got
        mine: dict[tuple[str, str], dict[str, list[Unit]]] = {}
        for i, by_alt in _renderings(doc).items():
            term = comp.terms[i]
            tkey = (fold(term.source), term.source_lang or "")
            mine[tkey] = by_alt
            for alt, us in by_alt.items():
                per_term[tkey][alt] += len(us)
        per_doc.append((doc, mine))
    for doc, mine in per_doc:
        for tkey, by_alt in mine.items():
            overall = per_term[tkey]
            if len(overall) < 2:
                continue
            project_major = sorted(overall.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
            doc_major = sorted(by_alt.items(), key=lambda kv: (-len(kv[1]), kv[0]))[0][0]
            if doc_major == project_major:
                continue
            src, tgt = _lines(by_alt[doc_major])
            yield doc, Hit(
                f'"{tkey[0]}" is mostly "{doc_major}" here but "{project_major}" across the project '
                f"({', '.join(f'{a!r} ×{n}' for a, n in overall.most_common())})",
                side="translation",
                source_lines=src,
                translation_lines=tgt,
                evidence=f"{tkey[0]}: {doc_major} vs {project_major}",
            )
