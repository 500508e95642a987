"""The segment aligner: pairs every source and translation segment exactly once, in order."""

from transqa.align.aligner import align

__all__ = ["align"]
