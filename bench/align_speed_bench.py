"""Aligner speed on the real parallel data: a 5,000-segment pair per script, and 500-pair documents.

    .venv/bin/python bench/align_speed_bench.py [--repeat 5] [--stages]

* **5,000-segment pairs** (2% damaged, like bench/align_bench.py's timing), one per script mix:
  Swahili+Luganda (Latin), German (Latin), Marathi+Hindi (Devanagari), Hebrew, and
  Marathi+Hindi+Hebrew. "cold" reads every text and word afresh (caches cleared); "warm" is
  a re-alignment of the same pair, when the per-text features are cached (the UI re-aligns
  after an edit). Medians and minima of ``repeat`` runs, wall clock and CPU time (the machine
  is shared: CPU time is the steadier figure).
* **500-pair documents** with speaker turns (what ``transqa check`` aligns: bench/
  check_speed_bench.py's documents): every 500-pair window of every language, first with the
  word caches empty, then again; time per pair.
* ``--stages``: where a warm 5,000-segment alignment spends its time.

Writes bench/results/align_speed_bench.json.
"""

from __future__ import annotations

import argparse
import functools
import json
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import corpus  # noqa: E402

from transqa.align import aligner, align, features  # noqa: E402
from transqa.align.evaluate import bead_f1, make_case  # noqa: E402

POOLS = {  # name: (languages, language code given to the aligner)
    "sw+lg": (("sw", "lg"), "sw"),
    "de": (("de",), "de"),
    "mr+hi": (("mr", "hi"), "mr"),
    "he": (("he",), "he"),
    "mr+hi+he": (("mr", "hi", "he"), "mr"),
}
SIZE = 5000


def _case(langs: tuple[str, ...]):
    pool = [p for lang in langs for p in corpus.pairs(lang)]
    while len(pool) < SIZE:  # German and Hebrew alone are shorter: repeat them
        pool = pool + pool
    pool = pool[:SIZE]
    return make_case(pool, random.Random(SIZE), n_perturb=SIZE // 50, strays=[e for _, e in corpus.pairs("sw")])


def pair_timing(name: str, repeat: int) -> dict[str, float]:
    langs, code = POOLS[name]
    case = _case(langs)
    runs: dict[str, list[float]] = {"cold": [], "cold_cpu": [], "warm": [], "warm_cpu": []}
    for _ in range(repeat):
        features.clear_caches()
        for kind in ("cold", "warm"):
            t0, c0 = time.perf_counter(), time.process_time()
            beads = align(case.source, case.translation, source_lang=code)
            runs[kind].append(time.perf_counter() - t0)
            runs[kind + "_cpu"].append(time.process_time() - c0)
    out: dict[str, float] = {"segments": len(case.source), "f1": bead_f1(beads, case.gold)}
    for key, values in runs.items():
        out[key + "_median"] = statistics.median(values)
        out[key + "_min"] = min(values)
    return out


def document_timing(per_doc: int = 500) -> dict[str, float]:
    rng = random.Random(per_doc)
    docs = []
    for lang in corpus.LANGS:
        pairs = corpus.pairs(lang)
        for start in range(0, len(pairs) - per_doc + 1, per_doc):
            docs.append((lang, make_case(pairs[start:start + per_doc], rng, n_perturb=per_doc // 100, turns=True)))
    n = sum(len(case.source) for _, case in docs)
    out: dict[str, float] = {"documents": len(docs), "pairs": n}
    features.clear_caches()
    for kind in ("first", "again"):
        t0, c0 = time.perf_counter(), time.process_time()
        for lang, case in docs:
            align(case.source, case.translation, source_lang=lang)
        out[kind + "_us_per_pair"] = (time.perf_counter() - t0) / n * 1e6
        out[kind + "_cpu_us_per_pair"] = (time.process_time() - c0) / n * 1e6
    return out


def stages(name: str) -> dict[str, float]:
    """CPU seconds per step of one warm alignment (steps may nest: bead costs inside passes)."""
    langs, code = POOLS[name]
    case = _case(langs)
    spent: dict[str, float] = {}
    names = ("prepare", "_first_pass", "learn_lexicon", "learn_turns", "_align_path", "bead_costs", "solve", "_beads")
    originals = {step: getattr(aligner, step) for step in names}

    def timed(step, fn):
        @functools.wraps(fn)
        def run(*args, **kwargs):
            c0 = time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[step] = spent.get(step, 0.0) + time.process_time() - c0
        return run

    align(case.source, case.translation, source_lang=code)
    try:
        for step, fn in originals.items():
            setattr(aligner, step, timed(step, fn))
        c0 = time.process_time()
        align(case.source, case.translation, source_lang=code)
        spent["total"] = time.process_time() - c0
    finally:
        for step, fn in originals.items():
            setattr(aligner, step, fn)
    return spent


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--stages", action="store_true")
    args = ap.parse_args()
    results: dict = {"repeat": args.repeat, "pairs": {}}
    print(f"{'5,000-segment pair':20} {'cold s':>7} {'cpu':>6} {'warm s':>7} {'cpu':>6} {'F1':>7}  (medians of {args.repeat})")
    for name in POOLS:
        t = results["pairs"][name] = pair_timing(name, args.repeat)
        print(f"{name:20} {t['cold_median']:7.3f} {t['cold_cpu_median']:6.3f} {t['warm_median']:7.3f} "
              f"{t['warm_cpu_median']:6.3f} {t['f1']:7.4f}")
    d = results["documents"] = document_timing()
    print(f"\n{d['documents']} documents of 500 pairs with turns ({d['pairs']} pairs): "
          f"first {d['first_us_per_pair']:.1f} us/pair (cpu {d['first_cpu_us_per_pair']:.1f}), "
          f"again {d['again_us_per_pair']:.1f} us/pair (cpu {d['again_cpu_us_per_pair']:.1f})")
    if args.stages:
        results["stages"] = {}
        for name in ("sw+lg", "mr+hi+he"):
            s = results["stages"][name] = stages(name)
            print(f"\nwarm {name}, cpu s: " + "  ".join(f"{k} {v:.3f}" for k, v in s.items()))
    out = ROOT / "bench" / "results" / "align_speed_bench.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
