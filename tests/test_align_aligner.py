"""What the aligner uses besides length: turns, timestamps, numbers, names across scripts."""

from __future__ import annotations

import random

from transqa.align import align
from transqa.align.skeleton import skeleton
from transqa.model import Segment

LETTERS = "abcdefghiklmnoprstuvw"


def babble(rng: random.Random, n_words: int) -> str:
    """Text with no anchors at all: lowercase nonsense words, no digits, no punctuation."""
    return " ".join("".join(rng.choice(LETTERS) for _ in range(rng.randint(3, 7))) for _ in range(n_words))


def equal_length_interview(n: int, seed: int) -> tuple[list[str], list[str]]:
    rng = random.Random(seed)
    src = [babble(rng, 8) for _ in range(n)]
    tgt = [babble(rng, 8) for _ in range(n)]
    return src, tgt


def kinds_at(beads, kind):
    return [b for b in beads if b.kind == kind]


def test_translated_speaker_labels_place_a_dropped_turn():
    """Lengths cannot tell where a turn is missing; speaker labels (translated) can."""
    src, tgt = equal_length_interview(40, seed=3)
    speakers = ["M" if k % 2 == 0 else f"R{1 + (k // 2) % 4}" for k in range(40)]
    english = {"M": "Moderator", "R1": "Respondent 1", "R2": "Respondent 2", "R3": "Respondent 3", "R4": "Respondent 4"}
    dropped = 21  # an R turn; the translation goes M, M around the gap
    source = [Segment(line=k + 1, text=src[k], speaker=speakers[k]) for k in range(40)]
    kept = [k for k in range(40) if k != dropped]
    translation = [Segment(line=i + 1, text=tgt[k], speaker=english[speakers[k]]) for i, k in enumerate(kept)]
    beads = align(source, translation, source_lang="sw")
    assert [b.source for b in kinds_at(beads, "1-0")] == [(dropped,)]
    assert all(b.source[0] == b.translation[0] + (b.source[0] > dropped) for b in kinds_at(beads, "1-1"))


def test_timestamps_place_a_dropped_turn():
    src, tgt = equal_length_interview(30, seed=4)
    dropped = 12
    source = [Segment(line=k + 1, text=src[k], seconds=10.0 * k) for k in range(30)]
    kept = [k for k in range(30) if k != dropped]
    translation = [Segment(line=i + 1, text=tgt[k], seconds=10.0 * k + 0.5) for i, k in enumerate(kept)]
    beads = align(source, translation)
    assert [b.source for b in kinds_at(beads, "1-0")] == [(dropped,)]


def test_numbers_in_devanagari_digits_anchor_pairs():
    rng = random.Random(5)
    n = 24
    years = [str(1950 + 3 * k) for k in range(n)]
    deva = str.maketrans("0123456789", "०१२३४५६७८९")
    source = [Segment(line=k + 1, text=f"{babble(rng, 6)} {years[k].translate(deva)} {babble(rng, 2)}") for k in range(n)]
    dropped = 9
    kept = [k for k in range(n) if k != dropped]
    translation = [Segment(line=i + 1, text=f"{babble(rng, 3)} {years[k]} {babble(rng, 5)}") for i, k in enumerate(kept)]
    beads = align(source, translation, source_lang="mr")
    assert [b.source for b in kinds_at(beads, "1-0")] == [(dropped,)]
    assert len(kinds_at(beads, "1-1")) == n - 1


def test_length_ratio_is_learnt_from_the_pair():
    """A translation consistently twice as long as its source is still 1-1, not split."""
    rng = random.Random(6)
    lens = [rng.randint(3, 30) for _ in range(60)]
    source = [Segment(line=k + 1, text=babble(rng, w)) for k, w in enumerate(lens)]
    translation = [Segment(line=k + 1, text=babble(rng, 2 * w)) for k, w in enumerate(lens)]
    beads = align(source, translation)
    assert [b.kind for b in beads] == ["1-1"] * 60


def test_names_match_across_scripts():
    assert skeleton("Trump") == skeleton("ट्रंप") == skeleton("טראמפ")
    assert skeleton("Kampala") == skeleton("कंपाला") == skeleton("קמפלה")
    assert skeleton("Washington") == skeleton("वॉशिंगटन") == skeleton("וושינגטון")
    assert skeleton("London") != skeleton("Kampala")
    assert skeleton("Al") is None  # too short to tell


def test_one_line_per_source_line_comes_back_as_is():
    src, tgt = equal_length_interview(50, seed=8)
    source = [Segment(line=k + 1, text=t) for k, t in enumerate(src)]
    translation = [Segment(line=k + 1, text=t) for k, t in enumerate(tgt)]
    beads = align(source, translation)
    assert [(b.source, b.translation) for b in beads] == [((k,), (k,)) for k in range(50)]


def test_a_skipped_block_of_turns_is_found_without_anchors():
    """Forty consecutive turns left out (a skipped page): lengths drift, the band follows."""
    rng = random.Random(9)
    n, first, gap = 600, 250, 40
    src = [babble(rng, rng.randint(3, 20)) for _ in range(n)]
    tgt = [babble(rng, len(s.split())) for s in src]
    kept = [k for k in range(n) if not first <= k < first + gap]
    source = [Segment(line=k + 1, text=t) for k, t in enumerate(src)]
    translation = [Segment(line=i + 1, text=tgt[k]) for i, k in enumerate(kept)]
    beads = align(source, translation)
    missing = [b.source[0] for b in kinds_at(beads, "1-0")]
    assert len(set(missing) & set(range(first, first + gap))) >= gap - 2
    assert len(missing) <= gap + 2
    assert sum(1 for b in beads if b.kind == "1-1" and b.source[0] == kept[b.translation[0]]) >= len(kept) - 6
