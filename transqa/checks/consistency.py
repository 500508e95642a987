"""consistency checks (registered on import).

Repeated segments — the moderator's questions, the vignette read to every group, a
participant repeating a sentence — should be translated the same way, or a cross-site
comparison reads a difference that is only the translator's. Segments are compared after
normalising case, accents and punctuation (:func:`key`).

Short segments are skipped (fewer than ``min_words`` words, default 4; option
``min_words``): backchannels and discourse markers ("Ja." → "Yes." / "Yeah." / "Right.",
"Genau." → "Exactly." / "That's right.") take their meaning from the turn before, so varying
translations are correct, and because they are the most repeated segments of any focus group,
reporting them would bury the real findings.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from transqa.checks.context import Document, Unit
from transqa.checks.registry import Hit, Scope, check
from transqa.text.normalise import nfc

DEFAULT_MIN_WORDS = 4


def key(text: str) -> str:
    """Comparison key: the words only — case, punctuation and spacing ignored.

    Accents are kept (no :func:`~transqa.text.normalise.fold`): repeated segments rarely
    differ only in accents, and stripping them costs more than all the rest of this check.
    """
    if not text.isascii():
        text = nfc(text)
    return " ".join(text.casefold().translate(_PUNCT).split())


# Punctuation to drop from keys (str.translate is ~5x faster than a word regex here).
_PUNCT = {ord(c): " " for c in "!\"#$%&()*+,./:;<=>?@[\\]^_`{|}~“”„‚‘’«»‹›—–…¿¡·•।॥״׳־"}
_PUNCT.update({ord("'"): None, ord("-"): None})


@dataclass(frozen=True, slots=True)
class _Keyed:
    unit: Unit
    source: str
    translation: str
    source_words: int
    translation_words: int


def _keyed(doc: Document) -> list[_Keyed]:
    got = doc.cache.get(__name__)
    if got is None:
        got = []
        for u in doc.units:
            if not u.source or not u.translation:
                continue
            s, t = key(u.source_text), key(u.translation_text)
            if s and t:
                got.append(_Keyed(u, s, t, s.count(" ") + 1, t.count(" ") + 1))
        doc.cache[__name__] = got
    return got


def _min_words(doc: Document, check_id: str) -> int:
    return int(doc.settings.option(check_id, "min_words", DEFAULT_MIN_WORDS))


def _lines(units: Sequence[Unit]) -> tuple[tuple[int, ...], tuple[int, ...]]:
    return (
        tuple(sorted({ln for u in units for ln in u.source_lines})),
        tuple(sorted({ln for u in units for ln in u.translation_lines})),
    )


def _variants(items: list[tuple[str, str, Unit]]) -> Iterator[tuple[str, list[tuple[str, list[Unit]]]]]:
    """Group (key, other key, unit): yield key and its other-side variants, most used first."""
    groups: dict[str, dict[str, list[Unit]]] = defaultdict(lambda: defaultdict(list))
    for k, other, unit in items:
        groups[k][other].append(unit)
    for k, by_other in groups.items():
        if len(by_other) > 1:
            yield k, sorted(by_other.items(), key=lambda kv: (-len(kv[1]), kv[1][0].index))


def _short(text: str, n: int = 60) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


@check(
    "consistency.source-variants",
    severity="warning",
    scope=Scope.DOCUMENT,
    example='"Was bedeutet Genesung für Sie?" → "What does recovery mean to you?" (line 3) and "What is healing for you?" (line 40)',
    silence="if both translations are right in context, dismiss the finding in review; raise "
    "min_words under [checks.\"consistency.source-variants\"], or ignore the check id in transqa.toml",
)
def source_variants(doc: Document) -> Iterator[Hit]:
    """The same source segment is translated differently within a transcript.

    Repeated questions and read-out prompts should read the same in English. Reported on
    the turns whose translation differs from the most common one (segments of fewer than
    ``min_words`` words are skipped: short backchannels legitimately vary).
    """
    n = _min_words(doc, "consistency.source-variants")
    items = [(k.source, k.translation, k.unit) for k in _keyed(doc) if k.source_words >= n]
    for _, ranked in _variants(items):
        first = ranked[0][1][0]
        odd = [u for _, us in ranked[1:] for u in us]
        src, tgt = _lines(odd)
        yield Hit(
            f'"{_short(first.source_text)}" is translated {len(ranked)} ways; line {first.translation_lines[0]} has '
            f'"{_short(first.translation_text)}"',
            side="translation",
            source_lines=src,
            translation_lines=tgt,
            evidence=" | ".join(t for t, _ in ranked),
        )


@check(
    "consistency.target-variants",
    severity="info",
    scope=Scope.DOCUMENT,
    example='"Yes, that is how it is." for both "Ja, so ist es." and "Nein, so ist es nicht."',
    silence="usually nothing to do when different wordings mean the same; dismiss in review, or "
    "ignore the check id in transqa.toml",
)
def target_variants(doc: Document) -> Iterator[Hit]:
    """One translation is used for different source segments within a transcript.

    Often fine (two wordings, one meaning) but it also catches a translation pasted onto the
    wrong turn or a copy-paste left unchanged. Informational.
    """
    n = _min_words(doc, "consistency.target-variants")
    items = [(k.translation, k.source, k.unit) for k in _keyed(doc) if k.translation_words >= n]
    for _, ranked in _variants(items):
        units = [u for _, us in ranked for u in us]
        src, tgt = _lines(units)
        yield Hit(
            f'"{_short(units[0].translation_text)}" translates {len(ranked)} different source segments',
            side="translation",
            source_lines=src,
            translation_lines=tgt,
            evidence=" | ".join(s for s, _ in ranked),
        )


def _project(
    docs: Sequence[Document], check_id: str, pick: str
) -> Iterator[tuple[Document, str, list[tuple[str, list[tuple[Document, Unit]]]]]]:
    groups: dict[tuple[str | None, str], dict[str, list[tuple[Document, Unit]]]] = defaultdict(lambda: defaultdict(list))
    for doc in docs:
        n = _min_words(doc, check_id)
        for k in _keyed(doc):
            if (k.source_words if pick == "source" else k.translation_words) < n:
                continue
            mine, other = (k.source, k.translation) if pick == "source" else (k.translation, k.source)
            groups[(doc.source_lang, mine)][other].append((doc, k.unit))
    for (_, mine), by_other in groups.items():
        if len(by_other) < 2:
            continue
        docs_involved = {id(d) for members in by_other.values() for d, _ in members}
        if len(docs_involved) < 2:
            continue  # within one transcript: the DOCUMENT check reports it
        ranked = sorted(by_other.items(), key=lambda kv: -len(kv[1]))
        yield ranked[0][1][0][0], mine, ranked  # type: ignore[misc]


@check(
    "consistency.project-source-variants",
    severity="warning",
    scope=Scope.PROJECT,
    example='the vignette "Stellen Sie sich vor …" is translated one way in ULM-FGD1 and another in ULM-FGD2',
    silence="if both translations are right in context, dismiss the finding in review, or ignore "
    "the check id in transqa.toml",
)
def project_source_variants(docs: Sequence[Document]) -> Iterator[tuple[Document, Hit]]:
    """The same source segment is translated differently in different transcripts.

    The moderator's guide and vignettes are read in every group; if their English differs
    between transcripts, a cross-site analysis may compare translations instead of answers.
    Each transcript whose rendering differs from the project's most common one is reported.
    """
    for _, _, ranked in _project(docs, "consistency.project-source-variants", "source"):
        major, _ = ranked[0]
        by_doc: dict[int, tuple[Document, list[Unit]]] = {}
        for variant, members in ranked[1:]:
            for d, u in members:
                by_doc.setdefault(id(d), (d, []))[1].append(u)
        for d, units in by_doc.values():
            src, tgt = _lines(units)
            yield d, Hit(
                f'"{_short(units[0].source_text)}" is translated differently here than in {len(ranked[0][1])} other '
                f"place(s) in the project",
                side="translation",
                source_lines=src,
                translation_lines=tgt,
                evidence=f"{key(units[0].translation_text)} | {major}",
            )


@check(
    "consistency.project-target-variants",
    severity="info",
    scope=Scope.PROJECT,
    example='"Yes, that is right." translates "Ja, das stimmt so." in ULM-FGD1 and "Nein, das stimmt nicht." in ULM-FGD3',
    silence="usually nothing to do; dismiss in review or ignore the check id in transqa.toml",
)
def project_target_variants(docs: Sequence[Document]) -> Iterator[tuple[Document, Hit]]:
    """One translation is used for different source segments in different transcripts.

    Informational: usually different wordings of one meaning, sometimes a copy-paste.
    """
    for _, _, ranked in _project(docs, "consistency.project-target-variants", "translation"):
        for variant, members in ranked:
            seen: set[int] = set()
            for d, u in members:
                if id(d) in seen:
                    continue
                seen.add(id(d))
                units = [x for dd, x in members if dd is d]
                src, tgt = _lines(units)
                yield d, Hit(
                    f'"{_short(u.translation_text)}" translates {len(ranked)} different source segments across the project',
                    side="translation",
                    source_lines=src,
                    translation_lines=tgt,
                    evidence=variant,
                )
