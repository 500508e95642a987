"""Keep report text free of identifying content.

* Anonymisation findings quote the text they matched in the segment (``“Krüger”``); reports
  mask every quoted part of such a message (``“•••”``) and never show their ``evidence``.
* As a last line of defence, any spelling listed in the anonymisation register (original or
  variant) that still reaches report text — in a reviewer's comment, a dismissal reason, a
  quote in another check's message — is replaced by the register's replacement. The register
  is used only in memory for this; nothing of it is written.
"""

from __future__ import annotations

import re

from transqa.model.register import Register

MASK = "•••"
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|'[^']{1,80}'")


def mask_message(finding) -> str:
    """The finding's message for a report: quoted matches masked for anonymisation findings."""
    if finding.category == "anonymisation":
        return _QUOTED.sub(f"“{MASK}”", finding.message)
    return finding.message


class Scrubber:
    """Replaces register spellings (whole words, any case) with the entry's replacement."""

    def __init__(self, register: Register | None) -> None:
        pairs: list[tuple[str, str]] = []
        if register is not None:
            for e in register.entries:
                for s in e.spellings:
                    if s and len(s.strip()) >= 2:
                        pairs.append((s.strip(), e.replacement or MASK))
        pairs.sort(key=lambda p: -len(p[0]))
        self._repl = {p[0].casefold(): p[1] for p in pairs}
        self._re = (re.compile(r"(?<!\w)(?:" + "|".join(re.escape(p[0]) for p in pairs) + r")(?!\w)",
                               re.IGNORECASE) if pairs else None)

    def __call__(self, text: str | None) -> str:
        if not text:
            return text or ""
        if self._re is None:
            return text
        return self._re.sub(lambda m: self._repl.get(m.group(0).casefold(), MASK), text)


def scrubber_for(project) -> Scrubber:
    """The project's register as a scrubber (an unreadable or absent register scrubs nothing)."""
    from transqa.errors import InputError
    from transqa.readers import read_register

    path = getattr(project, "register_path", None)
    if path is None:
        return Scrubber(None)
    try:
        return Scrubber(read_register(path))
    except InputError:
        return Scrubber(None)
