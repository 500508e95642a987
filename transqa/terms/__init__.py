"""Morphology-aware glossary term matching (German compounds, Swahili/Luganda noun classes,
Hebrew prefixed particles, Marathi/Hindi attached postpositions, English plurals).

* :class:`TermMatcher` — compile labelled phrases once, ``find(text)`` in one pass.
* :mod:`transqa.terms.morph` — the per-language affix rules.
"""

from transqa.terms.matcher import Match, TermMatcher
from transqa.terms.morph import base, morph_for, term_keys, text_variants

__all__ = ["Match", "TermMatcher", "base", "morph_for", "term_keys", "text_variants"]
