"""read_glossary: the contract's CSV/TSV format, TBX, and one-line errors for bad files."""

from __future__ import annotations

import pytest

from transqa.errors import InputError
from transqa.readers.glossary import read_glossary


def test_alternatives_merge_across_rows_and_cells(tmp_path):
    p = tmp_path / "g.csv"
    p.write_text(
        "source_term,target_term,source_lang,forbidden_targets,note\n"
        "Peer-Begleiter,peer support worker|peer worker,de,peer helper|helper,core term\n"
        "peer-begleiter,peer supporter,de,,\n"
        "boda boda,boda boda,sw,,\n",
        encoding="utf-8",
    )
    g = read_glossary(p)
    assert len(g.terms) == 2
    t = g.terms[0]
    assert t.targets == ("peer support worker", "peer worker", "peer supporter")
    assert t.preferred == "peer support worker"
    assert t.forbidden == ("peer helper", "helper")
    assert t.source_lang == "de" and t.note == "core term"
    assert g.terms[1].keep_as_is and not t.keep_as_is
    assert g.for_language("sw") == [g.terms[1]]


def test_semicolon_csv_and_regional_language_tags(tmp_path):
    p = tmp_path / "g.csv"
    p.write_text("source_term;target_term;source_lang\nRückfall;relapse;de-DE\nRückfall;setback;de_AT\n", encoding="utf-8")
    (t,) = read_glossary(p).terms
    assert (t.source_lang, t.targets) == ("de", ("relapse", "setback"))


def test_tsv_with_bom_and_only_required_columns(tmp_path):
    p = tmp_path / "g.tsv"
    p.write_bytes("\ufeffsource_term\ttarget_term\nמטפל\ttherapist\n".encode("utf-8"))
    (t,) = read_glossary(p).terms
    assert (t.source, t.targets, t.source_lang) == ("מטפל", ("therapist",), None)


@pytest.mark.parametrize(
    "content,line",
    [
        ("source,foo\nx,y\n", 1),
        ("source_term,target_term\nStigma,stigma\n,orphan\n", 3),
        ("source_term,target_term\nStigma,\n", 2),
        ("", None),
    ],
)
def test_bad_rows_name_file_and_line(tmp_path, content, line):
    p = tmp_path / "bad.csv"
    p.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as e:
        read_glossary(p)
    assert e.value.path == str(p) and e.value.line == line
    assert "bad.csv" in str(e.value)


def test_missing_file(tmp_path):
    with pytest.raises(InputError):
        read_glossary(tmp_path / "nope.csv")


@pytest.mark.parametrize(
    "doc",
    [
        # TBX v2 (martif)
        """<?xml version="1.0"?><martif type="TBX" xml:lang="en"><text><body>
        <termEntry id="c1"><langSet xml:lang="de"><tig><term>Peer-Begleiter</term></tig></langSet>
        <langSet xml:lang="en"><tig><term>peer support worker</term></tig>
        <tig><term>peer helper</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
        </langSet></termEntry></body></text></martif>""",
        # TBX-Basic v3, both namespaces
        """<?xml version="1.0"?><tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
        <text><body><conceptEntry id="c1"><langSec xml:lang="de"><termSec><term>Peer-Begleiter</term></termSec></langSec>
        <langSec xml:lang="en"><termSec><term>peer support worker</term></termSec>
        <termSec><term>peer helper</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termSec>
        </langSec></conceptEntry></body></text></tbx>""",
        """<?xml version="1.0"?><tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed:3.0">
        <text><body><conceptEntry id="c1"><langSec xml:lang="de"><termSec><term>Peer-Begleiter</term></termSec></langSec>
        <langSec xml:lang="en"><termSec><term>peer support worker</term></termSec>
        <termSec><term>peer helper</term><termNote type="administrativeStatus">supersededTerm-admn-sts</termNote></termSec>
        </langSec></conceptEntry></body></text></tbx>""",
    ],
)
def test_tbx(tmp_path, doc):
    p = tmp_path / "g.tbx"
    p.write_text(doc, encoding="utf-8")
    (t,) = read_glossary(p).terms
    assert (t.source, t.targets, t.forbidden, t.source_lang) == ("Peer-Begleiter", ("peer support worker",), ("peer helper",), "de")


def test_broken_tbx_is_input_error(tmp_path):
    p = tmp_path / "g.tbx"
    p.write_text("<martif><text>\n<body>", encoding="utf-8")
    with pytest.raises(InputError) as e:
        read_glossary(p)
    assert e.value.line is not None
