"""Throughput of `transqa check` against Translate Toolkit's `pofilter`, side by side, same pairs.

Builds 120,000 real segment pairs (the six languages of ../shared/data/parallel repeated) as a
project of transcripts (500 pairs each, like long focus groups), times

* ``transqa check PROJECT --format json`` (reading, aligning, every registered check), and
* ``pofilter`` with its default checks on the same pairs as one PO file,

each as a whole command, and writes ``bench/results/check_speed_bench.json``.

    python bench/check_speed_bench.py [--pairs 120000] [--per-doc 500] [--repeat 1]

pofilter comes from translate-toolkit (GPL; a benchmark-only tool, not a transqa dependency):
``pip install translate-toolkit``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from itertools import cycle
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))
import corpus  # noqa: E402

BIN = Path(sys.executable).parent


def build_pairs(n: int) -> list[tuple[str, str, str]]:
    pools = [[(lang, s, e) for s, e in corpus.pairs(lang)] for lang in corpus.LANGS]
    out: list[tuple[str, str, str]] = []
    iters = [cycle(p) for p in pools]
    # round-robin in blocks so every transcript is one language, as in a real study
    while len(out) < n:
        for it, pool in zip(iters, pools):
            out.extend(next(it) for _ in range(min(len(pool), n - len(out))))
            if len(out) >= n:
                break
    return out[:n]


def write_project(root: Path, pairs: list[tuple[str, str, str]], per_doc: int) -> int:
    docs = 0
    lines: list[str] = ['[study]\nname = "speed"\n']
    for start in range(0, len(pairs), per_doc):
        chunk = pairs[start:start + per_doc]
        langs = {lang for lang, _, _ in chunk}
        lang = chunk[0][0] if len(langs) == 1 else None
        tid = f"T{docs:04d}"
        (root / f"{tid}.src.txt").write_text("\n".join(s for _, s, _ in chunk) + "\n", encoding="utf-8")
        (root / f"{tid}.en.txt").write_text("\n".join(e for _, _, e in chunk) + "\n", encoding="utf-8")
        lines.append(f'[[transcripts]]\nid = "{tid}"\nsource = "{tid}.src.txt"\ntranslation = "{tid}.en.txt"\n'
                     + (f'source_lang = "{lang}"\n' if lang else ""))
        docs += 1
    (root / "transqa.toml").write_text("\n".join(lines), encoding="utf-8")
    return docs


def write_po(path: Path, pairs: list[tuple[str, str, str]]) -> None:
    def q(s: str) -> str:
        return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'

    with path.open("w", encoding="utf-8") as fh:
        fh.write('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n')
        for i, (lang, src, en) in enumerate(pairs):
            fh.write(f"msgctxt {q(f'{lang}-{i}')}\nmsgid {q(src)}\nmsgstr {q(en)}\n\n")


def timed(cmd: list[str]) -> tuple[float, int]:
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - t0
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{cmd[0]} failed ({proc.returncode}): {proc.stderr[-500:]}")
    return elapsed, proc.returncode


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pairs", type=int, default=120_000)
    ap.add_argument("--per-doc", type=int, default=500)
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args()
    if not corpus.available():
        raise SystemExit(f"parallel data not found at {corpus.DATA}")
    pofilter = shutil.which("pofilter", path=str(BIN)) or shutil.which("pofilter")
    pairs = build_pairs(args.pairs)
    results: dict[str, object] = {"pairs": len(pairs), "per_doc": args.per_doc, "cpus": os.cpu_count(),
                                  "python": platform.python_version(), "runs": []}
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "project"
        root.mkdir()
        docs = write_project(root, pairs, args.per_doc)
        po = Path(tmp) / "pairs.po"
        write_po(po, pairs)
        for _ in range(args.repeat):
            t_transqa, _ = timed([str(BIN / "transqa"), "check", str(root), "--format", "json",
                                  "--output", str(Path(tmp) / "out.json"), "--fail-on", "never"])
            run: dict[str, object] = {"transqa_s": round(t_transqa, 2), "transqa_pairs_per_s": round(len(pairs) / t_transqa)}
            if pofilter:
                t_po, _ = timed([pofilter, "--progress=none", "-i", str(po), "-o", str(Path(tmp) / "out.po")])
                run.update(pofilter_s=round(t_po, 2), pofilter_pairs_per_s=round(len(pairs) / t_po))
            results["runs"].append(run)  # type: ignore[union-attr]
        findings = json.loads((Path(tmp) / "out.json").read_text(encoding="utf-8"))
        results["transcripts"] = docs
        results["transqa_findings"] = sum(len(t["findings"]) for t in findings["transcripts"])
    best = min(results["runs"], key=lambda r: r["transqa_s"])  # type: ignore[arg-type,index]
    print(f"{len(pairs):,} pairs in {docs} transcripts")
    print(f"  transqa check : {best['transqa_s']:>7.2f} s  {best['transqa_pairs_per_s']:>8,} pairs/s")
    if "pofilter_s" in best:
        print(f"  pofilter      : {best['pofilter_s']:>7.2f} s  {best['pofilter_pairs_per_s']:>8,} pairs/s")
    else:
        print("  pofilter      : not installed (pip install translate-toolkit)")
    out = HERE / "results" / "check_speed_bench.json"
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
