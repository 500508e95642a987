"""Counts behind the reports: per transcript, per site and for the whole study."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from transqa.exports.study import Item, Study

SEVERITIES = ("error", "warning", "info")
STATUSES = ("open", "fixed", "dismissed")


@dataclass(slots=True)
class Counts:
    transcripts: int = 0
    source_segments: int = 0
    translation_segments: int = 0
    units: int = 0
    by_severity: Counter = field(default_factory=Counter)
    by_check: Counter = field(default_factory=Counter)  # (check, severity) → n
    by_status: Counter = field(default_factory=Counter)  # status → n
    open_by_severity: Counter = field(default_factory=Counter)
    states: Counter = field(default_factory=Counter)
    languages: Counter = field(default_factory=Counter)
    notes: int = 0
    edits: int = 0

    @property
    def findings(self) -> int:
        return sum(self.by_severity.values())

    def add(self, item: Item) -> None:
        self.transcripts += 1
        self.source_segments += len(item.pair.source.segments)
        self.translation_segments += len(item.translation_segments())
        self.units += len(item.units)
        self.states[item.state] += 1
        self.languages[item.source_lang or "?"] += 1
        self.notes += len(item.notes)
        self.edits += len(item.edits)
        for rf in item.findings:
            sev = str(rf.finding.severity)
            self.by_severity[sev] += 1
            self.by_check[(rf.finding.check, sev)] += 1
            self.by_status[rf.status] += 1
            if rf.status == "open":
                self.open_by_severity[sev] += 1


def of_items(items: list[Item]) -> Counts:
    c = Counts()
    for it in items:
        c.add(it)
    return c


def per_site(study: Study) -> dict[str, Counts]:
    return {site: of_items(items) for site, items in study.by_site().items()}
