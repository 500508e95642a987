"""Plain data shared by every layer: no I/O, no third-party imports (only transqa.text helpers)."""

from transqa.model.transcript import Segment, Transcript, TranscriptPair
from transqa.model.alignment import Bead
from transqa.model.findings import Finding, Severity, Side

__all__ = ["Segment", "Transcript", "TranscriptPair", "Bead", "Finding", "Severity", "Side"]
