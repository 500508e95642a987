"""CPU cost of the untranslated.* checks per segment pair, and a findings dump to prove speed work changes nothing.

    .venv/bin/python bench/untranslated_speed.py [--dump FILE] [--compare FILE] [--repeat 3]

All real pairs of the six languages (tests/corpus.py), as Documents of 500 pairs built by
``build_document`` (aligned as ``transqa check`` does), in five conditions so every path
runs: clean (the real translations), copy (every 4th translation replaced by its source),
partial (every 3rd translation with 6 consecutive source words put in its middle), single
(the source lines as one transcript declared English) and declared (the English lines as a
transcript declared in the source language). Documents are built once; then the
untranslated checks run over them once to warm the per-word caches (as a worker does
after its first documents) and ``repeat`` more times with ``doc.cache`` cleared, timed in
CPU seconds. Reported: µs CPU per pair (median and best of the timed runs; on a shared
machine the best is the steadier figure, interference only adds), per condition and for
clean+copy+partial (what ``transqa check`` meets). ``--dump`` writes every finding (check,
severity, message, lines, side, span, evidence); ``--compare`` fails if any differs.
Writes bench/results/untranslated_speed.json.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
# A/B runs on a shared machine: TRANSQA_CODE=<a checkout> measures that checkout's transqa.
sys.path.insert(0, os.environ.get("TRANSQA_CODE", str(ROOT)))
sys.path.insert(0, str(ROOT / "tests"))

import corpus  # noqa: E402

import transqa.checks.untranslated  # noqa: E402,F401  (registers the checks)
from transqa.checks.registry import REGISTRY  # noqa: E402
from transqa.checks.runner import run_document_checks  # noqa: E402
from transqa.checks.settings import CheckSettings  # noqa: E402
from transqa.model import Segment, Transcript, TranscriptPair  # noqa: E402
from transqa.project.run import build_document  # noqa: E402
from transqa.text.tokens import tokens  # noqa: E402

DOC_SIZE = 500
CHECKS = REGISTRY.select(["untranslated"])
CONDITIONS = ("clean", "copy", "partial", "single", "declared")
CHECK_PATH = ("clean", "copy", "partial")


def _plant(src: str, en: str, rng: random.Random) -> str:
    """``en`` with 6 consecutive words of ``src`` in place of three of its middle words."""
    st, et = list(tokens(src)), list(tokens(en))
    if len(st) < 6 or len(et) < 5:
        return en
    i = rng.randrange(len(st) - 5)
    run = src[st[i].start : st[i + 5].end]
    k = rng.randrange(1, len(et) - 3)
    return en[: et[k].start] + run + en[et[k + 2].end :]


def _pairs(cond: str, lang: str, pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    if cond == "copy":
        return [(s, s if i % 4 == 0 else e) for i, (s, e) in enumerate(pairs)]
    if cond == "partial":
        rng = random.Random(f"{lang}-partial")
        return [(s, _plant(s, e, rng) if i % 3 == 0 else e) for i, (s, e) in enumerate(pairs)]
    return pairs


def build() -> dict[str, list]:
    settings = CheckSettings()
    docs: dict[str, list] = {c: [] for c in CONDITIONS}
    for lang in corpus.LANGS:
        all_pairs = list(corpus.pairs(lang))
        for cond in CONDITIONS:
            pairs = _pairs(cond, lang, all_pairs)
            for off in range(0, len(pairs), DOC_SIZE):
                chunk = pairs[off : off + DOC_SIZE]
                did = f"{cond}-{lang}-{off}"
                if cond == "single":
                    t = Transcript("S", [Segment(i + 1, s) for i, (s, _) in enumerate(chunk)], language="en")
                    pair = TranscriptPair(did, t, None, source_lang="en")
                elif cond == "declared":
                    t = Transcript("S", [Segment(i + 1, e) for i, (_, e) in enumerate(chunk)], language=lang)
                    pair = TranscriptPair(did, t, None, source_lang=lang)
                else:
                    s = Transcript("S", [Segment(i + 1, x) for i, (x, _) in enumerate(chunk)], language=lang)
                    t = Transcript("T", [Segment(i + 1, y) for i, (_, y) in enumerate(chunk)], language="en")
                    pair = TranscriptPair(did, s, t, source_lang=lang)
                docs[cond].append((len(chunk), build_document(pair, settings)))
    return docs


def run(docs: list) -> tuple[float, list]:
    out = []
    t0 = time.process_time()
    for _, doc in docs:
        doc.cache.clear()
        out.append((doc.id, run_document_checks(doc, CHECKS)))
    return time.process_time() - t0, out


def rows(found: list) -> list:
    return [
        [did, f.check, int(f.severity), f.message, list(f.source_lines), list(f.translation_lines), f.side,
         list(f.span) if f.span else None, f.evidence]
        for did, fs in found for f in fs
    ]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dump")
    ap.add_argument("--compare")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--only", help="comma-separated conditions (timing only; no dump/compare)")
    args = ap.parse_args()
    global CONDITIONS
    if args.only:
        CONDITIONS = tuple(args.only.split(","))
    docs = build()
    table: dict[str, dict] = {}
    found_all: list = []
    for cond in CONDITIONS:
        n = sum(k for k, _ in docs[cond])
        cold, found = run(docs[cond])
        times = [run(docs[cond])[0] for _ in range(args.repeat)]
        table[cond] = {"pairs": n, "findings": sum(len(f) for _, f in found),
                       "cold_us_per_pair": round(cold / n * 1e6, 1),
                       "us_per_pair": round(statistics.median(times) / n * 1e6, 1),
                       "best_us_per_pair": round(min(times) / n * 1e6, 1)}
        found_all.extend(found)
    path = [c for c in CHECK_PATH if c in table]
    n = sum(table[c]["pairs"] for c in path)
    us = sum(table[c]["us_per_pair"] * table[c]["pairs"] for c in path) / n if n else 0.0
    print(f"{'condition':10} {'pairs':>7} {'findings':>9} {'cold µs/pair':>13} {'µs/pair':>9} {'best':>7}")
    for cond, r in table.items():
        print(f"{cond:10} {r['pairs']:7} {r['findings']:9} {r['cold_us_per_pair']:13} {r['us_per_pair']:9} {r['best_us_per_pair']:7}")
    print(f"{'+'.join(path)}: {us:.1f} µs CPU per pair (median of {args.repeat} warm runs)")
    dumped = rows(found_all)
    status = 0
    if args.dump:
        Path(args.dump).parent.mkdir(parents=True, exist_ok=True)
        Path(args.dump).write_text(json.dumps(dumped, ensure_ascii=False, indent=0))
        print(f"dumped {len(dumped)} findings to {args.dump}")
    if args.compare:
        ref = json.loads(Path(args.compare).read_text())
        same = ref == json.loads(json.dumps(dumped, ensure_ascii=False))
        print(f"compare with {args.compare}: {'IDENTICAL' if same else 'DIFFERENT'} ({len(ref)} vs {len(dumped)} findings)")
        if not same:
            for a, b in zip(ref, dumped):
                if a != b:
                    print("first difference:", a, "|", b, sep="\n")
                    break
            status = 1
    out = ROOT / "bench" / "results" / "untranslated_speed.json"
    if "TRANSQA_CODE" not in os.environ:
        out.write_text(json.dumps({"conditions": table, "check_path_us_per_pair": round(us, 1)}, indent=2) + "\n")
    sys.exit(status)


if __name__ == "__main__":
    main()
