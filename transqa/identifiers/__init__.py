"""Finding identifiers in transcripts, offline, in every script the study uses.

* :mod:`.register_match` — the register's originals and variants still in the text,
* :mod:`.patterns` — phones, e-mails, URLs, ID numbers, dates, ages, addresses,
* :mod:`.names` — titles + names, institutions, gazetteer places, capitalised words,
* :mod:`.placeholders` — participant codes, descriptors, blank-outs,
* :mod:`.apply` — writing a pseudonymised copy and its anonymisation log,
* :mod:`.analyse` — all of them over one segment, as the checks use them.

Nothing in this package formats a register original into a message or a log line; only
:mod:`.apply` writes originals, into the separate anonymisation log the user asked for.
"""
