"""The measuring tool itself: the damage it does and the truth it records must agree."""

from __future__ import annotations

import random

from transqa.align.evaluate import KINDS, SUBSTITUTE, bead_f1, make_case, score_findings, suspect_pairs
from transqa.model import Bead, Finding, Severity

PAIRS = [(f"chanzo {k} " + "neno " * (k % 7 + 3), f"source {k}, " + "word " * (k % 7 + 3)) for k in range(60)]
STRAYS = ["An unrelated English line from elsewhere."]


def rebuild(case):
    """Re-derive each side's texts from the gold beads: they must account for every line."""
    src = [s.text for s in case.source]
    tgt = [t.text for t in case.translation]
    assert [i for b in case.gold for i in b.source] == list(range(len(src)))
    assert [j for b in case.gold for j in b.translation] == list(range(len(tgt)))
    return src, tgt


def test_no_damage_gives_identity():
    case = make_case(PAIRS, random.Random(1), n_perturb=0)
    assert [(b.source, b.translation) for b in case.gold] == [((k,), (k,)) for k in range(60)]
    assert case.perturbed == []


def test_each_kind_of_damage_is_recorded_as_its_bead():
    case = make_case(PAIRS, random.Random(2), n_perturb=8, strays=STRAYS)
    src, tgt = rebuild(case)
    kinds = sorted(case.gold[k].kind for k in case.perturbed)
    assert kinds == sorted(["1-0", "1-0", "2-1", "2-1", "1-2", "1-2", "0-1", "0-1"])
    for k in case.perturbed:
        bead = case.gold[k]
        joined = " ".join(tgt[j] for j in bead.translation)
        if bead.kind == "2-1":
            assert joined == PAIRS[bead.source[0]][1] + " " + PAIRS[bead.source[1]][1]
        elif bead.kind == "1-2":
            assert joined.replace(" ", "") == PAIRS[bead.source[0]][1].replace(" ", "")
        elif bead.kind == "0-1":
            assert joined == STRAYS[0]
    for b in case.gold:  # untouched beads keep their own translation
        if b.kind == "1-1":
            assert tgt[b.translation[0]] == PAIRS[b.source[0]][1]


def test_substitution_keeps_one_to_one():
    case = make_case(PAIRS, random.Random(3), n_perturb=5, strays=STRAYS, kinds=(SUBSTITUTE,))
    rebuild(case)
    assert all(b.kind == "1-1" for b in case.gold)
    assert [case.translation[case.gold[k].translation[0]].text for k in case.perturbed] == STRAYS * 5


def test_turns_give_translated_labels_and_rising_times():
    case = make_case(PAIRS, random.Random(4), n_perturb=4, strays=STRAYS, turns=True, kinds=KINDS)
    assert {s.speaker for s in case.source} <= {"M", "R1", "R2", "R3", "R4", "R5"}
    assert {t.speaker for t in case.translation} <= {"Moderator", *(f"Respondent {k}" for k in range(1, 6))}
    secs = [s.seconds for s in case.source]
    assert secs == sorted(secs)


def test_scores():
    gold = [Bead((0,), (0,), 0), Bead((1,), (), 0), Bead((2,), (1,), 0)]
    assert bead_f1(gold, gold) == 1.0
    shifted = [Bead((0,), (0,), 0), Bead((1,), (1,), 0), Bead((2,), (), 0)]
    assert abs(bead_f1(shifted, gold) - 1 / 3) < 1e-9
    case = make_case(PAIRS[:10], random.Random(5), n_perturb=0)
    case.perturbed = [3]
    hit = Finding("alignment.missing-translation", Severity.ERROR, "x", source_lines=(4,))
    elsewhere = Finding("alignment.split", Severity.INFO, "y", source_lines=(8,))
    other_category = Finding("numbers.mismatch", Severity.ERROR, "z", source_lines=(9,))
    fs = score_findings(case, [hit, elsewhere, other_category])
    assert (fs.flagged, fs.perturbations, fs.false_alarms, fs.untouched) == (1, 1, 1, 9)


def test_suspect_pairs_are_the_length_outliers():
    pairs = [("a" * 50, "b" * 55)] * 20 + [("a" * 10, "b" * 200)]
    assert suspect_pairs(pairs) == {20}
