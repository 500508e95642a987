"""ELAN .eaf written by transqa and read back by transqa.readers.eaf (and pympi) as an aligned pair."""

from __future__ import annotations

import pytest
from lxml import etree
from test_export_study import gathered, run_cli, signed_study

from transqa.exports import eaf_writer
from transqa.readers import read_pair


def _ws(text):
    return " ".join(text.split())


@pytest.mark.parametrize("tid", ["BGU-FG1", "ULM-FG1", "BU-FG1", "PU-FG1"])
def test_round_trip_gives_the_same_units_in_order(tmp_path, tid):
    study = gathered()
    item = next(it for it in study.items if it.id == tid)
    path = tmp_path / f"{tid}.eaf"
    eaf_writer.write(item, path)
    pair = read_pair(path, source_lang=item.source_lang)
    assert pair.aligned and pair.translation is not None
    units = [u for u in item.units if u.source or u.translation]
    src = {s.line: s for s in pair.source.segments}
    trg = {s.line: s for s in pair.translation.segments}
    assert max([*src, *trg]) == len(units)
    for n, u in enumerate(units, 1):
        assert _ws(src[n].text) == _ws(u.source_text) if u.source else n not in src
        assert _ws(trg[n].text) == _ws(u.translation_text) if u.translation else n not in trg
        speaker = next((s.speaker for s in (*u.source, *u.translation) if s.speaker), None)
        if speaker:
            assert src.get(n, trg.get(n)).speaker == speaker
    omitted = [u for u in units if u.source and not u.translation]
    if tid == "ULM-FG1":
        assert omitted  # the planted omission survives as a source-only unit


def test_translation_tiers_are_symbolic_associations_per_speaker(tmp_path):
    study = gathered()
    item = next(it for it in study.items if it.id == "BGU-FG1")
    path = tmp_path / "b.eaf"
    eaf_writer.write(item, path)
    root = etree.parse(str(path)).getroot()
    types = {lt.get("LINGUISTIC_TYPE_ID"): lt.get("CONSTRAINTS") for lt in root.iter("LINGUISTIC_TYPE")}
    assert types["translation"] == "Symbolic_Association"
    tiers = {t.get("TIER_ID"): t for t in root.iter("TIER")}
    speakers = {s.speaker for s in item.pair.source.segments if s.speaker}
    assert speakers <= set(tiers)
    for spk in speakers:
        en = tiers[f"{spk}_en"]
        assert en.get("PARENT_REF") == spk and en.get("LINGUISTIC_TYPE_REF") == "translation"
        assert tiers[spk].get("PARTICIPANT") == spk and tiers[spk].get("LANG_REF") == "heb"
    starts = [int(ts.get("TIME_VALUE")) for ts in root.iter("TIME_SLOT")][::2]
    assert starts == sorted(starts) and len(set(starts)) == len(starts)


def test_pympi_reads_the_translation_as_ref_annotations(tmp_path):
    pympi = pytest.importorskip("pympi")
    study = gathered()
    item = next(it for it in study.items if it.id == "DS-FG1")
    path = tmp_path / "d.eaf"
    eaf_writer.write(item, path)
    eaf = pympi.Elan.Eaf(str(path))
    refs = [r for t in eaf.get_tier_names() if t.endswith("_en") for r in eaf.get_ref_annotation_data_for_tier(t)]
    assert len(refs) == sum(1 for u in item.units if u.translation)
    first = next(u for u in item.units if u.translation)
    assert any(_ws(r[2]) == _ws(first.translation_text) and _ws(r[3]) == _ws(first.source_text) for r in refs)


def test_one_tier_when_asked(tmp_path):
    study = gathered()
    item = next(it for it in study.items if it.id == "PU-FG1")
    path = tmp_path / "p.eaf"
    eaf_writer.write(item, path, per_speaker=False)
    root = etree.parse(str(path)).getroot()
    assert sorted(t.get("TIER_ID") for t in root.iter("TIER")) == ["transcription", "transcription_en"]
    assert len(read_pair(path).source.segments) == sum(1 for u in item.units if u.source)


def test_cli_writes_one_eaf_per_transcript(tmp_path):
    out = tmp_path / "eaf"
    assert run_cli(["export", str(signed_study()), "--to", "eaf", "--transcript", "BU-FG1", "--output", str(out)]) == 0
    assert [p.name for p in out.iterdir()] == ["BU-FG1.eaf"]
