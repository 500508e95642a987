"""glossary.missing-term on real, correct translations with the study glossaries.

    python bench/glossary_false_alarms.py

The sample study glossaries (glossaries/*.csv: peer support worker, service user, stigma,
recovery, hope, trust, medication …) are run over the real parallel corpus (tests/corpus.py,
news and Wikipedia text, human translations). No finding is wanted there, so every
glossary.missing-term is a false alarm *for this text*; the table gives them per pair and per
detected term occurrence. Many are not matcher errors but sense differences the news domain
brings (Swahili *dawa* "medicine" used for "drugs", Hindi उम्मीद "hope" for "expect", Marathi
विश्वास "trust" for "believe"); ``sample`` in the JSON lists findings for inspection.

Writes bench/results/glossary_false_alarms.json.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "bench")]

import corpus  # noqa: E402
from checks_speed import glossary  # noqa: E402

from transqa.checks import REGISTRY, run_checks  # noqa: E402
from transqa.checks.context import Document  # noqa: E402
from transqa.checks.glossary import _analysis  # noqa: E402
from transqa.checks.settings import CheckSettings  # noqa: E402
from transqa.model import Bead, Segment, Transcript, TranscriptPair  # noqa: E402


def main() -> None:
    g = glossary("study")
    rows = {}
    print(f"{'lang':5} {'pairs':>6} {'term occ.':>9} {'missing-term':>12} {'per pair':>9} {'per occ.':>9} {'other glossary':>15}")
    for lang in corpus.LANGS:
        ps = corpus.pairs(lang)
        src = [Segment(i + 1, s) for i, (s, _) in enumerate(ps)]
        tgt = [Segment(i + 1, e) for i, (_, e) in enumerate(ps)]
        pair = TranscriptPair(lang, Transcript("s", src, lang), Transcript("t", tgt, "en"), source_lang=lang)
        doc = Document(pair, [Bead((i,), (i,), 1.0) for i in range(len(ps))], CheckSettings(glossary=g))
        found = run_checks([doc], REGISTRY.select(["glossary"]))[lang]
        _, units = _analysis(doc)
        occ = sum(len({m.label for _, m in u.source}) for u in units)
        miss = [f for f in found if f.check == "glossary.missing-term"]
        other = len(found) - len(miss)
        rows[lang] = {
            "pairs": len(ps), "term_occurrences": occ, "missing_term": len(miss),
            "per_pair": round(len(miss) / len(ps), 4), "per_occurrence": round(len(miss) / occ, 4) if occ else None,
            "other_glossary_findings": other,
            "sample": [{"message": f.message, "english": ps[f.source_lines[0] - 1][1][:160]} for f in miss[:10]],
        }
        r = rows[lang]
        print(f"{lang:5} {len(ps):>6} {occ:>9} {len(miss):>12} {r['per_pair']:>9.2%} "
              f"{(r['per_occurrence'] or 0):>9.1%} {other:>15}")
    out = ROOT / "bench" / "results" / "glossary_false_alarms.json"
    out.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
