"""CPU cost of the anonymisation checks per segment pair, on the real parallel corpus.

Writes every pair of ``tests/corpus.py`` (six languages) as 500-pair plain-text transcripts,
reads and aligns them once (not timed), then times the anonymisation checks alone
(``run_document_checks`` with ``REGISTRY.select(["anonymisation"])``) with the sample study's
settings (register, allow-list, code pattern) and with default settings (no register).
The first pass of a process is reported apart ("cold": per-word caches empty); the warm figure
is the median of the following passes, each on fresh document caches.

    python bench/anonymisation_speed.py [--repeat 3] [--dump FILE]

``--dump`` writes every finding (check, severity, message, lines, side, span, evidence) as
JSON lines, so a speed change can be proved not to change the output.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE.parent / "tests"))
import corpus  # noqa: E402

from transqa.checks.registry import REGISTRY  # noqa: E402
from transqa.checks.runner import run_document_checks  # noqa: E402
from transqa.checks.settings import CheckSettings  # noqa: E402
from transqa.project import load_project  # noqa: E402
from transqa.project.run import build_document  # noqa: E402
from transqa.readers.dispatch import read_pair  # noqa: E402

PER_DOC = 500


def build_docs(root: Path, settings: CheckSettings) -> list:
    docs = []
    for lang in corpus.LANGS:
        pairs = corpus.pairs(lang)
        for start in range(0, len(pairs), PER_DOC):
            chunk = pairs[start:start + PER_DOC]
            tid = f"{lang}-{start // PER_DOC:03d}"
            src, tgt = root / f"{tid}.src.txt", root / f"{tid}.en.txt"
            if not src.exists():
                src.write_text("\n".join(s for s, _ in chunk) + "\n", encoding="utf-8")
                tgt.write_text("\n".join(e for _, e in chunk) + "\n", encoding="utf-8")
            pair = read_pair(src, tgt, id=tid, source_lang=lang)
            docs.append(build_document(pair, settings))
    return docs


def run(docs: list, infos: list) -> tuple[float, list]:
    for d in docs:
        d.cache.clear()
    t0 = time.process_time()
    out = [run_document_checks(d, infos) for d in docs]
    return time.process_time() - t0, out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3, help="warm passes per setting")
    ap.add_argument("--dump", type=Path, help="write all findings as JSON lines")
    args = ap.parse_args()
    infos = REGISTRY.select(["anonymisation"])
    n_pairs = sum(len(corpus.pairs(lang)) for lang in corpus.LANGS)
    study = load_project(str(HERE.parent / "samples" / "study")).settings()
    rows = []
    dump = args.dump.open("w", encoding="utf-8") if args.dump else None
    with tempfile.TemporaryDirectory() as tmp:
        for label, settings in (("study register", study), ("no register", CheckSettings())):
            docs = build_docs(Path(tmp), settings)
            cold, out = run(docs, infos)
            warm = [run(docs, infos)[0] for _ in range(args.repeat)]
            if dump:
                for d, findings in zip(docs, out):
                    for f in findings:
                        dump.write(json.dumps([label, d.id, f.check, int(f.severity), f.message, list(f.source_lines),
                                               list(f.translation_lines), f.side, f.span, f.evidence],
                                              ensure_ascii=False) + "\n")
            med = statistics.median(warm)
            rows.append({"settings": label, "pairs": n_pairs, "findings": sum(map(len, out)),
                         "cold_us_per_pair": round(cold / n_pairs * 1e6, 1),
                         "warm_us_per_pair": round(med / n_pairs * 1e6, 1),
                         "warm_runs_s": [round(w, 3) for w in warm]})
    if dump:
        dump.close()
    print(f"{'settings':<16}{'pairs':>8}{'findings':>10}{'cold µs/pair':>14}{'warm µs/pair':>14}")
    for r in rows:
        print(f"{r['settings']:<16}{r['pairs']:>8}{r['findings']:>10}{r['cold_us_per_pair']:>14}{r['warm_us_per_pair']:>14}")
    out_path = HERE / "results" / "anonymisation_speed.json"
    out_path.write_text(json.dumps({"rows": rows, "repeat": args.repeat}, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
