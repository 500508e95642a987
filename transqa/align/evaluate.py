"""Measuring the aligner on real parallel text: perturb a translation, compare with the truth.

Used by ``bench/align_bench.py`` and the alignment tests. A run of line-aligned pairs is damaged
the way transcripts are — a translation line deleted, two merged, one split, a stray line
inserted — and the aligner's beads and the alignment checks' findings are compared with what
was done.
"""

from __future__ import annotations

import math
import random
import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field

from transqa.model.alignment import Bead
from transqa.model.findings import Finding
from transqa.model.transcript import Segment

KINDS = ("delete", "merge", "split", "insert")
# Not a change of structure: a line replaced by an unrelated one (a mistranslation, a line
# pasted from elsewhere). Only the confidence of the 1-1 bead can show it.
SUBSTITUTE = "substitute"
_CLAUSE = re.compile(r"[.;:!?,]\s+")


@dataclass(slots=True)
class Case:
    source: list[Segment]
    translation: list[Segment]
    gold: list[Bead]  # score unused
    perturbed: list[int] = field(default_factory=list)  # indices into gold of damaged beads


def suspect_pairs(pairs: Sequence[tuple[str, str]], factor: float = 2.0) -> set[int]:
    """Indices of pairs whose length ratio is beyond ``factor`` of the corpus median.

    The public corpora are not spotless: MAFAND's Swahili has stretches where a sentence was
    split differently on the two sides (dev lines 779-784), so "the truth" is wrong there.
    Windows for evaluation avoid them. The test is the aligner's business, not the corpus's:
    this uses only the pairs' own lengths, never the aligner.
    """
    ratios = sorted(math.log((len(e) + 1) / (len(s) + 1)) for s, e in pairs)
    med = ratios[len(ratios) // 2]
    lim = math.log(factor)
    return {k for k, (s, e) in enumerate(pairs) if abs(math.log((len(e) + 1) / (len(s) + 1)) - med) > lim}


def clean_start(pairs: Sequence[tuple[str, str]], size: int, rng: random.Random) -> int:
    """A random start of a window of ``size`` pairs holding no suspect pair."""
    bad = sorted(suspect_pairs(pairs))
    starts = range(len(pairs) - size + 1)
    good = [k for k in starts if (b := bisect_left(bad, k)) >= len(bad) or bad[b] >= k + size]
    return rng.choice(good or list(starts))


def _split_text(text: str) -> tuple[str, str] | None:
    """Cut at the clause boundary nearest the middle, else at the middle space."""
    mid = len(text) / 2
    cuts = [m.end() for m in _CLAUSE.finditer(text) if 0.2 * len(text) < m.end() < 0.8 * len(text)]
    if not cuts:
        cuts = [k + 1 for k, ch in enumerate(text) if ch == " " and 0.2 * len(text) < k < 0.8 * len(text)]
    if not cuts:
        return None
    cut = min(cuts, key=lambda k: abs(k - mid))
    a, b = text[:cut].strip(), text[cut:].strip()
    return (a, b) if a and b else None


def make_case(
    pairs: Sequence[tuple[str, str]],
    rng: random.Random,
    *,
    n_perturb: int,
    strays: Sequence[str] = (),
    turns: bool = False,
    gap: int = 3,
    kinds: Sequence[str] = KINDS,
) -> Case:
    """Perturb ``n_perturb`` places (kinds in turn, positions random, ``gap`` pairs apart).

    ``strays`` are lines to insert (English from elsewhere). With ``turns`` both sides get
    speaker labels (``M``/``R2`` against ``Moderator``/``Respondent 2``: translated labels)
    and increasing timestamps, as transcripts have.
    """
    n = len(pairs)
    slots = list(range(1, n - 2, gap))
    rng.shuffle(slots)
    chosen = sorted(slots[:n_perturb])
    kind_at = {pos: kinds[k % len(kinds)] for k, pos in enumerate(rng.sample(chosen, len(chosen)))}
    speakers = _speakers(n, rng) if turns else [None] * n
    times = _times(pairs, rng) if turns else [None] * n
    label = {"M": "Moderator"}

    def tlabel(s: str | None) -> str | None:
        return None if s is None else label.get(s, s.replace("R", "Respondent "))

    src = [Segment(line=i + 1, text=s, speaker=speakers[i], seconds=times[i]) for i, (s, _) in enumerate(pairs)]
    tgt_texts: list[tuple[str, str | None, float | None]] = []
    gold: list[Bead] = []
    perturbed: list[int] = []
    i = 0
    while i < n:
        kind = kind_at.get(i)
        en, spk, sec = pairs[i][1], tlabel(speakers[i]), times[i]
        j = len(tgt_texts)
        if kind == "delete":
            gold.append(Bead((i,), (), 0.0))
        elif kind == "merge":
            tgt_texts.append((en + " " + pairs[i + 1][1], spk, sec))
            gold.append(Bead((i, i + 1), (j,), 0.0))
            perturbed.append(len(gold) - 1)
            i += 2
            continue
        elif kind == "split" and (parts := _split_text(en)):
            tgt_texts += [(parts[0], spk, sec), (parts[1], spk, None if sec is None else sec + len(parts[0]) / 15)]
            gold.append(Bead((i,), (j, j + 1), 0.0))
        elif kind == SUBSTITUTE and strays:
            tgt_texts.append((rng.choice(strays), spk, sec))
            gold.append(Bead((i,), (j,), 0.0))
        elif kind == "insert" and strays:
            tgt_texts.append((en, spk, sec))
            gold.append(Bead((i,), (j,), 0.0))
            stray_spk = tlabel(speakers[rng.randrange(n)])
            stray_sec = None if sec is None else sec + 1.0
            tgt_texts.append((rng.choice(strays), stray_spk, stray_sec))
            gold.append(Bead((), (j + 1,), 0.0))
        else:
            tgt_texts.append((en, spk, sec))
            gold.append(Bead((i,), (j,), 0.0))
            i += 1
            continue
        perturbed.append(len(gold) - 1)
        i += 1
    tgt = [Segment(line=j + 1, text=t, speaker=s, seconds=sec) for j, (t, s, sec) in enumerate(tgt_texts)]
    return Case(src, tgt, gold, perturbed)


def _speakers(n: int, rng: random.Random) -> list[str]:
    out, prev = [], "R1"
    for _ in range(n):
        cur = "M" if prev != "M" and rng.random() < 0.5 else f"R{rng.randint(1, 5)}"
        out.append(cur)
        prev = cur
    return out


def _times(pairs: Sequence[tuple[str, str]], rng: random.Random) -> list[float]:
    t, out = 0.0, []
    for s, _ in pairs:
        out.append(round(t, 1))
        t += len(s) / 15 + rng.uniform(0.5, 3.0)  # speaking time plus a pause
    return out


def bead_f1(predicted: Sequence[Bead], gold: Sequence[Bead]) -> float:
    """Strict F1: a bead counts only if its source and translation indices are exactly right."""
    p = {(b.source, b.translation) for b in predicted}
    g = {(b.source, b.translation) for b in gold}
    hit = len(p & g)
    if not p or not g:
        return 1.0 if p == g else 0.0
    prec, rec = hit / len(p), hit / len(g)
    return 0.0 if hit == 0 else 2 * prec * rec / (prec + rec)


@dataclass(slots=True)
class FindingScore:
    flagged: int  # perturbations with an alignment finding on their lines
    perturbations: int
    false_alarms: int  # findings touching no perturbed bead
    untouched: int  # gold beads not perturbed


def score_findings(case: Case, findings: Sequence[Finding]) -> FindingScore:
    """Which perturbations an ``alignment.*`` finding lands on, and how many land elsewhere."""
    found = [f for f in findings if f.category == "alignment"]
    places = []
    for k in case.perturbed:
        bead = case.gold[k]
        places.append(({i + 1 for i in bead.source}, {j + 1 for j in bead.translation}))

    def touches(f: Finding, place: tuple[set[int], set[int]]) -> bool:
        return bool(place[0] & set(f.source_lines)) or bool(place[1] & set(f.translation_lines))

    flagged = sum(1 for place in places if any(touches(f, place) for f in found))
    false = sum(1 for f in found if not any(touches(f, place) for place in places))
    return FindingScore(flagged, len(places), false, len(case.gold) - len(places))
