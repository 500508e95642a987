"""What the aligner knows about one document pair, and what it learns from a first pass.

Per-segment features (:mod:`transqa.align.features`) as arrays, the length model estimated
from the pair itself, the speaker-label mapping and timestamp tolerance, and the word pairs
learnt from the first alignment (:mod:`transqa.align.lexicon`).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain, repeat

import numpy as np

from transqa.align.features import Side, add_shared_words, anchor_counts, anchor_weights, side_features
from transqa.align.lexicon import learn
from transqa.model.transcript import Segment
from transqa.text.scripts import LATIN, dominant_script, script_for_language


@dataclass(slots=True)
class LengthModel:
    """Translation characters per source character (``c``) and variance per character (``s2``)."""

    c: float
    s2: float

    def z(self, ls: np.ndarray | float, lt: np.ndarray | float) -> np.ndarray | float:
        return (lt - self.c * ls) / np.sqrt(self.s2 * (ls + lt / self.c) / 2 + 1.0)


@dataclass(slots=True)
class PairData:
    """Everything the cost model needs about one document pair (cumulative arrays: index = end)."""

    src: Side
    tgt: Side
    weights: dict[str, float]
    cs: np.ndarray  # cumulative source lengths, shape (n + 1,)
    ct: np.ndarray
    src_nums: np.ndarray  # cumulative counts of numbers
    tgt_nums: np.ndarray
    src_w: np.ndarray  # cumulative anchor weight
    tgt_w: np.ndarray
    src_aw: np.ndarray  # anchor weight of each segment
    tgt_aw: np.ndarray
    anchor_df: Counter[str]  # segments each anchor occurs in (both sides)
    src_stems: list[frozenset[str]]
    tgt_stems: list[frozenset[str]]
    spk_src: np.ndarray | None = None  # speaker codes in a common space, -1 unknown
    spk_tgt: np.ndarray | None = None
    time_tol: float | None = None
    anchor_index: tuple | None = None  # (weights it was built for, arrays): see costs._anchor_index


def prepare(
    source: Sequence[Segment], translation: Sequence[Segment], source_lang: str | None, target_lang: str
) -> PairData:
    """Read both sides' features; anchors shared by the two sides, weighed by rarity."""
    cross = _script(source, source_lang) != _script(translation, target_lang)
    src, src_text = side_features(source, source_lang, cross)
    tgt, tgt_text = side_features(translation, target_lang, cross)
    add_shared_words(src, src_text, tgt, tgt_text, cross)
    df = anchor_counts(src, tgt)
    weights = anchor_weights(df, len(src) + len(tgt))
    src_aw, tgt_aw = _anchor_weight(src.anchors, weights), _anchor_weight(tgt.anchors, weights)
    return PairData(
        src_stems=src.stems,
        tgt_stems=tgt.stems,
        src=src,
        tgt=tgt,
        weights=weights,
        cs=np.concatenate(([0.0], np.cumsum(src.lengths))),
        ct=np.concatenate(([0.0], np.cumsum(tgt.lengths))),
        src_nums=np.concatenate(([0], np.cumsum([len(x) for x in src.numbers]))),
        tgt_nums=np.concatenate(([0], np.cumsum([len(x) for x in tgt.numbers]))),
        src_w=_cumulative(src_aw),
        tgt_w=_cumulative(tgt_aw),
        src_aw=src_aw,
        tgt_aw=tgt_aw,
        anchor_df=df,
    )


