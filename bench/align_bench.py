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
from transqa.align import align, features, lexicon  # noqa: E402
from transqa.align.evaluate import bead_f1, clean_start, make_case, score_findings  # noqa: E402
from transqa.checks.context import Document  # noqa: E402
from transqa.checks.registry import REGISTRY  # noqa: E402
from transqa.checks.runner import run_checks  # noqa: E402
from transqa.checks.settings import CheckSettings  # noqa: E402
from transqa.model.transcript import Transcript, TranscriptPair  # noqa: E402

CHECKS = REGISTRY.select(["alignment"])


def evaluate(lang: str, seed: int, size: int, n_perturb: int, turns: bool):
    pairs = corpus.pairs(lang)
    rng = random.Random(f"{lang}-{seed}-{turns}")
    start = clean_start(pairs, size, rng)
    window = pairs[start:start + size]
    others = [e for k, (_, e) in enumerate(pairs) if not start - size <= k < start + 2 * size]
    case = make_case(window, rng, n_perturb=n_perturb, strays=others, turns=turns)
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
    for fn in (features._text_features, features._token_keys, lexicon._stem):
        fn.cache_clear()


def timing(n: int = 5000, repeat: int = 5) -> dict[str, float]:
    """A 5,000-segment pair (Swahili then Luganda: the length ratio changes midway, a drift the
    band must follow), 2% damaged. "cold" reads every text afresh; "warm" is a re-alignment
    after an edit, when the per-text features are cached (what the UI does)."""
    pool = [p for lang in ("sw", "lg") for p in corpus.pairs(lang)][:n]
    rng = random.Random(5000)
    case = make_case(pool, rng, n_perturb=n // 50, strays=[e for _, e in corpus.pairs("de")])
    cold, warm = [], []
    for _ in range(repeat):
        _clear_caches()
        t0 = time.perf_counter()
        beads = align(case.source, case.translation, source_lang="sw")
        cold.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        align(case.source, case.translation, source_lang="sw")
        warm.append(time.perf_counter() - t0)
    return {"segments": n, "cold_median": statistics.median(cold), "cold_min": min(cold),
            "warm_median": statistics.median(warm), "warm_min": min(warm), "f1": bead_f1(beads, case.gold)}


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
    if not args.no_timing:
        results["timing"] = timing()
        t = results["timing"]
        print(f"5,000-segment pair: cold {t['cold_median']:.3f} s median (min {t['cold_min']:.3f}), "
              f"warm {t['warm_median']:.3f} s (min {t['warm_min']:.3f}), F1 {t['f1']:.4f}")
    out = ROOT / "bench" / "results" / "align_bench.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
