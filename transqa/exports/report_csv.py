"""The study report as one CSV table: a row for the study, each site and each transcript.

Columns: ``level`` (study | site | transcript), ``site``, ``transcript``, ``source_lang``,
``state``, counts (``transcripts``, ``source_segments``, ``translation_segments``, ``units``),
findings by severity (``error``, ``warning``, ``info``), by review status (``open``, ``fixed``,
``dismissed``), ``signed_off`` (transcripts signed off), ``signoffs`` (for a transcript:
``printed name (id, role) approved|rejected at <UTC time>: <meaning>`` for every sign-off on the
current content, ``; ``-separated), then one column per check id that reported anything
(``check:<id>``, all severities). UTF-8, comma-separated, LF. Messages and transcript text
are not included; names of sign-off reviewers are.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from transqa.exports.common import signoff_line
from transqa.exports.scrub import Scrubber, scrubber_for
from transqa.exports.study import Study
from transqa.exports.summary import SEVERITIES, STATUSES, Counts, of_items
from transqa.fsutil import atomic_write_text

BASE = ("level", "site", "transcript", "source_lang", "state", "transcripts", "source_segments",
        "translation_segments", "units", *SEVERITIES, *STATUSES, "signed_off", "signoffs")


def _row(level: str, site: str, tid: str, lang: str, state: str, c: Counts, signoffs: str,
         checks: list[str]) -> list[object]:
    per_check = {chk: 0 for chk in checks}
    for (chk, _sev), n in c.by_check.items():
        per_check[chk] += n
    return [level, site, tid, lang, state, c.transcripts, c.source_segments, c.translation_segments, c.units,
            *(c.by_severity.get(s, 0) for s in SEVERITIES), *(c.by_status.get(s, 0) for s in STATUSES),
            c.states.get("signed-off", 0), signoffs, *(per_check[chk] for chk in checks)]


def build_csv(study: Study, *, scrub: Scrubber | None = None) -> str:
    scrub = scrub or scrubber_for(study.project)
    total = of_items(study.items)
    checks = sorted({chk for chk, _ in total.by_check})
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow([*BASE, *(f"check:{c}" for c in checks)])
    langs = "|".join(sorted(k for k in total.languages if k != "?"))
    w.writerow(_row("study", "", "", langs, "", total, "", checks))
    for code, items in study.by_site().items():
        c = of_items(items)
        site = study.site(code)
        w.writerow(_row("site", code, "", site.language if site else "", "", c, "", checks))
        for it in items:
            signed = "; ".join(scrub(signoff_line(s)) for s in it.signoffs if s.current)
            w.writerow(_row("transcript", code, it.id, it.source_lang or "", it.state, of_items([it]), signed, checks))
    return buf.getvalue()


def write(study: Study, path: Path) -> None:
    atomic_write_text(path, build_csv(study))