def _script(segments: Sequence[Segment], lang: str | None) -> str:
    """The side's writing system: from its language code when known, else from a sample."""
    if lang:
        return script_for_language(lang)
    step = max(1, len(segments) // 50)
    return dominant_script(" ".join(seg.text for seg in segments[::step])) or LATIN


def _anchor_weight(anchors: list[frozenset[str]], weights: dict[str, float]) -> np.ndarray:
    get = weights.get
    return np.fromiter((sum(map(get, keys, repeat(0.0))) for keys in anchors), dtype=float, count=len(anchors))


def _cumulative(per: np.ndarray) -> np.ndarray:
    return np.concatenate(([0.0], np.cumsum(per)))


def initial_model(doc: PairData) -> LengthModel:
    """The ratio of the whole texts, and Gale & Church's variance until the pair's own is known."""
    ls, lt = doc.cs[-1], doc.ct[-1]
    c = lt / ls if ls > 0 and lt > 0 else 1.0
    return LengthModel(c=float(min(max(c, 0.2), 5.0)), s2=6.8)


def reestimate(doc: PairData, path: list[tuple[int, int]], model: LengthModel) -> LengthModel:
    """Ratio and variance from the 1-1 beads of a pass; robust to the odd wrong pair."""
    ls, lt = _one_to_one_lengths(path, doc)
    if len(ls) < 5:
        return model
    keep = (ls > 0) & (lt > 0)
    ls, lt = ls[keep], lt[keep]
    if len(ls) < 5:
        return model
    ratio = lt / ls
    lo_q, hi_q = np.quantile(ratio, [0.1, 0.9])
    core = (ratio >= lo_q) & (ratio <= hi_q)
    c = float(lt[core].sum() / ls[core].sum()) if core.any() else model.c
    raw = (lt - c * ls) / np.sqrt((ls + lt / c) / 2 + 1.0)
    s2 = float((np.median(np.abs(raw)) / 0.6745) ** 2)
    return LengthModel(c=min(max(c, 0.2), 5.0), s2=min(max(s2, 0.5), 20.0))


def _one_to_one_lengths(path: list[tuple[int, int]], doc: PairData) -> tuple[np.ndarray, np.ndarray]:
    i = j = 0
    ls, lt = [], []
    for a, b in path:
        if a == 1 and b == 1:
            ls.append(doc.src.lengths[i])
            lt.append(doc.tgt.lengths[j])
        i, j = i + a, j + b
    return np.asarray(ls, dtype=float), np.asarray(lt, dtype=float)


def learn_lexicon(doc: PairData, path: list[tuple[int, int]]) -> None:
    """Add learnt word pairs (see :mod:`transqa.align.lexicon`) as anchors, re-weigh anchors."""
    pairs = []
    i = j = 0
    for a, b in path:
        if a == 1 and b == 1:
            pairs.append((doc.src_stems[i], doc.tgt_stems[j]))
        i, j = i + a, j + b
    n_src: Counter[str] = Counter(chain.from_iterable(doc.src_stems))
    n_tgt: Counter[str] = Counter(chain.from_iterable(doc.tgt_stems))
    lexicon = learn(pairs, n_src, n_tgt, max(len(doc.src), len(doc.tgt)))
    if not lexicon:
        return
    # Each learnt pair is one anchor, "d:" + the source stem, on both sides. Only the segments
    # that gain one change: the other anchors' counts, and so their weights, stay as they were.
    src_keys = {a: ("d:" + a,) for a in lexicon}
    back: dict[str, list[str]] = defaultdict(list)
    for a, bs in lexicon.items():
        for b in bs:
            back[b].append("d:" + a)
    added: list[frozenset[str]] = []
    changed: list[list[int]] = []
    for side, stems, gains in ((doc.src, doc.src_stems, src_keys), (doc.tgt, doc.tgt_stems, back)):
        known = gains.keys()
        changed.append([])
        for k, st in enumerate(stems):
            if hit := known & st:
                new = frozenset(chain.from_iterable(map(gains.__getitem__, hit)))
                added.append(new)
                side.anchors[k] = side.anchors[k] | new
                changed[-1].append(k)
    doc.anchor_df.update(chain.from_iterable(added))
    doc.weights = anchor_weights(doc.anchor_df, len(doc.src) + len(doc.tgt))
    for side, aw, redo in ((doc.src, doc.src_aw, changed[0]), (doc.tgt, doc.tgt_aw, changed[1])):
        aw[redo] = _anchor_weight([side.anchors[k] for k in redo], doc.weights)
    doc.src_w = _cumulative(doc.src_aw)
    doc.tgt_w = _cumulative(doc.tgt_aw)


def has_turns(doc: PairData) -> bool:
    def share(side: Side) -> float:
        return sum(s is not None for s in side.speakers) / max(len(side), 1)

    def share_t(side: Side) -> float:
        return float(np.mean(~np.isnan(side.seconds))) if len(side) else 0.0

    return (share(doc.src) > 0.5 and share(doc.tgt) > 0.5) or (share_t(doc.src) > 0.5 and share_t(doc.tgt) > 0.5)


def learn_turns(doc: PairData, path: list[tuple[int, int]]) -> None:
    """Map translation speaker labels onto source ones by majority over the first pass's 1-1 beads.

    Labels may be translated (``Moderator`` / ``M``, ``Mhojiwa 1`` / ``R1``): only the
    correspondence matters. Timestamps' tolerance is the typical offset of those beads.
    """
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    offsets = []
    i = j = 0
    for a, b in path:
        if a == 1 and b == 1:
            s, t = doc.src.speakers[i], doc.tgt.speakers[j]
            if s is not None and t is not None:
                votes[t][s] += 1
            d = doc.src.seconds[i] - doc.tgt.seconds[j]
            if not math.isnan(d):
                offsets.append(abs(d))
        i, j = i + a, j + b
    src_ids = {s: k for k, s in enumerate(sorted({s for s in doc.src.speakers if s is not None}))}
    # Labels with the same code (R1 / Respondent 1, M / Moderator) start with a lead worth a
    # quarter of the label's turns: the first pass's votes can still overrule it.
    t_count = Counter(t for t in doc.tgt.speakers if t is not None)
    codes: dict[str, list[str]] = defaultdict(list)
    for label in src_ids:
        codes[_label_code(label)].append(label)
    for t, count in t_count.items():
        for label in codes.get(_label_code(t), ()):
            votes[t][label] += 1 + count / 4
    if votes and src_ids:
        mapping = {t: src_ids[c.most_common(1)[0][0]] for t, c in votes.items()}
        doc.spk_src = np.array([src_ids.get(s, -1) if s is not None else -1 for s in doc.src.speakers])
        doc.spk_tgt = np.array([mapping.get(t, -2) if t is not None else -1 for t in doc.tgt.speakers])
    if len(offsets) >= 3:
        doc.time_tol = float(np.median(offsets)) + 2.0


def _label_code(label: str) -> str:
    """``Respondent 1`` -> ``r1``, ``R1:`` -> ``r1``, ``Moderator`` -> ``m``: first letter + digits."""
    letters = [ch for ch in label.casefold() if ch.isalpha()]
    digits = "".join(ch for ch in label if ch.isdigit())
    return (letters[0] if letters else "") + digits
