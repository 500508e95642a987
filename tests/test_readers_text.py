"""Plain-text transcripts: encodings, newlines, NFC, bad input (transqa.readers.text / dispatch)."""

from __future__ import annotations

import codecs
import os
import unicodedata
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from transqa.errors import InputError
from transqa.readers.dispatch import MAX_BYTES, read_pair, read_transcript
from transqa.readers.lines import is_blank

LINES = ["R1: Ich heiße Jürgen.", "", "M: Karibu sana!", "   ", "[00:00:12] I: Wie geht's?"]


def _write(path, lines, encoding="utf-8", newline="\n", bom=False, final=True):
    text = newline.join(lines) + (newline if final else "")
    data = text.encode(encoding)
    prefix = {"utf-8": codecs.BOM_UTF8, "utf-16-le": codecs.BOM_UTF16_LE,
              "utf-16-be": codecs.BOM_UTF16_BE, "utf-32-le": codecs.BOM_UTF32_LE}.get(encoding, b"")
    path.write_bytes((prefix if bom else b"") + data)
    return path


def _summary(t):
    return [(s.line, s.speaker, s.timestamp, s.text, s.raw) for s in t.segments]


def test_one_segment_per_non_empty_line_with_physical_line_numbers(tmp_path):
    t = read_transcript(_write(tmp_path / "ULM-FG1.txt", LINES), site="ULM", language="de")
    assert t.id == "ULM-FG1" and t.site == "ULM" and t.language == "de"
    assert [s.line for s in t.segments] == [1, 3, 5]
    assert [(s.speaker, s.text) for s in t.segments] == [
        ("R1", "Ich heiße Jürgen."), ("M", "Karibu sana!"), ("I", "Wie geht's?")]
    assert t.segments[2].timestamp == "[00:00:12]" and t.segments[2].seconds == 12.0
    assert t.segments[2].raw == "[00:00:12] I: Wie geht's?"
    assert t.meta["encoding"] == "utf-8" and t.meta["bom"] is False and t.meta["newline"] == "\n"


@pytest.mark.parametrize("encoding, bom", [("utf-8", False), ("utf-8", True), ("utf-16-le", True),
                                           ("utf-16-be", True), ("utf-32-le", True)])
@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_encodings_and_newlines_read_the_same(tmp_path, encoding, bom, newline):
    expected = _summary(read_transcript(_write(tmp_path / "ref.txt", LINES)))
    t = read_transcript(_write(tmp_path / "t.txt", LINES, encoding, newline, bom))
    assert _summary(t) == expected
    assert (t.meta["encoding"], t.meta["bom"], t.meta["newline"]) == (encoding, bom, newline)


def test_mixed_newlines_keep_physical_numbering(tmp_path):
    p = tmp_path / "mixed.txt"
    p.write_bytes(b"R1: a\r\nR2: b\nR1: c\rR2: d\r\n")
    t = read_transcript(p)
    assert [(s.line, s.text) for s in t.segments] == [(1, "a"), (2, "b"), (3, "c"), (4, "d")]
    assert t.meta["mixed_newlines"] is True and t.meta["newline"] == "\r\n"


def test_unicode_line_separators_stay_inside_the_line(tmp_path):
    p = tmp_path / "sep.txt"
    p.write_text("R1: one\u2028still one\x0cand more\nR2: two\n", encoding="utf-8")
    t = read_transcript(p)
    assert [s.line for s in t.segments] == [1, 2]


def test_cp1252_is_detected_only_when_utf8_fails(tmp_path):
    p = tmp_path / "w.txt"
    p.write_bytes("R1: Grüße aus München – schön!\r\nR2: Ja.\r\n".encode("cp1252"))
    t = read_transcript(p, language="de")
    assert t.meta["encoding"] == "cp1252"
    assert t.segments[0].text == "Grüße aus München – schön!"
    # bytes that are valid UTF-8 are always UTF-8, never re-guessed
    p.write_bytes("R1: Grüße\n".encode("utf-8"))
    assert read_transcript(p).segments[0].text == "Grüße"


def test_real_german_in_cp1252_reads_like_utf8(tmp_path, parallel):
    lines = [s for s, _ in parallel.pairs("de")][:400]
    lines = [line for line in lines if line.encode("cp1252", errors="replace").decode("cp1252") == line]
    utf8 = read_transcript(_write(tmp_path / "u.txt", lines))
    win = read_transcript(_write(tmp_path / "w.txt", lines, "cp1252", "\r\n"))
    assert win.meta["encoding"] == "cp1252"
    assert _summary(win) == _summary(utf8)


