"""The analysis transcript: the signed-off English translation, as MAXQDA and NVivo import it.

Form (MAXQDA "focus group transcript", NVivo "autocode by speaker"):

* a short header (study, transcript id, site, sign-off) with **no colon** in it, so MAXQDA
  leaves it uncoded instead of taking it for a speaker;
* one turn per paragraph: ``SPEAKER: [SITE LINE] text #hh:mm:ss-t#`` — the label exactly as in
  the translation (MAXQDA matches labels case-sensitively), the citation analysts use in
  reports (``[ULM 92]`` = line 92 of the signed-off English translation of site ULM), and the
  f4/f5 timestamp at the end where the transcript (or its aligned source turn) has one;
* no blank lines between turns.

``.txt`` is UTF-8 without BOM with LF line endings (``newline="\\r\\n"`` for CRLF); ``.docx``
has one Word paragraph per turn with the label in bold.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from transqa.exports.common import f4_timestamp, language_name
from transqa.exports.qda_lint import LintIssue, label_of, lint_paragraphs
from transqa.exports.study import Item, Study
from transqa.fsutil import atomic_write_bytes, atomic_write_text


@dataclass(slots=True)
class Turn:
    line: int
    speaker: str | None
    body: str  # citation + text + timestamp, without the label

    @property
    def paragraph(self) -> str:
        return f"{self.speaker}: {self.body}" if self.speaker else self.body


@dataclass(slots=True)
class AnalysisTranscript:
    id: str
    header: list[str]
    turns: list[Turn]
    lint: list[LintIssue] = field(default_factory=list)

    def paragraphs(self) -> list[str]:
        return [*self.header, *(t.paragraph for t in self.turns)]

    def text(self, newline: str = "\n") -> str:
        return newline.join(self.paragraphs()) + newline


def _no_colon(text: str) -> str:
    """Header text must not look like a speaker label to MAXQDA."""
    return text.replace(":", " -").replace("：", " -")


def header_lines(item: Item, study: Study) -> list[str]:
    site = study.site(item.spec.site)
    where = f"{site.name} ({site.code})" if site else item.site_code
    lines = [f"{study.project.name} {item.id} - English translation of the {language_name(item.source_lang)} "
             f"transcript from {where}"]
    approvals = item.current_approvals()
    if item.signed_off:
        who = " and ".join(f"{s.reviewer_name} ({s.reviewer_role or s.reviewer})" for s in approvals)
        dates = sorted({s.at[:10] for s in approvals})
        lines.append(f"Translation signed off by {who} on {', '.join(dates)}")
    else:
        lines.append(f"NOT SIGNED OFF (review state {item.state}) - exported for inspection only")
    lines.append(f"Cite quotes by the bracketed site and line number at the start of each turn, e.g. "
                 f"{item.site_code} 12")
    return [_no_colon(x) for x in lines]


def build(item: Item, study: Study, *, citations: bool = True, timestamps: bool = True) -> AnalysisTranscript:
    timing = item.translation_timing() if timestamps else {}
    turns: list[Turn] = []
    labels: list[str | None] = []
    for seg in item.translation_segments():
        text = " ".join(seg.text.split("\n"))
        speaker = seg.speaker.strip() if seg.speaker else None
        labels.append(speaker or None)
        if not speaker and (would_be := label_of(text)) is not None:
            # MAXQDA takes it for a speaker anyway: keep it in front so the citation does not
            # become part of a name; the lint reports it (stray colon, case variant).
            speaker, text = would_be, text.split(":", 1)[1].strip()
        parts = []
        if citations:
            parts.append(f"[{item.site_code} {seg.line}]")
        parts.append(text)
        if seg.line in timing:
            parts.append(f4_timestamp(timing[seg.line]))
        turns.append(Turn(seg.line, speaker or None, " ".join(p for p in parts if p)))
    doc = AnalysisTranscript(item.id, header_lines(item, study), turns)
    doc.lint = lint_paragraphs([t.paragraph for t in turns], labels)
    return doc


def write_txt(doc: AnalysisTranscript, path: Path, *, newline: str = "\n") -> None:
    atomic_write_text(path, doc.text(newline))


def docx_bytes(doc: AnalysisTranscript) -> bytes:
    import io

    import docx

    d = docx.Document()
    d.core_properties.title = doc.id
    for line in doc.header:
        d.add_paragraph(line)
    for t in doc.turns:
        p = d.add_paragraph()
        if t.speaker:
            p.add_run(f"{t.speaker}:").bold = True
            p.add_run(f" {t.body}")
        else:
            p.add_run(t.body)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def write_docx(doc: AnalysisTranscript, path: Path) -> None:
    atomic_write_bytes(path, docx_bytes(doc))
