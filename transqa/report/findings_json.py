"""``transqa.findings/1``: the JSON shape of the contract."""

from __future__ import annotations

from typing import Any

from transqa.project.run import CheckResult

SCHEMA = "transqa.findings/1"


def _path(p: object) -> str | None:
    return str(p) if p is not None else None


def findings_document(result: CheckResult) -> dict[str, Any]:
    transcripts = []
    for doc in result.documents:
        pair = doc.pair
        single = pair.translation is None
        src_path = pair.source.path
        tr_path = None if single else pair.translation.path  # type: ignore[union-attr]
        transcripts.append({
            "id": pair.id,
            "site": pair.site,
            "source": _path(src_path),
            "translation": _path(tr_path),
            "source_lang": doc.source_lang,
            "target_lang": None if single else pair.target_lang,
            "segments": {"source": len(pair.source), "translation": None if single else len(pair.translation)},  # type: ignore[arg-type]
            "findings": [f.to_json() for f in result.findings.get(pair.id, [])],
        })
    return {"schema": SCHEMA, "transcripts": transcripts}
