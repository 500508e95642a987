"""Aligner quality and speed on the real parallel data, all six languages.

    .venv/bin/python bench/align_bench.py [--runs 8] [--size 200] [--perturb 12]

For each language, ``runs`` windows of ``size`` consecutive real pairs (seeded) get ``perturb``
damages on the translation side (delete, merge, split, insert an English line from elsewhere),
with and without simulated speaker labels and timestamps. Reported: strict bead F1 against the
truth, the share of damages an ``alignment.*`` finding lands on, false alarms per 200 untouched
pairs, and the time to align a 5,000-segment pair. Writes bench/results/align_bench.json.
"""

from __future__ import annotations

import argparse
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

import transqa.checks.alignment  # noqa: E402,F401  (registers the alignment checks)
from transqa.align import align, features  # noqa: E402
from transqa.align.evaluate import KINDS, SUBSTITUTE, bead_f1, clean_start, make_case, score_findings  # noqa: E402
from transqa.checks.context import Document  # noqa: E402
from transqa.checks.registry import REGISTRY  # noqa: E402
from transqa.checks.runner import run_checks  # noqa: E402
from transqa.checks.settings import CheckSettings  # noqa: E402
from transqa.model.transcript import Transcript, TranscriptPair  # noqa: E402

CHECKS = REGISTRY.select(["alignment"])


def evaluate(lang: str, seed: int, size: int, n_perturb: int, turns: bool, kinds=KINDS):
    pairs = corpus.pairs(lang)
    rng = random.Random(f"{lang}-{seed}-{turns}")
    start = clean_start(pairs, size, rng)
    window = pairs[start:start + size]
    others = [e for k, (_, e) in enumerate(pairs) if not start - size <= k < start + 2 * size]
    case = make_case(window, rng, n_perturb=n_perturb, strays=others, turns=turns, kinds=kinds)
    beads = align(case.source, case.translation, source_lang=lang)
    pair = TranscriptPair(
        id=f"{lang}-{seed}",
        source=Transcript("s", case.source, language=lang),
        translation=Transcript("t", case.translation, language="en"),
        source_lang=lang,
    )
    findings = run_checks([Document(pair, beads, CheckSettings())], CHECKS)[pair.id]
    return bead_f1(beads, case.gold), score_findings(case, findings)


def _clear_caches() -> None:
    features.clear_caches()


POOLS = {
    # Swahili then Luganda: the length ratio changes midway, a drift the band must follow.
    "sw+lg": (("sw", "lg"), "sw"),
    # Marathi, Hindi, Hebrew: other scripts (names matched by skeleton), three ratios.
    "mr+hi+he": (("mr", "hi", "he"), "mr"),
}


def timing(pool_name: str, n: int = 5000, repeat: int = 5) -> dict[str, float]:
    """A 5,000-segment pair, 2% damaged. "cold" reads every text afresh; "warm" is a
    re-alignment after an edit, when the per-text features are cached (what the UI does).
    Wall-clock and CPU time both: the machine is shared, CPU time is the steadier figure."""
    langs, code = POOLS[pool_name]
    pool = [p for lang in langs for p in corpus.pairs(lang)][:n]
    rng = random.Random(5000)
    case = make_case(pool, rng, n_perturb=len(pool) // 50, strays=[e for _, e in corpus.pairs("de")])
    out: dict[str, list[float]] = {"cold": [], "warm": [], "cold_cpu": [], "warm_cpu": []}
    for _ in range(repeat):
        _clear_caches()
        for kind in ("cold", "warm"):
            t0, c0 = time.perf_counter(), time.process_time()
            beads = align(case.source, case.translation, source_lang=code)
            out[kind].append(time.perf_counter() - t0)
            out[kind + "_cpu"].append(time.process_time() - c0)
    res: dict[str, float] = {"segments": len(pool)}
    for key, values in out.items():
        res[key + "_median"] = statistics.median(values)
        res[key + "_min"] = min(values)
    res["f1"] = bead_f1(beads, case.gold)
    return res


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=8)
    ap.add_argument("--size", type=int, default=200)
    ap.add_argument("--perturb", type=int, default=12)
    ap.add_argument("--langs", default=",".join(corpus.LANGS))
    ap.add_argument("--no-timing", action="store_true")
    args = ap.parse_args()
    results = {"runs": args.runs, "size": args.size, "perturb": args.perturb, "languages": {}}
    print(f"{'lang':5} {'turns':5} {'F1 mean':>8} {'F1 min':>7} {'recall':>7} {'FA/200':>7}")
    for lang in args.langs.split(","):
        for turns in (False, True):
            f1s, flagged, total, false, untouched = [], 0, 0, 0, 0
            for seed in range(args.runs):
                f1, fs = evaluate(lang, seed, args.size, args.perturb, turns)
                f1s.append(f1)
                flagged += fs.flagged
                total += fs.perturbations
                false += fs.false_alarms
                untouched += fs.untouched
            row = {
                "f1_mean": statistics.mean(f1s), "f1_min": min(f1s),
                "recall": flagged / max(total, 1), "false_alarms_per_200": 200 * false / max(untouched, 1),
            }
            results["languages"].setdefault(lang, {})["turns" if turns else "plain"] = row
            print(f"{lang:5} {'yes' if turns else 'no':5} {row['f1_mean']:8.4f} {row['f1_min']:7.4f} "
                  f"{row['recall']:7.3f} {row['false_alarms_per_200']:7.2f}")
    print(f"\n{'lang':5} substituted lines (an unrelated English line) flagged, false alarms/200")
    results["substitution"] = {}
    for lang in args.langs.split(","):
        flagged = total = false = untouched = 0
        for seed in range(args.runs):
            _, fs = evaluate(lang, seed, args.size, 6, False, kinds=(SUBSTITUTE,))
            flagged += fs.flagged
            total += fs.perturbations
            false += fs.false_alarms
            untouched += fs.untouched
        row = {"recall": flagged / max(total, 1), "false_alarms_per_200": 200 * false / max(untouched, 1)}
        results["substitution"][lang] = row
        print(f"{lang:5} {row['recall']:.3f} {row['false_alarms_per_200']:.2f}")
    if not args.no_timing:
        results["timing"] = {}
        print(f"\n{'5,000-segment pair':20} {'cold s':>7} {'cpu':>6} {'warm s':>7} {'cpu':>6} {'F1':>7}  (medians of 5)")
        for name in POOLS:
            t = results["timing"][name] = timing(name)
            print(f"{name:20} {t['cold_median']:7.3f} {t['cold_cpu_median']:6.3f} {t['warm_median']:7.3f} "
                  f"{t['warm_cpu_median']:6.3f} {t['f1']:7.4f}")
    out = ROOT / "bench" / "results" / "align_bench.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
