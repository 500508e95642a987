"""The segment aligner: pairs every source and translation segment exactly once, in order."""

from transqa.align.aligner import align, align_pair, pair_rows

__all__ = ["align", "align_pair", "pair_rows"]