def test_hebrew_in_a_legacy_code_page_is_refused_not_misread(tmp_path, parallel):
    lines = [s for s, _ in parallel.pairs("he")][:50]
    p = tmp_path / "he.txt"
    p.write_bytes("\n".join(lines).encode("cp1255", errors="replace"))
    with pytest.raises(InputError, match="UTF-8") as e:
        read_transcript(p)
    assert e.value.line == 1
    with pytest.raises(InputError, match="must be saved as UTF-8"):
        read_transcript(p, language="he")


def test_nfc_normalisation(tmp_path):
    p = tmp_path / "nfd.txt"
    p.write_text(unicodedata.normalize("NFD", "R1: Müller café\n"), encoding="utf-8")
    t = read_transcript(p)
    assert t.segments[0].text == "Müller café" and unicodedata.is_normalized("NFC", t.segments[0].raw)
    assert t.meta["nfc_changed"] is True


def test_stray_bom_and_zero_width_lines_are_blank(tmp_path):
    p = tmp_path / "z.txt"
    p.write_text("\ufeffR1: a\n\u200b\n\ufeff\nR2: b\n\u200bR3: c\n\ufeff#00:00:01-0# d\x1a", encoding="utf-8")
    t = read_transcript(p)
    assert [(s.line, s.speaker, s.text) for s in t.segments] == [
        (1, "R1", "a"), (4, "R2", "b"), (5, "R3", "c"), (6, None, "d")]
    assert t.segments[3].seconds == 1.0
    assert t.meta["bom"] is True


def test_unknown_extension_is_read_as_text(tmp_path):
    p = tmp_path / "transcript.xyz"
    p.write_text("M: hi\n", encoding="utf-8")
    assert read_transcript(p).segments[0].speaker == "M"


def test_read_pair_of_two_files(tmp_path):
    src = _write(tmp_path / "ULM-FG1_de.txt", ["M: Hallo", "R1: Gut"])
    trg = _write(tmp_path / "ULM-FG1_en.txt", ["M: Hello", "R1: Good"], "utf-16-le", "\r\n", True)
    pair = read_pair(src, trg, id="ULM-FG1", source_lang="de", site="ULM", translator="ak")
    assert pair.id == "ULM-FG1" and pair.aligned is False and pair.translator == "ak"
    assert pair.source.language == "de" and pair.translation.language == "en"
    assert [s.text for s in pair.translation.segments] == ["Hello", "Good"]
    alone = read_pair(src)
    assert alone.translation is None and alone.id == "ULM-FG1_de"


# --- bad input: always InputError, one line, naming the file --------------------------------

def _bad(path, match, **kw):
    with pytest.raises(InputError, match=match) as e:
        read_transcript(path, **kw)
    assert path.name in str(e.value) and "\n" not in str(e.value)
    return e.value


def test_missing_file_and_folder(tmp_path):
    _bad(tmp_path / "nope.txt", "not found")
    (tmp_path / "dir.txt").mkdir()
    _bad(tmp_path / "dir.txt", "folder")


def test_empty_and_whitespace_only(tmp_path):
    (tmp_path / "e.txt").write_bytes(b"")
    _bad(tmp_path / "e.txt", "empty")
    (tmp_path / "w.txt").write_bytes(b" \r\n\t\n \n")
    _bad(tmp_path / "w.txt", "empty")
    (tmp_path / "b.txt").write_bytes(codecs.BOM_UTF16_LE + "  \n".encode("utf-16-le"))
    _bad(tmp_path / "b.txt", "empty")


def test_binary_file(tmp_path):
    p = tmp_path / "x.txt"
    p.write_bytes(b"R1: ok\nR2: ok\n\x00\x01\x02\x03")
    err = _bad(p, "binary")
    assert err.line == 3
    p.write_bytes(b"R1: ok\n\x01\x02 text\n")
    assert _bad(p, "control character").line == 2


def test_undecodable_bytes_name_the_line(tmp_path):
    p = tmp_path / "u.txt"
    p.write_bytes(b"R1: fine\nR2: fine\nR1: \x81\x8d broken\n")
    err = _bad(p, "undecodable")
    assert err.line == 3 and ":3:" in str(err)


