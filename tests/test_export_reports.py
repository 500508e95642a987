"""HTML and CSV reports and the methods paragraph: content, self-containment, no register content."""

from __future__ import annotations

import csv
import io
import re

import pytest
from test_export_study import SIGNED, gathered, run_cli, signed_study

from transqa.exports import report_csv, report_html
from transqa.exports.methods import methods_text
from transqa.exports.scrub import Scrubber
from transqa.readers import read_register


@pytest.fixture(scope="module")
def html():
    return report_html.build_html(gathered())


def _register():
    return read_register(signed_study() / "register.csv")


def _anonymisation_evidence():
    study = gathered()
    return {rf.finding.evidence for it in study.items for rf in it.findings
            if rf.finding.category == "anonymisation" and "placeholder" not in rf.finding.check  # descriptors
            and rf.finding.evidence and len(rf.finding.evidence) > 3}


def test_html_is_self_contained(html):
    assert html.lstrip().lower().startswith("<!doctype html>")
    assert "<script" not in html.lower() and "<link" not in html.lower() and "@import" not in html
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", html)
    assert "url(" not in html
    assert html.count("<svg") >= 2 and "<rect" in html


def test_html_has_study_site_and_transcript_sections_and_signoff_record(html):
    study = gathered()
    for it in study.items:
        assert f'id="t-{it.id}"' in html
    for code in study.by_site():
        assert f"id='site-{code}'" in html
    for tid in SIGNED:
        item = next(it for it in study.items if it.id == tid)
        for s in item.current_approvals():
            for field in (s.reviewer_name, s.reviewer_role, s.meaning, s.at):
                assert field in html
    assert "acceptable rendering in context" in html  # the dismissal reason
    assert "Methods" in html and "two reviewers" in html


def test_chart_bars_sum_to_the_findings_of_each_site(html):
    study = gathered()
    for code, items in study.by_site().items():
        total = sum(len(it.findings) for it in items)
        bars = re.findall(rf"<title>{re.escape(code)}: (\d+) (error|warning|info)</title>", html)
        assert sum(int(n) for n, _ in bars) == total


def test_no_register_original_or_variant_in_the_html(html):
    reg = _register()
    assert len(reg)
    study = gathered()
    assert any(rf.finding.check == "anonymisation.register-hit" for it in study.items for rf in it.findings)
    folded = html.casefold()
    for entry in reg.entries:
        for spelling in entry.spellings:
            assert not re.search(rf"(?<!\w){re.escape(spelling.casefold())}(?!\w)", folded), f"register row {entry.row}"


def test_matched_identifiers_are_masked_even_without_the_register_scrub():
    evidence = _anonymisation_evidence()
    assert evidence
    unscrubbed = report_html.build_html(gathered(), scrub=Scrubber(None))
    leaked = [e for e in evidence if re.search(rf"(?<!\w){re.escape(e)}(?!\w)", unscrubbed)]
    assert not leaked, f"{len(leaked)} matched identifiers shown"


def test_csv_report_levels_and_consistent_counts():
    study = gathered()
    text = report_csv.build_csv(study)
    assert not any(s in text for e in _register().entries for s in e.spellings if len(s) > 3)
    rows = list(csv.DictReader(io.StringIO(text)))
    levels = [r["level"] for r in rows]
    assert levels.count("study") == 1 and levels.count("site") == len(study.by_site())
    assert levels.count("transcript") == len(study.items)
    tr = [r for r in rows if r["level"] == "transcript"]
    study_row = rows[0]
    for col in ("source_segments", "translation_segments", "error", "warning", "info", "open", "dismissed"):
        assert int(study_row[col]) == sum(int(r[col]) for r in tr)
        for site in (r for r in rows if r["level"] == "site"):
            assert int(site[col]) == sum(int(r[col]) for r in tr if r["site"] == site["site"])
    checks = [c for c in rows[0] if c.startswith("check:")]
    assert checks and sum(int(study_row[c]) for c in checks) == sum(int(study_row[s]) for s in ("error", "warning", "info"))
    bgu = next(r for r in tr if r["transcript"] == "BGU-FG1")
    assert bgu["state"] == "signed-off" and "A. Kaya" in bgu["signoffs"] and "M. Rahman" in bgu["signoffs"]
    assert int(rows[0]["signed_off"]) == len(SIGNED)


def test_methods_paragraph_names_languages_counts_and_signoff():
    study = gathered()
    text = methods_text(study)
    for lang in ("German", "Hebrew", "Luganda", "Swahili", "Marathi"):
        assert lang in text
    assert text.startswith("Six focus-group transcripts from six sites")
    total_src = sum(len(it.pair.source.segments) for it in study.items)
    assert f"{total_src} source" in text
    assert "two reviewers other than its translator" in text
    assert f"{len(SIGNED)} of {len(study.items)} transcripts were signed off" in text
    assert "anonymisation" in text and "glossary" in text


@pytest.mark.parametrize("fmt,suffix", [("html", ".html"), ("csv", ".csv"), ("methods", ".txt")])
def test_cli_writes_single_file_reports(tmp_path, fmt, suffix):
    out = tmp_path / f"report{suffix}"
    assert run_cli(["export", str(signed_study()), "--to", fmt, "--output", str(out)]) == 0
    assert out.is_file() and out.stat().st_size > 200
    folder = tmp_path / "dir"
    folder.mkdir()
    assert run_cli(["export", str(signed_study()), "--to", fmt, "--output", str(folder)]) == 0
    assert [p.suffix for p in folder.iterdir()] == [suffix]


def test_charts_are_well_formed_svg(html):
    from lxml import etree

    charts = re.findall(r"<svg\b.*?</svg>", html, flags=re.S)
    assert len(charts) == 2
    for svg in charts:
        root = etree.fromstring(svg.encode("utf-8"))
        assert root.tag == "{http://www.w3.org/2000/svg}svg"
        assert root.find("{http://www.w3.org/2000/svg}title") is not None
