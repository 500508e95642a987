"""``transqa.alignment/1``: beads as line numbers, per the contract."""

from __future__ import annotations

from typing import Any

from transqa.model import Bead, TranscriptPair

SCHEMA = "transqa.alignment/1"


def alignment_document(pair: TranscriptPair, beads: list[Bead]) -> dict[str, Any]:
    src = pair.source.segments
    tgt = pair.translation.segments if pair.translation else []
    return {
        "schema": SCHEMA,
        "source": str(pair.source.path) if pair.source.path else None,
        "translation": str(pair.translation.path) if pair.translation and pair.translation.path else None,
        "pairs": [
            {"source_lines": [src[i].line for i in b.source],
             "translation_lines": [tgt[j].line for j in b.translation],
             "score": round(b.score, 4)}
            for b in beads
        ],
    }
