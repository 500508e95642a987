"""REFI-QDA .qdpx: schema-valid project.qde, GUID-named UTF-8 sources, users, variables, sign-off note."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
import xmlschema
from lxml import etree
from test_export_study import SIGNED, gathered, run_cli, signed_study

from transqa.exports import analysis, qdpx
from transqa.exports.study import split_signed

REPO = Path(__file__).resolve().parents[1]
XSD = REPO.parent / "shared" / "standards" / "Project-mrt2019.xsd"
NS = {"q": qdpx.NS}
GUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


@pytest.fixture(scope="module")
def schema():
    if not XSD.is_file():
        pytest.fail(f"REFI-QDA schema not found at {XSD}")
    return xmlschema.XMLSchema(str(XSD))


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    path = tmp_path_factory.mktemp("qdpx") / "study.qdpx"
    assert run_cli(["export", str(signed_study()), "--to", "qdpx", "--output", str(path)]) == 1  # others refused
    return path


def test_project_validates_against_the_refi_schema(exported, schema):
    with zipfile.ZipFile(exported) as z:
        schema.validate(z.read("project.qde").decode("utf-8"))


def test_unsigned_export_validates_too(tmp_path, schema):
    study = gathered()
    data = qdpx.build_qdpx(study, study.items)
    path = tmp_path / "all.qdpx"
    path.write_bytes(data)
    with zipfile.ZipFile(path) as z:
        schema.validate(z.read("project.qde").decode("utf-8"))


def test_sources_are_guid_named_utf8_text_of_the_signed_transcripts(exported):
    study = gathered()
    with zipfile.ZipFile(exported) as z:
        names = z.namelist()
        root = etree.fromstring(z.read("project.qde"))
        sources = root.findall("q:Sources/q:TextSource", NS)
        assert sorted(s.get("name") for s in sources) == sorted(f"{t}_en" for t in SIGNED)
        for s in sources:
            guid = s.get("guid")
            assert GUID.match(guid)
            assert s.get("plainTextPath") == f"internal://{guid}.txt"
            member = f"sources/{guid}.txt"
            assert member in names  # lowercase folder, flat
            data = z.read(member)
            assert not data.startswith(b"\xef\xbb\xbf") and b"\r" not in data
            item = next(it for it in study.items if f"{it.id}_en" == s.get("name"))
            assert data.decode("utf-8") == analysis.build(item, study).text()
    assert set(qdpx.read_sources(exported)) == {f"{t}_en" for t in SIGNED}


def test_users_variables_and_signoff_note(exported):
    study = gathered()
    root = etree.fromstring(zipfile.ZipFile(exported).read("project.qde"))
    users = {u.get("id"): u.get("name") for u in root.findall("q:Users/q:User", NS)}
    assert {r.id: r.name for r in study.project.reviewers.values()}.items() <= users.items()
    variables = {v.get("guid"): v.get("name") for v in root.findall("q:Variables/q:Variable", NS)}
    assert set(variables.values()) == {"site", "source_language", "translator", "signoff_state"}
    notes = {n.get("guid"): n for n in root.findall("q:Notes/q:Note", NS)}
    for src in root.findall("q:Sources/q:TextSource", NS):
        values = {variables[vv.find("q:VariableRef", NS).get("targetGUID")]: vv.findtext("q:TextValue", namespaces=NS)
                  for vv in src.findall("q:VariableValue", NS)}
        tid = src.get("name")[:-3]
        item = next(it for it in study.items if it.id == tid)
        assert values == {"site": item.site_code, "source_language": item.source_lang,
                          "translator": item.spec.translator, "signoff_state": "signed-off"}
        [ref] = src.findall("q:NoteRef", NS)
        note = notes[ref.get("targetGUID")].findtext("q:PlainTextContent", namespaces=NS)
        assert item.content_sha256 in note
        for s in item.current_approvals():
            assert s.reviewer_name in note and s.at in note and s.meaning in note


def test_crlf_option_is_consistent(tmp_path):
    path = tmp_path / "crlf.qdpx"
    run_cli(["export", str(signed_study()), "--to", "qdpx", "--crlf", "--output", str(path)])
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.startswith("sources/"):
                data = z.read(name)
                assert data.count(b"\r\n") == data.count(b"\n") > 10


def test_guids_are_stable_across_exports():
    study = gathered()
    items, _ = split_signed(study.items, False)
    guid = re.compile(rb'TextSource guid="([^"]+)"')
    a = guid.findall(zipfile.ZipFile(io.BytesIO(qdpx.build_qdpx(study, items))).read("project.qde"))
    b = guid.findall(zipfile.ZipFile(io.BytesIO(qdpx.build_qdpx(study, items))).read("project.qde"))
    assert a == b and len(a) == len(SIGNED)
