"""ELAN .eaf transcripts and translation tiers (transqa.readers.eaf)."""

from __future__ import annotations

import pympi
import pytest

from transqa.errors import InputError
from transqa.readers.dispatch import read_pair, read_transcript


def _eaf(path, translate=True):
    e = pympi.Elan.Eaf(author="test")
    e.add_linguistic_type("transcription")
    e.add_linguistic_type("translation", constraints="Symbolic_Association", timealignable=False)
    e.add_tier("P01_de", ling="transcription", part="P01")
    e.add_tier("MOD_de", ling="transcription", part="MOD")
    e.add_annotation("MOD_de", 100, 1000, "Wie geht es Ihnen?")
    e.add_annotation("P01_de", 1200, 4350, "Ich fühle mich gut.")
    e.add_annotation("P01_de", 5000, 6000, "Zweiter Satz.")
    if translate:
        e.add_tier("P01_en", ling="translation", parent="P01_de", part="P01")
        e.add_ref_annotation("P01_en", "P01_de", 1300, "I feel good.")
        e.add_ref_annotation("P01_en", "P01_de", 5500, "Second sentence.")
    pympi.Elan.to_eaf(str(path), e)
    return path


def test_independent_tiers_in_time_order(tmp_path):
    t = read_transcript(_eaf(tmp_path / "fg.eaf"), language="de")
    assert [(s.line, s.speaker, s.text) for s in t.segments] == [
        (1, "MOD", "Wie geht es Ihnen?"), (2, "P01", "Ich fühle mich gut."), (3, "P01", "Zweiter Satz.")]
    assert t.segments[1].timestamp == "[00:00:01.200]" and t.segments[1].seconds == 1.2


def test_translation_tier_gives_an_aligned_pair(tmp_path):
    pair = read_pair(_eaf(tmp_path / "fg.eaf"), source_lang="de")
    assert pair.aligned and pair.source_lang == "de"
    assert [(s.line, s.text) for s in pair.source.segments] == [
        (1, "Wie geht es Ihnen?"), (2, "Ich fühle mich gut."), (3, "Zweiter Satz.")]
    # the moderator's untranslated turn stays a source-only unit (line 1)
    assert [(s.line, s.text) for s in pair.translation.segments] == [(2, "I feel good."), (3, "Second sentence.")]


def test_without_translation_tier_read_pair_is_single(tmp_path):
    pair = read_pair(_eaf(tmp_path / "mono.eaf", translate=False))
    assert pair.translation is None and len(pair.source.segments) == 3


@pytest.mark.parametrize("content, match", [
    (b"<ANNOTATION_DOCUMENT><unclosed>", "not a valid ELAN"),
    (b"<html></html>", "not an ELAN"),
    (b"<ANNOTATION_DOCUMENT></ANNOTATION_DOCUMENT>", "no annotations"),
    (b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><ANNOTATION_DOCUMENT>&e;</ANNOTATION_DOCUMENT>',
     "no annotations|not a valid"),
])
def test_bad_eaf(tmp_path, content, match):
    p = tmp_path / "bad.eaf"
    p.write_bytes(content)
    with pytest.raises(InputError, match=match) as e:
        read_transcript(p)
    assert "bad.eaf" in str(e.value)
