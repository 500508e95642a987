"""The alignment checks: right lines, one finding per problem, severities that mean something."""

from __future__ import annotations

import transqa.checks.alignment  # noqa: F401  (registers the alignment checks)
from transqa.align import align_pair
from transqa.checks.context import Document
from transqa.checks.registry import REGISTRY
from transqa.checks.runner import run_checks
from transqa.checks.settings import CheckSettings
from transqa.model import Bead, Segment, Severity, Transcript, TranscriptPair

# A short interview, each line with something a translator carries over (names, numbers).
SOURCE = [
    ("M", "Karibuni nyote. Tuanze na utangulizi mfupi: jina lako na unapoishi?"),
    ("R1", "Naitwa Amani, ninaishi Makindye tangu mwaka 2015 na familia yangu."),
    ("R2", "Mimi ni Baraka kutoka Kampala; nimefanya kazi hospitalini kwa miaka 12."),
    ("M", "Asante. Mlipata msaada gani mlipokuwa na huzuni au msongo wa mawazo?"),
    ("R1", "Sikupata msaada wowote, hata kliniki ya Mulago ilikuwa mbali sana nami."),
    ("R2", "Mimi nilienda kanisani mara 3 kila wiki, na mchungaji Okello alinisaidia."),
    ("M", "Je, mlihisi kwamba watu waliwaelewa? Familia, marafiki, majirani?"),
    ("R1", "Hapana! Walisema ni uchawi tu, na kwamba nitapona nikiomba zaidi."),
    ("R2", "Dada yangu Nakato alielewa; yeye ni muuguzi katika hospitali ya Nsambya."),
    ("M", "Asanteni sana kwa kushiriki. Tutaendelea baada ya dakika 10."),
]
ENGLISH = [
    ("M", "Welcome everyone. Let's start with a short introduction: your name and where you live?"),
    ("R1", "My name is Amani, I have lived in Makindye since 2015 with my family."),
    ("R2", "I am Baraka from Kampala; I have worked at a hospital for 12 years."),
    ("M", "Thank you. What help did you get when you were sad or stressed?"),
    ("R1", "I got no help at all, even the Mulago clinic was very far from me."),
    ("R2", "I went to church 3 times every week, and pastor Okello helped me."),
    ("M", "Did you feel that people understood you? Family, friends, neighbours?"),
    ("R1", "No! They said it was just witchcraft, and that I would heal if I prayed more."),
    ("R2", "My sister Nakato understood; she is a nurse at Nsambya hospital."),
    ("M", "Thank you very much for sharing. We will continue after 10 minutes."),
]


def segs(rows, speakers=True):
    return [Segment(line=i + 1, text=t, speaker=s if speakers else None) for i, (s, t) in enumerate(rows)]


def findings(source, translation, *, aligned=False, settings=None):
    pair = TranscriptPair(
        id="KLA-FGD1",
        source=Transcript("s", source, language="sw"),
        translation=Transcript("t", translation, language="en"),
        source_lang="sw",
        aligned=aligned,
    )
    doc = Document(pair, align_pair(pair), settings or CheckSettings())
    return run_checks([doc], REGISTRY.select(["alignment"]))["KLA-FGD1"]


def test_faithful_translation_has_no_alignment_findings():
    assert findings(segs(SOURCE), segs(ENGLISH)) == []
    assert findings(segs(SOURCE, speakers=False), segs(ENGLISH, speakers=False)) == []


def test_one_dropped_line_is_one_finding_at_its_line():
    english = ENGLISH[:4] + ENGLISH[5:]  # source line 5 left untranslated
    found = findings(segs(SOURCE), segs(english))
    assert [(f.check, f.source_lines, f.severity) for f in found] == [
        ("alignment.missing-translation", (5,), Severity.ERROR)
    ]
    assert "after translation line 4" in found[0].message  # where the reviewer looks for it


def test_added_line_is_reported_on_the_translation_side():
    english = ENGLISH[:7] + [("R1", "[Translator's note: the participant laughs and the recording is unclear here.]")] + ENGLISH[7:]
    found = findings(segs(SOURCE, speakers=False), segs(english, speakers=False))
    assert [(f.check, f.translation_lines) for f in found] == [("alignment.extra-translation", (8,))]
    assert found[0].severity == Severity.WARNING


