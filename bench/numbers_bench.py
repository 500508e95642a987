"""numbers.mismatch on the real parallel corpus: false alarms on correct pairs, recall on planted errors.

    python bench/numbers_bench.py

Data: tests/corpus.py (human translations; German/Hindi UD PUD, Hebrew/Marathi NTREX-128,
Swahili/Luganda MAFAND-MT). For every language:

* **flag rate** — share of the real pairs the check flags. Not all of these are false
  alarms: the corpora contain misaligned lines and real translation errors (a Marathi "20
  सप्टेंबर" for "September 29"); ``sample`` in the JSON lists some for inspection.
* **planted recall** — for every pair that the check leaves quiet and whose English has a
  number in digits, one digit of one English number is changed (seeded), as a typist would;
  recall = share of those changed pairs that are flagged. Digits inside names and codes
  (``COVID-19``, ``G7``, ``R1``) are not planted into: the check treats them as names, not
  quantities.
* **baseline** — the same two figures for a naive check (multiset of ``numbers()`` values
  must be equal), i.e. what pofilter-style comparison would give.

Writes bench/results/numbers_bench.json.
"""

from __future__ import annotations

import json
import random
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import corpus  # noqa: E402

from transqa.checks.numbers import unit_mismatches  # noqa: E402
from transqa.text.numbers import LOOSE_NUMBER, numbers  # noqa: E402


def naive(src: str, tgt: str, lang: str) -> bool:
    return Counter(n.value for n in numbers(src, lang)) != Counter(n.value for n in numbers(tgt, "en"))


def plant(text: str, rng: random.Random) -> str | None:
    # quantities only: digits of names such as COVID-19 are skipped by the check by design
    ms = [m for m in LOOSE_NUMBER.finditer(text)
          if not re.search(r"[A-Z]{2,}-$", text[: m.start()]) and not (m.start() and text[m.start() - 1].isalpha())]
    if not ms:
        return None
    m = rng.choice(ms)
    digits = [i for i, c in enumerate(m.group()) if c.isdigit()]
    i = m.start() + rng.choice(digits)
    old = text[i]
    new = rng.choice([d for d in "0123456789" if d != old])
    if i == m.start() and new == "0":
        new = "9" if old != "9" else "8"
    return text[:i] + new + text[i + 1:]


def main() -> None:
    rng = random.Random(20261122)
    rows = {}
    t0 = time.perf_counter()
    n_pairs = 0
    for lang in corpus.LANGS:
        pairs = corpus.pairs(lang)
        flagged = naive_flagged = 0
        planted = caught = naive_caught = 0
        sample = []
        for src, en in pairs:
            n_pairs += 1
            miss, extra = unit_mismatches(src, en, lang)
            bad = bool(miss or extra)
            flagged += bad
            nb = naive(src, en, lang)
            naive_flagged += nb
            if bad and len(sample) < 8:
                sample.append({"source": src[:160], "english": en[:160], "missing": [i.text for i in miss], "extra": [i.text for i in extra]})
            if bad:
                continue
            changed = plant(en, rng)
            if changed is None:
                continue
            planted += 1
            m2, e2 = unit_mismatches(src, changed, lang)
            caught += bool(m2 or e2)
            naive_caught += naive(src, changed, lang) or nb
        rows[lang] = {
            "pairs": len(pairs),
            "flag_rate": round(flagged / len(pairs), 4),
            "flagged": flagged,
            "planted": planted,
            "planted_recall": round(caught / planted, 4) if planted else None,
            "naive_flag_rate": round(naive_flagged / len(pairs), 4),
            "naive_planted_recall": round(naive_caught / planted, 4) if planted else None,
            "sample": sample,
        }
    elapsed = time.perf_counter() - t0
    print(f"{'lang':5} {'pairs':>6} {'flag rate':>10} {'planted':>8} {'recall':>7} | {'naive flag':>10} {'naive recall':>12}")
    for lang, r in rows.items():
        print(f"{lang:5} {r['pairs']:>6} {r['flag_rate']:>10.2%} {r['planted']:>8} {r['planted_recall']:>7.2%} | "
              f"{r['naive_flag_rate']:>10.2%} {r['naive_planted_recall']:>12.2%}")
    print(f"{n_pairs} pairs (each checked twice or three times) in {elapsed:.1f}s")
    out = ROOT / "bench" / "results" / "numbers_bench.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"languages": rows, "seconds": round(elapsed, 2)}, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
