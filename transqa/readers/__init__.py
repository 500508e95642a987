"""Formats in. Every reader returns the one model of :mod:`transqa.model`.

Public API (the rest of the package uses only these):

* :func:`read_transcript` — a ``.txt`` or ``.docx`` (paragraph) transcript.
* :func:`read_pair` — a source and a translation file, or one bilingual ``.docx`` table.
* :func:`read_glossary` — ``.csv``/``.tsv`` (and TBX) glossary.
* :func:`read_register` — the anonymisation register ``.csv``.

All raise :class:`transqa.errors.InputError` (never anything else) on bad input.
"""

from transqa.readers.dispatch import read_pair, read_transcript
from transqa.readers.glossary import read_glossary
from transqa.readers.register import read_register

__all__ = ["read_glossary", "read_pair", "read_register", "read_transcript"]
