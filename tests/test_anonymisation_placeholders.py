"""Placeholders: mismatches between source and translation, undefined codes, blank-outs."""

from __future__ import annotations

import pytest

from transqa.checks.context import Document
from transqa.checks.registry import REGISTRY
from transqa.checks.runner import run_checks
from transqa.checks.settings import DEFAULT_CODE_PATTERN, DEFAULT_DESCRIPTORS, CheckSettings
from transqa.identifiers.placeholders import blank_outs, multiset, placeholders
from transqa.model import Bead, Segment, Transcript, TranscriptPair
from transqa.model.register import Register, RegisterEntry

D = frozenset(DEFAULT_DESCRIPTORS)


def keys(text: str) -> list[str]:
    return [p.key for p in placeholders(text, DEFAULT_CODE_PATTERN, D) if p.kind != "unknown-code"]


@pytest.mark.parametrize("text,expect", [
    ("[P3] said [name] lives in [place]", ["P3", "name", "place"]),
    ("P3 alisema [jina] anaishi [mahali]", ["P3", "name", "place"]),
    ("[Name] wohnt in [Ort] bei [Krankenhaus]", ["name", "place", "hospital"]),
    ("[שם] גר ב[מקום]", ["name", "place"]),
    ("[नाव] [ठिकाण] [रुग्णालय]", ["name", "place", "hospital"]),
    ("[name 2] and [Name2] and [jina 2]", ["name#2", "name#2", "name#2"]),
    ("[a town in Northern Germany]", ["town"]),
    ("[inaudible] [...] […] [laughs] [unverständlich]", []),
    ("I think M said so", []),  # bare codes need a digit: "I" and "M" are words
])
def test_placeholder_parsing(text, expect):
    assert keys(text) == expect


def test_blank_outs_and_conventions():
    text = "my sister XXX and *** then ___ [redacted] but [...] and [inaudible] and Xerxes"
    found = [text[s:e] for s, e in blank_outs(text)]
    assert found == ["XXX", "***", "___", "[redacted]"]


def _doc(src, tgt, *, speakers=None, register=None, options=None):
    speakers = speakers or [None] * len(src)
    s = Transcript("s", [Segment(i + 1, t, speaker=sp) for i, (t, sp) in enumerate(zip(src, speakers))], "de")
    t = Transcript("t", [Segment(i + 1, x, speaker=sp) for i, (x, sp) in enumerate(zip(tgt, speakers))], "en")
    st = CheckSettings(register=register, options=options or {})
    return Document(TranscriptPair("d", s, t, source_lang="de"), [Bead((i,), (i,), 1.0) for i in range(len(src))], st)


def _findings(doc, check):
    return [f for f in run_checks([doc], REGISTRY.select(["anonymisation"]))[doc.id] if f.check == check]


def test_matching_placeholders_with_translated_descriptors_are_fine():
    doc = _doc(["[P3] sagte, dass [Name] in [Ort] wohnt."], ["[P3] said that [name] lives in [place]."])
    assert _findings(doc, "anonymisation.placeholder-mismatch") == []


def test_missing_extra_and_renumbered():
    doc = _doc(["[P3] sagte, [Name] wohnt in [Ort].", "P5 ging zu [Krankenhaus]."],
               ["P4 said [name] lives in Ulm.", "P5 went to [hospital] with [name]."])
    out = _findings(doc, "anonymisation.placeholder-mismatch")
    msgs = sorted(f.message for f in out)
    assert any("P3" in m and "P4" in m and "became" in m for m in msgs)
    assert any("[Ort]" in m and "missing" in m for m in msgs)
    assert any("[name]" in m and "not in the source" in m for m in msgs)
    missing = next(f for f in out if "missing" in f.message)
    assert missing.side == "source" and missing.source_lines == (1,)
    seg = doc.segments("source")[0].text
    assert seg[missing.span[0]:missing.span[1]] == "[Ort]"
    extra = next(f for f in out if "not in the source" in f.message)
    assert extra.side == "translation" and extra.translation_lines == (2,)


def test_undefined_codes():
    reg = Register([RegisterEntry("Anna Müller", "[P7]", "person", row=2)])
    doc = _doc(["P3 sagte, P7 kam, P9 auch, [Q12] nicht."], ["P3 said P7 came, P9 too, [Q12] not."],
               speakers=["P3"], register=reg)
    out = _findings(doc, "anonymisation.undefined-code")
    texts = {(f.side, doc.segments(f.side)[0].text[f.span[0]:f.span[1]]) for f in out}
    assert texts == {("source", "P9"), ("translation", "P9"), ("source", "[Q12]"), ("translation", "[Q12]")}


def test_codes_listed_in_options_are_defined():
    doc = _doc(["P9 sagte"], ["P9 said"], speakers=["P3"],
               options={"anonymisation.undefined-code": {"codes": ["P9"]}})
    assert _findings(doc, "anonymisation.undefined-code") == []


def test_blank_out_check_is_a_warning_with_span():
    doc = _doc(["Meine Schwester XXX kam."], ["My sister [inaudible] came."])
    out = _findings(doc, "anonymisation.blank-out")
    assert [(f.side, f.severity.name) for f in out] == [("source", "WARNING")]
    assert doc.segments("source")[0].text[out[0].span[0]:out[0].span[1]] == "XXX"


def test_multiset_counts_repeats():
    assert multiset(placeholders("[P3] and [P3] and [name]", DEFAULT_CODE_PATTERN, D)) == {"P3": 2, "name": 1}
