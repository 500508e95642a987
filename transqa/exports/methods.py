"""A methods paragraph a study can cite when reporting its translation procedure.

Written from what transqa recorded (languages, counts, the checks that ran, the two-reviewer
sign-off), not from what a study intended, so it stays true to the data it describes. It
names no register content and no participant.
"""

from __future__ import annotations

from transqa import __version__
from transqa.exports.common import language_name
from transqa.exports.study import Study
from transqa.exports.summary import of_items

_CATEGORY_WORDS = {
    "alignment": "alignment of every translated turn with its source turn (omitted, added, merged or "
                 "misplaced turns)",
    "untranslated": "untranslated or partly translated text",
    "glossary": "adherence to the study glossary, including forbidden renderings",
    "consistency": "consistent rendering of recurring terms",
    "numbers": "numbers, dates and quantities",
    "anonymisation": "anonymisation (names, places, institutions, contact details and register entries "
                     "left in either language)",
    "format": "transcript format (speaker labels and timestamps)",
}


_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")


def _spelled(n: int, word: str, *, capital: bool = False) -> str:
    """``Six focus-group transcripts from six sites``: small counts in prose are written out."""
    text = _plural(n, word)
    if 0 <= n < len(_WORDS):
        text = f"{_WORDS[n]}{text[len(str(n)):]}"
    return text[0].upper() + text[1:] if capital else text


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _list(words: list[str]) -> str:
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def checks_run(study: Study) -> list[str]:
    from transqa.checks.registry import REGISTRY

    settings = study.items[0].doc.settings if study.items else None
    infos = REGISTRY.select(settings.select if settings else None, settings.ignore if settings else ())
    found = {i.category for i in infos}
    return [k for k in _CATEGORY_WORDS if k in found] + sorted(found - set(_CATEGORY_WORDS))


def methods_text(study: Study) -> str:
    items = study.items
    c = of_items(items)
    langs = [f"{language_name(lang)} ({n})" for lang, n in sorted(c.languages.items(), key=lambda kv: -kv[1])]
    sites = [s.name for s in study.project.sites.values() if any(it.spec.site == s.code for it in items)]
    cats = checks_run(study)
    settings = items[0].doc.settings if items else None
    n_terms = len(settings.glossary.terms) if settings else 0
    signed = c.states.get("signed-off", 0)
    parts = [
        f"{_spelled(c.transcripts, 'focus-group transcript', capital=True)} from {_spelled(len(sites), 'site')}"
        f"{' (' + _list(sites) + ')' if sites else ''} were transcribed in the local language "
        f"({_list(langs)}) and translated into English turn by turn; "
        f"the material comprised {c.source_segments} source and {c.translation_segments} English turns.",
        f"Each translation was checked with transqa {__version__} for "
        f"{'; '.join(_CATEGORY_WORDS.get(k, k) for k in cats)}"
        + (f", against a study glossary of {_plural(n_terms, 'term')}" if n_terms else "") + ".",
        f"The checks reported {_plural(c.findings, 'finding')} "
        f"({c.by_severity.get('error', 0)} errors, {c.by_severity.get('warning', 0)} warnings, "
        f"{c.by_severity.get('info', 0)} notes); reviewers dismissed {c.by_status.get('dismissed', 0)} with a "
        f"recorded reason, and {sum(c.open_by_severity.values())} remained open"
        f" ({c.open_by_severity.get('error', 0)} of them errors)"
        + (f"; {_plural(c.edits, 'correction')} to the translations were made in review" if c.edits else "") + ".",
        "A translation counted as final only when two reviewers other than its translator had approved its "
        "current content; each sign-off records the reviewer's printed name, role, the meaning of the "
        "signature, the UTC time and a SHA-256 hash of the files signed, in a hash-chained audit trail, so any "
        "later change to a transcript voids its sign-off.",
        f"At the time of this report {signed} of {_plural(c.transcripts, 'transcript')} "
        f"{'was' if signed == 1 else 'were'} signed off.",
    ]
    return " ".join(parts)
