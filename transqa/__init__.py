"""transqa: translation and transcript QA for multi-site qualitative research.

The package is layered; each layer imports only from the ones above it in this list:

    text       -> script, token, number and normalisation helpers (stdlib only) shared by all
    model      -> plain data: transcripts, segments, beads, findings, glossaries, registers
    readers    -> formats in (.txt, .docx, bilingual .docx tables, glossaries, registers)
    align      -> the segment aligner
    checks     -> the check registry and one module per check category
    project    -> transqa.toml and the run that ties readers, aligner and checks together
    store      -> review store: dispositions, edits, sign-offs, audit log
    exports    -> formats out
    cli, ui    -> the two faces; they hold no checking logic

The core (everything but ``cli`` and ``ui``) never imports Textual or Rich.
"""

__version__ = "0.1.0"
