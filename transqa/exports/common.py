"""Small helpers every export shares: f4 timestamps, language names, sign-off lines, ids."""

from __future__ import annotations

import re
import uuid

RTL_LANGS = frozenset({"he", "heb", "ar", "ara", "fa", "fas", "ur", "urd", "yi", "yid"})
_LANG_NAMES = {"de": "German", "he": "Hebrew", "lg": "Luganda", "sw": "Swahili", "mr": "Marathi",
               "hi": "Hindi", "en": "English"}
ISO639_3 = {"de": "deu", "he": "heb", "lg": "lug", "sw": "swh", "mr": "mar", "hi": "hin", "en": "eng"}


def language_name(code: str | None) -> str:
    if not code:
        return "unknown language"
    if code in _LANG_NAMES:
        return _LANG_NAMES[code]
    try:
        import pycountry

        lang = pycountry.languages.lookup(code)
        return str(lang.name)
    except (LookupError, ImportError):
        return code


def is_rtl(lang: str | None) -> bool:
    return (lang or "").lower() in RTL_LANGS


def f4_timestamp(seconds: float) -> str:
    """``#hh:mm:ss-t#`` (tenths), the f4/f5 form MAXQDA reads as a media link."""
    tenths = int(round(max(0.0, seconds) * 10))
    whole, t = divmod(tenths, 10)
    h, rest = divmod(whole, 3600)
    m, s = divmod(rest, 60)
    return f"#{h:02d}:{m:02d}:{s:02d}-{t}#"


def stable_guid(*parts: str) -> str:
    """A GUID that stays the same when the same thing is exported again (uuid5)."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "transqa:" + "\x1f".join(parts)))


def signoff_line(s) -> str:
    """Printed name, role, decision, meaning and time of one sign-off (21 CFR 11.50 style)."""
    role = f", {s.reviewer_role}" if s.reviewer_role else ""
    extra = f"; override: {s.override_reason}" if s.override_reason else ""
    note = f"; comment: {s.comment}" if s.comment else ""
    verb = {"approve": "approved", "reject": "rejected"}.get(s.decision, s.decision)
    return f"{s.reviewer_name} ({s.reviewer}{role}) {verb} at {s.at}: {s.meaning}{extra}{note}"


_UNSAFE = re.compile(r"[^A-Za-z0-9_.\-]+")


def safe_name(name: str) -> str:
    return _UNSAFE.sub("_", name).strip("._") or "transcript"
