"""Exports and reports: what leaves transqa for analysts, QDA tools, translators and readers.

One module per format; each takes the gathered study (:mod:`transqa.exports.study`) and writes
atomically (:mod:`transqa.fsutil`). None of them reads or copies the anonymisation register
except :mod:`transqa.exports.scrub`, which uses it only to *remove* register spellings from
report text (a last line of defence; the register itself is never written anywhere).

* :mod:`study` — gathers pairs, units, reviewed findings, states and sign-offs once
  (:func:`study.gather`), and the signed-off-only rule (:func:`study.split_signed`).
* :mod:`review_docx` — bilingual review table (.docx), editable and read back by the readers;
  :mod:`review_import` carries a reviewer's English edits back through the review store.
* :mod:`analysis` — signed-off English transcript for MAXQDA/NVivo (.txt and .docx).
* :mod:`qda_lint` — speaker-label lint for MAXQDA focus-group import.
* :mod:`qdpx` — REFI-QDA project exchange (.qdpx).
* :mod:`eaf_writer` — ELAN .eaf with a Symbolic_Association English tier.
* :mod:`glossary_io` — glossary writers (TBX-Basic, OmegaT TSV, CSV) and the OmegaT reader.
* :mod:`report_html`, :mod:`report_csv`, :mod:`methods` — study reports and methods text
  (counts in :mod:`summary`, masking and register scrubbing in :mod:`scrub`).

The CLI face is ``transqa export`` (:mod:`transqa.cli.export`); see docs/exports.md.
"""
