"""Glossaries out and back in: TBX-Basic (RELAX NG valid), OmegaT, CSV; deprecated ↔ forbidden."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from transqa.exports import glossary_io
from transqa.model.glossary import Term
from transqa.readers import read_glossary

REPO = Path(__file__).resolve().parents[1]
RNG = REPO.parent / "shared" / "standards" / "TBX-Basic_integrated.rng"
GLOSSARIES = sorted((REPO / "glossaries").glob("*.csv"))


@pytest.fixture(scope="module")
def relaxng():
    if not RNG.is_file():
        pytest.fail(f"TBX-Basic schema not found at {RNG}")
    return etree.RelaxNG(etree.parse(str(RNG)))


def test_there_are_glossaries_to_round_trip():
    assert len(GLOSSARIES) >= 6


@pytest.mark.parametrize("csv_path", GLOSSARIES, ids=lambda p: p.stem)
def test_csv_to_tbx_is_valid_and_reads_back_the_same_terms(tmp_path, relaxng, csv_path):
    terms = read_glossary(csv_path).terms
    tbx = tmp_path / "g.tbx"
    glossary_io.write_tbx(terms, tbx)
    doc = etree.parse(str(tbx))
    assert relaxng.validate(doc), relaxng.error_log
    assert read_glossary(tbx).terms == terms


def test_forbidden_targets_are_deprecated_terms_and_back(tmp_path, relaxng):
    term = Term("Genesungsbegleiter", ("peer support worker", "peer supporter"), ("recovery attendant",), "de",
                "core role")
    tbx = tmp_path / "one.tbx"
    glossary_io.write_tbx([term], tbx)
    ns = {"t": glossary_io.TBX_NS}
    root = etree.parse(str(tbx)).getroot()
    [en] = [ls for ls in root.iterfind(".//t:langSec", namespaces=ns) if ls.get(glossary_io.XML_LANG) == "en"]
    status = {ts.findtext("t:term", namespaces=ns): ts.findtext("t:termNote[@type='administrativeStatus']", namespaces=ns)
              for ts in en.iterfind("t:termSec", namespaces=ns)}
    assert status == {"peer support worker": "preferredTerm-admn-sts", "peer supporter": "admittedTerm-admn-sts",
                      "recovery attendant": "deprecatedTerm-admn-sts"}
    [back] = read_glossary(tbx).terms
    assert back.forbidden == ("recovery attendant",) and back.targets == term.targets


def test_tbx_with_the_v3_final_namespace_is_read_too(tmp_path):
    term = Term("msaidizi rika", ("peer support worker",), ("peer educator",), "sw")
    path = tmp_path / "v3.tbx"
    glossary_io.write_tbx([term], path, namespace="urn:iso:std:iso:30042:ed:3.0")
    assert b"urn:iso:std:iso:30042:ed:3.0" in path.read_bytes()
    assert read_glossary(path).terms == [term]


@pytest.mark.parametrize("csv_path", GLOSSARIES, ids=lambda p: p.stem)
def test_omegat_round_trip(tmp_path, csv_path):
    terms = read_glossary(csv_path).terms
    path = tmp_path / "glossary.txt"
    glossary_io.write_omegat(terms, path)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert all(len(line.split("\t")) == 3 for line in lines)
    assert len(lines) == sum(len(t.targets) for t in terms)
    lang = terms[0].source_lang
    back = glossary_io.read_any(path, source_lang=lang).terms
    assert [(t.source, t.targets, t.forbidden) for t in back] == [(t.source, t.targets, t.forbidden) for t in terms]
    assert [t.note for t in back] == [t.note for t in terms]


def test_forbidden_target_is_never_an_omegat_suggestion(tmp_path):
    term = Term("mtumiaji wa huduma", ("service user",), ("mentally ill person", "lunatic"), "sw")
    path = tmp_path / "g.utf8"
    glossary_io.write_omegat([term], path)
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()]
    assert [r[1] for r in rows] == ["service user"]
    assert "lunatic" in rows[0][2]


@pytest.mark.parametrize("csv_path", GLOSSARIES, ids=lambda p: p.stem)
def test_csv_writer_round_trip(tmp_path, csv_path):
    terms = read_glossary(csv_path).terms
    out = tmp_path / "out.csv"
    glossary_io.write_csv(terms, out)
    assert read_glossary(out).terms == terms


def test_cli_converts_a_glossary(tmp_path, relaxng):
    from test_export_study import run_cli, signed_study

    out = tmp_path / "g.tbx"
    assert run_cli(["export", str(signed_study()), "--to", "tbx", "--glossary", str(GLOSSARIES[0]),
                    "--output", str(out)]) == 0
    assert relaxng.validate(etree.parse(str(out)))
    assert read_glossary(out).terms == read_glossary(GLOSSARIES[0]).terms
