"""Language evidence for the ``untranslated.*`` checks: is an English segment really English?

One call to a language detector is not enough: langdetect has no Luganda and calls ~4% of
real English news sentences non-English (they are full of names such as "Makindye"), at a
few hundred segments per second. So the evidence is combined, cheapest first:

* :mod:`script_evidence`: Hebrew or Devanagari letters in English text;
* :mod:`lexicon` + :mod:`evidence`: how English each word is (frequency lists derived from
  wordfreq), and whether it was copied from the aligned source segment;
* :mod:`windows`: sliding ~6-word windows for a clause left untranslated inside English;
* :mod:`identifier`: py3langid, restricted to the study's languages, only to name the
  language of a segment already found non-English (or, for a transcript in another declared
  language, to test each segment).
"""

from transqa.langid.evidence import Scored, score_words, source_words
from transqa.langid.identifier import best_other, candidates, identify, knows, language_name, rank
from transqa.langid.reading import MIN_WORDS, Reading, read_english

__all__ = [
    "MIN_WORDS",
    "Reading",
    "Scored",
    "best_other",
    "candidates",
    "identify",
    "knows",
    "language_name",
    "rank",
    "read_english",
    "score_words",
    "source_words",
]
