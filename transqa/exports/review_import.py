"""Bring a reviewer's edits in an exported review .docx back to the translation file.

The review table (:mod:`transqa.exports.review_docx`) has one row per aligned unit, in the
order of the export. :func:`review_changes` reads the returned document with the bilingual
reader and compares each row's English cell with the unit's current translation:

* a row whose unit has exactly one translation turn and whose text changed is an edit of
  that turn (its line in the translation file);
* anything else that changed (a merged unit with several turns, an English cell filled in for
  an omitted turn, rows added or removed) cannot be mapped to one line and is returned as
  ``skipped`` with the reason, for a person to carry over.

:func:`apply_review` records the mappable edits through the review store
(``ReviewStore.edit_translation``), which writes the translation file atomically, keeps a
backup and audits each change — so the sign-off of an edited transcript becomes stale.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from transqa.errors import InputError
from transqa.exports.study import Item


@dataclass(frozen=True, slots=True)
class Change:
    row: int
    line: int | None  # translation line in the original file, None when not mappable
    before: str
    after: str
    reason: str = ""


def _norm(text: str) -> str:
    return " ".join(text.split())


def review_changes(item: Item, path: str | Path) -> tuple[list[Change], list[Change]]:
    """(edits mappable to one translation line, changes that are not) in a returned review docx."""
    from transqa.readers import read_pair

    pair = read_pair(path, id=item.id, source_lang=item.source_lang)
    if not pair.aligned or pair.translation is None:
        raise InputError(path, "not a review table (no source/translation header row)")
    rows: dict[int, str] = {}
    cells = pair.translation.meta.get("cells") or []
    for seg, pos in zip(pair.translation.segments, cells):
        rows[int(pos[1])] = seg.text  # table row index; row 0 is the header
    header = pair.source.meta.get("cells") or []
    n_rows = max([int(p[1]) for p in (*cells, *header)] + [0])
    if n_rows > len(item.units):
        raise InputError(path, f"the table has {n_rows} rows but {item.id} has {len(item.units)} units: "
                               "was it exported from another version, or were rows added?")
    edits: list[Change] = []
    skipped: list[Change] = []
    for u in item.units:
        r = u.index + 1
        new = rows.get(r, "")
        old = "\n".join(s.text for s in u.translation)
        if _norm(new) == _norm(old):
            continue
        if len(u.translation) == 1 and "\n" not in new.strip():
            edits.append(Change(r, u.translation[0].line, u.translation[0].text, _norm(new)))
        else:
            why = ("the row has several English turns" if len(u.translation) > 1 else
                   "the source turn had no English line" if not u.translation else "the new text has line breaks")
            skipped.append(Change(r, None, old, new, why))
    return edits, skipped


def apply_review(store, item: Item, path: str | Path, reviewer: str) -> tuple[list, list[Change]]:
    """Record the mappable edits with ``store`` (a ReviewStore); returns (Edit records, skipped)."""
    edits, skipped = review_changes(item, path)
    done = []
    for ch in edits:
        assert ch.line is not None
        e = store.edit_translation(item.id, ch.line, ch.after, reviewer)
        if e is not None:
            done.append(e)
    return done, skipped
