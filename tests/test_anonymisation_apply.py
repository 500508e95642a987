"""Applying the register: pseudonymised copy, separate log, original untouched, atomic writes."""

from __future__ import annotations

import argparse
import csv

import pytest

from transqa.cli import anonymise
from transqa.errors import InputError
from transqa.identifiers.apply import pseudonymise
from transqa.model import Segment, Transcript
from transqa.model.register import Register, RegisterEntry

REG = Register([
    RegisterEntry("Amani Juma", "[P3]", "person", ("אמני",), row=2),
    RegisterEntry("Kisoro", "[district]", "place", row=3),
])


def test_pseudonymise_keeps_inflections_and_logs_each_occurrence():
    t = Transcript("t", [Segment(1, "Amani's mother is from Kisoro.", raw="R1: Amani's mother is from Kisoro."),
                         Segment(3, "ולאמני אמרתי", raw="M: ולאמני אמרתי"),
                         Segment(4, "Nothing here.", raw="P2: Nothing here.")])
    lines, log = pseudonymise(t, REG)
    assert lines == [(1, "R1: [P3]'s mother is from [district]."), (3, "M: ול[P3] אמרתי"), (4, "P2: Nothing here.")]
    assert [(e.marker, e.replacement, e.line, e.original) for e in log] == [
        ("A1", "[P3]", 1, "Amani"), ("A2", "[district]", 1, "Kisoro"), ("A3", "[P3]", 3, "אמני")]
    assert "Amani" not in repr(log)  # log entries do not print their originals


def _args(tmp_path, **kw):
    ns = argparse.Namespace(file=tmp_path / "t.txt", register=tmp_path / "reg.csv", output=None, log=None, lang=None)
    for k, v in kw.items():
        setattr(ns, k, v)
    return ns


@pytest.fixture
def files(tmp_path):
    original = "R1: Amani alisema Amani's mama yuko Kisoro.\r\n\r\nM: Na wewe, ולאמני?\r\n"
    (tmp_path / "t.txt").write_bytes(original.encode("utf-8"))
    (tmp_path / "reg.csv").write_text("original,replacement,type,variants\nAmani Juma,[P3],person,אמני\n"
                                      "Kisoro,[district],place,\n", encoding="utf-8")
    return tmp_path, original


def test_cli_writes_copy_and_separate_log_and_warns(files, capsys):
    tmp_path, original = files
    assert anonymise.run(_args(tmp_path)) == 0
    assert (tmp_path / "t.txt").read_bytes() == original.encode("utf-8")  # never touched
    copy = (tmp_path / "t.pseudonymised.txt").read_bytes().decode("utf-8")
    assert copy == "R1: [P3] alisema [P3]'s mama yuko [district].\r\n\r\nM: Na wewe, ול[P3]?\r\n"
    rows = list(csv.reader((tmp_path / "t.anonymisation-log.csv").open(encoding="utf-8")))
    assert rows[0] == ["marker", "replacement", "line", "type", "method", "original"]
    assert [r[1:4] for r in rows[1:]] == [["[P3]", "1", "person"], ["[P3]", "1", "person"],
                                         ["[district]", "1", "place"], ["[P3]", "3", "person"]]
    err = capsys.readouterr().err
    assert "store it apart" in err and "Amani" not in err
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_cli_custom_paths(files):
    tmp_path, _ = files
    out, log = tmp_path / "out" / "x.txt", tmp_path / "secure" / "log.csv"
    assert anonymise.run(_args(tmp_path, output=out, log=log)) == 0
    assert out.is_file() and log.is_file()


def test_cli_refuses_to_overwrite_inputs(files):
    tmp_path, original = files
    with pytest.raises(InputError, match="overwrite an input"):
        anonymise.run(_args(tmp_path, output=tmp_path / "t.txt"))
    with pytest.raises(InputError, match="overwrite an input"):
        anonymise.run(_args(tmp_path, log=tmp_path / "reg.csv"))
    with pytest.raises(InputError, match="different files"):
        anonymise.run(_args(tmp_path, output=tmp_path / "a.txt", log=tmp_path / "a.txt"))
    assert (tmp_path / "t.txt").read_bytes() == original.encode("utf-8")


def test_cli_bad_register_is_input_error_naming_row(files):
    tmp_path, _ = files
    (tmp_path / "reg.csv").write_text("original,replacement\nAmani Juma,\n", encoding="utf-8")
    with pytest.raises(InputError) as e:
        anonymise.run(_args(tmp_path))
    assert e.value.line == 2 and "Amani" not in str(e.value)


def test_subcommand_registers_with_argparse(files):
    tmp_path, _ = files
    parser = argparse.ArgumentParser()
    anonymise.add_parser(parser.add_subparsers())
    args = parser.parse_args(["anonymise", str(tmp_path / "t.txt"), "--register", str(tmp_path / "reg.csv")])
    assert args.func is anonymise.run and args.func(args) == 0
