"""Aligner quality on the real parallel data, every language, several seeds.

Windows of 200 real pairs get 12 damages on the translation side (a line deleted, two merged,
one split, a stray English line inserted). The beads must match the truth (strict bead F1 >=
0.97), alignment findings must land on >= 90% of the damages, and at most 2 findings per 200
untouched pairs may land elsewhere. bench/align_bench.py runs the same at full size.
"""

from __future__ import annotations

import random
import statistics

import pytest

import transqa.checks.alignment  # noqa: F401  (registers the alignment checks)
from transqa.align import align
from transqa.align.evaluate import bead_f1, clean_start, make_case, score_findings
from transqa.checks.context import Document
from transqa.checks.registry import REGISTRY
from transqa.checks.runner import run_checks
from transqa.checks.settings import CheckSettings
from transqa.model import Transcript, TranscriptPair

LANGS = ("sw", "lg", "de", "he", "hi", "mr")
SIZE, DAMAGES = 200, 12


def run(corpus, lang: str, seed: int, turns: bool):
    pairs = corpus.pairs(lang)
    rng = random.Random(f"test-{lang}-{seed}-{turns}")
    start = clean_start(pairs, SIZE, rng)
    strays = [e for k, (_, e) in enumerate(pairs) if not start - SIZE <= k < start + 2 * SIZE]
    case = make_case(pairs[start:start + SIZE], rng, n_perturb=DAMAGES, strays=strays, turns=turns)
    beads = align(case.source, case.translation, source_lang=lang)
    pair = TranscriptPair(
        id="t",
        source=Transcript("s", case.source, language=lang),
        translation=Transcript("t", case.translation, language="en"),
        source_lang=lang,
    )
    findings = run_checks([Document(pair, beads, CheckSettings())], REGISTRY.select(["alignment"]))["t"]
    return bead_f1(beads, case.gold), score_findings(case, findings)


@pytest.mark.parametrize("turns", [False, True], ids=["plain", "turns"])
@pytest.mark.parametrize("lang", LANGS)
def test_damage_is_found_and_aligned_around(parallel, lang, turns):
    seeds = range(8) if not turns else range(2)
    results = [run(parallel, lang, seed, turns) for seed in seeds]
    f1 = statistics.mean(r[0] for r in results)
    flagged = sum(r[1].flagged for r in results)
    damages = sum(r[1].perturbations for r in results)
    false = sum(r[1].false_alarms for r in results)
    untouched = sum(r[1].untouched for r in results)
    assert damages >= DAMAGES * len(results) - len(results)  # the damage was really applied
    assert f1 >= 0.97, f"{lang}: bead F1 {f1:.4f}"
    assert flagged / damages >= 0.90, f"{lang}: {flagged}/{damages} damages flagged"
    assert 200 * false / untouched <= 2.0, f"{lang}: {false} false alarms in {untouched} pairs"


def test_untouched_translation_aligns_one_to_one(parallel):
    """A translation written line for line comes back as 1-1 beads with high scores."""
    for lang in LANGS:
        pairs = parallel.pairs(lang)
        rng = random.Random(f"clean-{lang}")
        start = clean_start(pairs, SIZE, rng)
        case = make_case(pairs[start:start + SIZE], rng, n_perturb=0)
        beads = align(case.source, case.translation, source_lang=lang)
        assert sum(b.kind == "1-1" for b in beads) >= 0.99 * SIZE, lang
        assert statistics.median(b.score for b in beads) >= 0.5, lang
