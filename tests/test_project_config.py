"""transqa.toml: what it declares is what the project holds; mistakes are one clear error."""

from __future__ import annotations

from pathlib import Path

import pytest

from transqa.errors import InputError
from transqa.project import load_project

BASE = """
[study]
name = "PEER-MH"
glossaries = ["g.csv"]
register = "../private/register.csv"
allow = ["allow.txt"]
allow_terms = ["Ulm"]

[anonymisation]
code_pattern = '(?:[RP]\\d+|M)'

[[sites]]
code = "ULM"
name = "Ulm"
language = "de"

[[sites]]
code = "DS"
name = "Dar es Salaam"
language = "sw"

[[reviewers]]
id = "ak"
name = "A. Kaya"
role = "translation team"

[[reviewers]]
id = "jb"
name = "J. Brandt"
role = "translator"

[[transcripts]]
id = "ULM-FG1"
site = "ULM"
source = "ULM/a.de.txt"
translation = "ULM/a.en.txt"
translator = "jb"

[[patterns]]
source = "DS/*.sw.txt"
translation = "{stem}.en.txt"

[checks]
ignore = ["format.timestamp-mismatch"]

[checks.options."untranslated.partial"]
min_words = 7

[store]
database = "postgresql://u@localhost/transqa"
"""


def make(tmp_path: Path, text: str = BASE) -> Path:
    (tmp_path / "transqa.toml").write_text(text, encoding="utf-8")
    (tmp_path / "DS").mkdir()
    for stem in ("fg1", "fg2"):
        (tmp_path / "DS" / f"{stem}.sw.txt").write_text("M: Karibu.\n", encoding="utf-8")
        (tmp_path / "DS" / f"{stem}.en.txt").write_text("M: Welcome.\n", encoding="utf-8")
    return tmp_path


def test_everything_declared_is_loaded(tmp_path):
    p = load_project(make(tmp_path))
    assert p.name == "PEER-MH"
    assert [s.code for s in p.sites.values()] == ["ULM", "DS"]
    assert p.reviewers["ak"].name == "A. Kaya"
    ulm = p.spec("ULM-FG1")
    assert ulm.source == tmp_path.resolve() / "ULM/a.de.txt" and ulm.source_lang == "de" and ulm.translator == "jb"
    ds = [t for t in p.transcripts if t.site == "DS"]
    assert [t.id for t in ds] == ["fg1", "fg2"]
    assert all(t.source_lang == "sw" and t.translation.name.endswith(".en.txt") for t in ds)
    assert p.register_path == (tmp_path.resolve() / "../private/register.csv")
    assert p.ignore == ("format.timestamp-mismatch",)
    assert p.check_options["untranslated.partial"] == {"min_words": 7}
    assert p.database.startswith("postgresql://")
    assert p.code_pattern == r"(?:[RP]\d+|M)"


def test_unknown_transcript_names_the_known_ones(tmp_path):
    p = load_project(make(tmp_path))
    with pytest.raises(InputError, match="ULM-FG1"):
        p.spec("NOPE")


@pytest.mark.parametrize("edit, needle", [
    (lambda t: t.replace('name = "PEER-MH"', 'name = "PEER-MH'), "invalid TOML"),
    (lambda t: t.replace('site = "ULM"\nsource', 'site = "XYZ"\nsource'), "XYZ"),
    (lambda t: t.replace('id = "jb"', 'id = "ak"'), "twice"),
    (lambda t: t.replace('source = "ULM/a.de.txt"\n', ""), "needs 'source'"),
    (lambda t: t.replace("code_pattern = '(?:[RP]\\d+|M)'", "code_pattern = '(?:[RP'"), None),
])
def test_mistakes_are_one_clear_error(tmp_path, edit, needle):
    make(tmp_path, edit(BASE))
    if needle is None:  # an invalid regex is caught when settings are built
        p = load_project(tmp_path)
        (tmp_path / "g.csv").write_text("source_term,target_term\nPeer-Begleiter,peer support worker\n", encoding="utf-8")
        (tmp_path / "allow.txt").write_text("Ulm\n", encoding="utf-8")
        with pytest.raises(InputError, match="regular expression"):
            p.settings(register=None)
        return
    with pytest.raises(InputError, match=needle):
        load_project(tmp_path)


def test_missing_project_file_says_how_to_create_one(tmp_path):
    with pytest.raises(InputError, match="transqa init"):
        load_project(tmp_path)
