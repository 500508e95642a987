"""Throughput of the glossary, consistency, numbers and format checks alone, on real text.

    python bench/checks_speed.py [--pairs 120000]

Documents of 500 turns are cut from the real parallel corpus (all six languages, 1-1 beads,
synthetic speaker labels and increasing timestamps so the format checks have work), repeated
until ``--pairs`` pairs. Glossary (``--glossary``): ``study`` = the sample study glossaries in
glossaries/*.csv (~170 rows: peer support worker, service user, stigma, recovery …, the
realistic case), or ``dense`` = the ~200 everyday concepts of bench/terms_bench.py
(government, year, day … — found in most news sentences, a pessimistic case). Reported: pairs/s per category and for the
four together (the whole ``transqa check`` must reach ≥ 5,000 pairs/s, so these checks must
take a small share of that budget).

Writes bench/results/checks_speed_<glossary>.json. The machine is shared (2 cores): the
load average is printed with the figures.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "bench")]

import corpus  # noqa: E402
from terms_bench import TERMS  # noqa: E402

from transqa.checks import REGISTRY, run_checks  # noqa: E402
from transqa.checks.context import Document  # noqa: E402
from transqa.checks.settings import CheckSettings  # noqa: E402
from transqa.model import Bead, Segment, Transcript, TranscriptPair  # noqa: E402
from transqa.model.glossary import Glossary, Term  # noqa: E402

CATEGORIES = ("glossary", "consistency", "numbers", "format")


def glossary(kind: str = "study") -> Glossary:
    if kind == "study":
        from transqa.readers.glossary import read_glossary

        g = Glossary()
        for path in sorted((ROOT / "glossaries").glob("*.csv")):
            g = g.merged(read_glossary(path))
        return g
    terms = []
    for lang, items in TERMS.items():
        for src, en in items:
            for s in src.split("|"):
                terms.append(Term(s, tuple(en.split("|")), (), lang))
    return Glossary(terms)


def documents(n_pairs: int, size: int = 500, kind: str = "study") -> list[Document]:
    settings = CheckSettings(glossary=glossary(kind))
    chunks = []
    for lang in corpus.LANGS:
        pairs = corpus.pairs(lang)
        for i in range(0, len(pairs), size):
            chunks.append((lang, pairs[i:i + size]))
    docs: list[Document] = []
    total = 0
    rep = 0
    while total < n_pairs:
        for lang, chunk in chunks:
            if total >= n_pairs:
                break
            chunk = chunk[: n_pairs - total]
            src, tgt = [], []
            for j, (s, e) in enumerate(chunk):
                spk = "M" if j % 4 == 0 else f"R{j % 7 + 1}"
                sec = 5.0 * j
                src.append(Segment(j + 1, s, spk, None, sec))
                tgt.append(Segment(j + 1, e, "Moderator" if spk == "M" else spk, None, sec))
            did = f"{lang}-{rep}-{len(docs)}"
            pair = TranscriptPair(did, Transcript(did + "-s", src, lang), Transcript(did + "-t", tgt, "en"), source_lang=lang)
            docs.append(Document(pair, [Bead((k,), (k,), 1.0) for k in range(len(chunk))], settings))
            total += len(chunk)
        rep += 1
    return docs


def main() -> None:
    import os

    print(f"load average {os.getloadavg()[0]:.2f}")
    ap = argparse.ArgumentParser()
    ap.add_argument("--pairs", type=int, default=120_000)
    ap.add_argument("--glossary", choices=("study", "dense"), default="study")
    args = ap.parse_args()
    rows: dict[str, object] = {"glossary": args.glossary}
    for cat in (*CATEGORIES, "all four"):
        docs = documents(args.pairs, kind=args.glossary)  # fresh documents: no shared doc.cache between runs
        sel = REGISTRY.select(list(CATEGORIES) if cat == "all four" else [cat])
        t0 = time.perf_counter()
        res = run_checks(docs, sel)
        dt = time.perf_counter() - t0
        n = sum(len(d.units) for d in docs)
        found = sum(map(len, res.values()))
        rows[cat] = {"pairs": n, "seconds": round(dt, 2), "pairs_per_s": round(n / dt), "findings": found}
        print(f"{cat:12} {n:>8} pairs {dt:7.2f} s {n / dt:>10,.0f} pairs/s  {found:>7} findings", flush=True)
    out = ROOT / "bench" / "results" / f"checks_speed_{args.glossary}.json"
    out.write_text(json.dumps(rows, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