def test_merge_across_speakers_is_a_warning_and_within_a_speaker_is_info():
    # Lines 2 and 3 (R1 and R2) rendered as one line.
    english = ENGLISH[:1] + [("R1", ENGLISH[1][1] + " " + ENGLISH[2][1])] + ENGLISH[3:]
    found = findings(segs(SOURCE), segs(english))
    assert [(f.check, f.source_lines, f.translation_lines) for f in found] == [("alignment.merged", (2, 3), (2,))]
    assert found[0].severity == Severity.WARNING
    same_speaker = [("R1", t) for _, t in SOURCE]
    found = findings(segs(same_speaker), segs([("R1", t) for _, t in english]))
    assert [f.check for f in found] == ["alignment.merged"]
    assert found[0].severity == Severity.INFO


def test_split_line_is_info():
    first, second = ENGLISH[4][1].split(", ", 1)
    english = ENGLISH[:4] + [("R1", first + ","), ("R1", second)] + ENGLISH[5:]
    found = findings(segs(SOURCE), segs(english))
    assert [(f.check, f.source_lines, f.translation_lines, f.severity) for f in found] == [
        ("alignment.split", (5,), (5, 6), Severity.INFO)
    ]


def test_bilingual_table_is_not_repaired_and_empty_cells_are_reported():
    english = list(ENGLISH)
    english[3] = ("M", "")  # empty translation cell in row 4
    english[6], english[7] = english[7], english[6]  # rows swapped: a table is trusted as it is
    found = findings(segs(SOURCE), segs(english), aligned=True)
    missing = [f for f in found if f.check == "alignment.missing-translation"]
    assert [(f.source_lines, f.translation_lines) for f in missing] == [((4,), (4,))]
    assert not any(f.check in ("alignment.merged", "alignment.split", "alignment.extra-translation") for f in found)
    # The swapped rows fit badly: their 1-1 scores are the lowest of the table.
    pair = TranscriptPair("x", Transcript("s", segs(SOURCE)), Transcript("t", segs(english)), source_lang="sw", aligned=True)
    beads = align_pair(pair)
    assert [b.source for b in beads] == [(i,) for i in range(10)]
    assert [b.translation for b in beads] == [(i,) for i in range(10)]
    ranked = sorted((b.score, b.source[0]) for b in beads if b.source[0] != 3)
    assert {idx for _, idx in ranked[:2]} == {6, 7}


def test_low_confidence_threshold_is_an_option():
    english = list(ENGLISH)
    english[8] = ("R2", "Yes.")  # a long turn rendered as one word
    pair_rows = dict(aligned=True)
    assert [f.check for f in findings(segs(SOURCE), segs(english), **pair_rows)] == ["alignment.low-confidence"]
    strict = CheckSettings(options={"alignment.low-confidence": {"min_score": 0.0}})
    assert findings(segs(SOURCE), segs(english), settings=strict, **pair_rows) == []


def test_findings_name_lines_not_indices():
    source = [Segment(line=10 + 2 * i, text=t) for i, (_, t) in enumerate(SOURCE)]
    english = [Segment(line=5 + i, text=t) for i, (_, t) in enumerate(ENGLISH[:2] + ENGLISH[3:])]
    found = findings(source, english)
    assert [(f.check, f.source_lines) for f in found] == [("alignment.missing-translation", (14,))]


def test_units_match_beads():
    # Sanity of the contract the checks rely on: the Document builds one unit per bead.
    pair = TranscriptPair("x", Transcript("s", segs(SOURCE)), Transcript("t", segs(ENGLISH)), source_lang="sw")
    beads = align_pair(pair)
    assert all(isinstance(b, Bead) for b in beads)
    assert [b.kind for b in beads] == ["1-1"] * 10
    assert min(b.score for b in beads) > 0.01


def test_table_row_without_translation_cell_keeps_later_rows_paired():
    # A bilingual table's reader numbers segments by row and leaves out empty cells.
    source = segs(SOURCE)
    translation = [Segment(line=i + 1, text=t) for i, (_, t) in enumerate(ENGLISH) if i != 2]
    found = findings(source, translation, aligned=True)
    assert [(f.check, f.source_lines, f.translation_lines) for f in found] == [
        ("alignment.missing-translation", (3,), ())
    ]
    pair = TranscriptPair("x", Transcript("s", source), Transcript("t", translation), source_lang="sw", aligned=True)
    beads = align_pair(pair)
    assert [(b.source, b.translation) for b in beads] == [((0,), (0,)), ((1,), (1,)), ((2,), ())] + [
        ((k,), (k - 1,)) for k in range(3, 10)
    ]
