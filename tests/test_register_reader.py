"""The anonymisation register reader: format, optional columns, errors that never echo content."""

from __future__ import annotations

import pytest

from transqa.errors import InputError
from transqa.readers import read_register


def _write(tmp_path, text: str, name: str = "reg.csv", encoding: str = "utf-8"):
    p = tmp_path / name
    p.write_bytes(text.encode(encoding))
    return p


def test_required_and_optional_columns(tmp_path):
    p = _write(tmp_path, "original,replacement,type,variants\n"
                         "Amani Juma,[P3],person,Amanni|אמני| अमानी \n"
                         "Kisoro,[district],place,\n"
                         "Butabika Hospital,[hospital],organization,\n")
    reg = read_register(p)
    assert len(reg) == 3
    a, k, b = reg.entries
    assert (a.original, a.replacement, a.type) == ("Amani Juma", "[P3]", "person")
    assert a.variants == ("Amanni", "אמני", "अमानी")
    assert a.spellings == ("Amani Juma", "Amanni", "אמני", "अमानी")
    assert k.type == "place" and k.variants == ()
    assert b.type == "organisation"  # US spelling accepted
    assert [e.row for e in reg.entries] == [2, 3, 4]


def test_minimal_header_any_column_order_and_type_default(tmp_path):
    p = _write(tmp_path, "replacement,original\n[P1],Nakato\n\n[P2],Okello\n")
    reg = read_register(p)
    assert [(e.original, e.replacement, e.type) for e in reg.entries] == [
        ("Nakato", "[P1]", "other"), ("Okello", "[P2]", "other")]
    assert [e.row for e in reg.entries] == [2, 4]


@pytest.mark.parametrize("encoding,prefix", [("utf-8-sig", ""), ("utf-16", ""), ("cp1252", "")])
def test_encodings(tmp_path, encoding, prefix):
    p = _write(tmp_path, "original,replacement\nJürgen Weber,[P9]\n", encoding=encoding)
    assert read_register(p).entries[0].original == "Jürgen Weber"


def test_semicolon_and_tab_separated(tmp_path):
    assert read_register(_write(tmp_path, "original;replacement\nNakato;[P1]\n", "a.csv")).entries[0].replacement == "[P1]"
    assert read_register(_write(tmp_path, "original\treplacement\nNakato\t[P1]\n", "b.tsv")).entries[0].replacement == "[P1]"


SECRET = "Ssemakula-Secret"


@pytest.mark.parametrize("body,row,what", [
    (f"original,replacement\n{SECRET},\n", 2, "no replacement"),
    (f"original,replacement\n,{SECRET}\n", 2, "no original"),
    (f"original,replacement,type\nNakato,[P1],person\n{SECRET},[P2],alien\n", 3, "unknown type"),
])
def test_errors_name_file_and_row_but_never_content(tmp_path, body, row, what):
    p = _write(tmp_path, body)
    with pytest.raises(InputError) as e:
        read_register(p)
    msg = str(e.value)
    assert e.value.line == row
    assert str(p) in msg and f":{row}" in msg and what in msg
    assert SECRET not in msg and "alien" not in msg


def test_missing_header_column(tmp_path):
    p = _write(tmp_path, f"name,replacement\n{SECRET},[P1]\n")
    with pytest.raises(InputError) as e:
        read_register(p)
    assert "'original'" in str(e.value) and SECRET not in str(e.value)


def test_missing_and_empty_files(tmp_path):
    with pytest.raises(InputError, match="not found"):
        read_register(tmp_path / "nope.csv")
    with pytest.raises(InputError, match="empty"):
        read_register(_write(tmp_path, "\n\n"))


def test_repr_never_shows_originals(tmp_path):
    reg = read_register(_write(tmp_path, f"original,replacement,variants\n{SECRET},[P1],{SECRET}x\n"))
    assert SECRET not in repr(reg) and SECRET not in repr(reg.entries[0]) and SECRET not in str(reg.entries)
