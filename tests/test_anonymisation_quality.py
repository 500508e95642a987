"""Quality thresholds on a seeded sample of the REAL parallel corpus (the full run is
bench/anonymisation_bench.py): identifiers planted into real sentences of all six languages
and their English translations must all be found; real sentences must not set off the
register, pattern and placeholder detectors."""

from __future__ import annotations

import importlib.util
import random
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def bench(parallel):
    spec = importlib.util.spec_from_file_location("anonymisation_bench", ROOT / "bench" / "anonymisation_bench.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules["anonymisation_bench"] = mod
    spec.loader.exec_module(mod)
    return mod


def test_every_planted_register_variant_is_found(bench):
    from transqa.identifiers.register_match import RegisterMatcher

    plants = bench.register_plants(random.Random(11), per_kind=1)
    result = bench.register_recall(plants, RegisterMatcher(bench.planted_register()))
    kinds = {k.split(":")[1] for k in result}
    assert {"exact", "case", "possessive", "inflection", "misspelling", "transliteration",
            "listed-variant"} <= kinds
    for kind, r in result.items():
        assert r["recall"] == 1.0, (kind, r["missed"])


def test_every_planted_phone_and_email_is_found(bench):
    rng = random.Random(12)
    plants = [p for p in bench.phone_plants(rng, per_kind=1) + bench.pattern_plants(rng, per_kind=3)
              if p.kind.startswith(("phone", "email"))]
    result = bench.pattern_recall(plants)
    assert {k.split(":")[0] for k in result} == {"phone", "email"}
    assert {k for k in result if k.startswith("phone")} == {f"phone:{r}" for r in ("DE", "IL", "UG", "TZ", "IN")}
    for kind, r in result.items():
        assert r["recall"] == 1.0, (kind, r["missed"])


def test_real_sentences_rarely_set_off_register_pattern_or_placeholder_detectors(bench):
    from transqa.identifiers.register_match import RegisterMatcher

    segs = bench.corpus_segments(limit_per_lang=150, seed=13)
    fa_register, _ = bench.false_alarm_register()
    res = bench.clean_false_alarms(segs, RegisterMatcher(fa_register))
    # Dates, ages, phones and URLs in news text are real identifiers, not false alarms; the
    # register (names absent from the corpus), ID numbers, addresses, placeholders and
    # blank-outs must stay quiet.
    for kind in ("register-hit", "id-number", "address", "placeholder", "blank-out", "email"):
        rate = res.get(kind, {"rate": 0.0})["rate"]
        assert rate < 0.01, (kind, res.get(kind))


@pytest.mark.parametrize("name", [
    "anonymisation_echr_like.txt", "anonymisation_echr_like_heldout.txt", "anonymisation_echr_like_heldout2.txt",
    "anonymisation_echr_like_heldout3.txt", "anonymisation_focus_group_heldout.txt",
])
def test_identifier_dense_english_recall_stays_high_at_better_precision_than_highlighting(bench, name):
    """The issue's bar: the highlight-every-capital-and-number baseline found about 94% of direct
    identifiers on court-judgment prose; transqa must keep recall that high and be more precise."""
    docs = bench.echr_like(name)
    ours, caps = bench.tab_metrics(docs, bench.predict_transqa), bench.tab_metrics(docs, bench.predict_caps_digits)
    assert ours["ER_direct"] >= 0.94, ours
    assert ours["ER_quasi"] >= caps["ER_quasi"] - 0.02, (ours, caps)
    assert ours["token_precision"] > caps["token_precision"], (ours, caps)