def test_broken_utf16_names_the_line(tmp_path):
    p = tmp_path / "u16.txt"
    p.write_bytes(codecs.BOM_UTF16_LE + "R1: a\nR2: b\n".encode("utf-16-le") + b"\x00\xd8A\x00")
    assert _bad(p, "UTF-16").line == 3


def test_too_large_is_refused_before_reading(tmp_path):
    p = tmp_path / "huge.txt"
    with open(p, "wb") as fh:
        fh.truncate(MAX_BYTES + 1)  # sparse: costs no disk
    _bad(p, "too large")


def test_old_word_and_other_formats(tmp_path):
    (tmp_path / "t.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    _bad(tmp_path / "t.doc", "save as .docx")
    (tmp_path / "t.txt").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    _bad(tmp_path / "t.txt", "save it as .docx")
    (tmp_path / "t.rtf").write_bytes(b"{\\rtf1 hello}")
    _bad(tmp_path / "t.rtf", "RTF")
    (tmp_path / "r.txt").write_bytes(b"{\\rtf1 hello}")
    _bad(tmp_path / "r.txt", "RTF")
    with zipfile.ZipFile(tmp_path / "z.txt", "w") as z:
        z.writestr("a.txt", "hi")
    _bad(tmp_path / "z.txt", "zip")


def test_unreadable_file(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root reads everything")
    p = tmp_path / "locked.txt"
    p.write_text("R1: hi\n")
    p.chmod(0)
    try:
        _bad(p, "cannot read")
    finally:
        p.chmod(0o644)


# --- properties ----------------------------------------------------------------------------

_line_chars = st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\r\n") | st.sampled_from("\t")
_lines = st.lists(st.text(_line_chars, max_size=40), min_size=1, max_size=25)
_ENCODINGS = [("utf-8", False), ("utf-8", True), ("utf-16-le", True), ("utf-16-be", True)]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=_lines, enc=st.sampled_from(_ENCODINGS), newline=st.sampled_from(["\n", "\r\n", "\r"]),
       final=st.booleans())
def test_any_text_in_any_encoding_reads_back_the_same(tmp_path, lines, enc, newline, final):
    encoding, bom = enc
    ref = tmp_path / "ref.txt"
    got = tmp_path / "got.txt"
    _write(got, lines, encoding, newline, bom, final)
    nonblank = [i for i, line in enumerate(lines, 1) if not is_blank(unicodedata.normalize("NFC", line))]
    if not nonblank:
        with pytest.raises(InputError):
            read_transcript(got)
        return
    t = read_transcript(got)
    assert [s.line for s in t.segments] == nonblank  # strictly increasing physical lines
    assert [s.raw for s in t.segments] == [unicodedata.normalize("NFC", lines[i - 1]) for i in nonblank]
    _write(ref, lines)
    assert _summary(t) == _summary(read_transcript(ref))


_western_words = st.sampled_from(["Müller", "café", "naïve", "señor", "über", "Ärger", "hello", "R1:",
                                  "Straße", "ja", "[00:01:02]", "Ça", "déjà", "€5", "–"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=st.lists(st.lists(_western_words, min_size=1, max_size=8).map(" ".join), min_size=1, max_size=20),
       newline=st.sampled_from(["\n", "\r\n"]))
def test_western_text_in_cp1252_reads_back_the_same(tmp_path, lines, newline):
    p = _write(tmp_path / "w.txt", lines, "cp1252", newline)
    ref = _write(tmp_path / "u.txt", lines)
    assert _summary(read_transcript(p)) == _summary(read_transcript(ref))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=300), suffix=st.sampled_from([".txt", ".docx", ".md", ".bin", ".eaf", ".srt", ".vtt", ""]))
def test_arbitrary_bytes_give_a_transcript_or_input_error(tmp_path, data, suffix):
    p = tmp_path / f"any{suffix}"
    p.write_bytes(data)
    try:
        t = read_transcript(p)
    except InputError as e:
        assert "\n" not in str(e)
        return
    lines = [s.line for s in t.segments]
    assert lines == sorted(set(lines)) and lines[0] >= 1


def test_mixed_newlines_are_remembered_line_by_line(tmp_path):
    p = tmp_path / "m.txt"
    p.write_bytes(b"a\r\nb\nc\rd")
    t = read_transcript(p)
    assert t.meta["newlines"] == ["\r\n", "\n", "\r"] and t.meta["final_newline"] is False
