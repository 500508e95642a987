"""Right-to-left display: Hebrew in visual order, for the screen only.

Neither Textual nor Rich reorders bidirectional text, and terminals disagree (VTE, Konsole and
Terminal.app reorder; xterm, Alacritty and Windows Terminal do not). So the app reorders each
*wrapped* line itself (wrap the logical text first, then reorder line by line, as the Unicode
Bidirectional Algorithm's line rule says), keeps combining marks (niqqud) after their base letter
where terminals expect them, and offers a setting so a reordering terminal does not reverse the
text twice:

* ``auto``: reorder unless the terminal says it reorders itself (VTE ≥ 0.58, Konsole,
  Terminal.app, mlterm);
* ``on``: always reorder; ``off``: never.

Data, checks, exports and edits keep logical order; only the drawing uses :func:`visual`.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Mapping
from functools import lru_cache

from bidi import algorithm as _uba

MODES = ("auto", "on", "off")

_RTL_CLASSES = frozenset({"R", "AL"})


def has_rtl(text: str) -> bool:
    """True when ``text`` holds a right-to-left letter (Hebrew, Arabic …)."""
    return not text.isascii() and any(unicodedata.bidirectional(c) in _RTL_CLASSES for c in text)


def base_is_rtl(text: str) -> bool:
    """Paragraph direction by the first strong letter (UBA rules P2–P3)."""
    if text.isascii():
        return False
    for c in text:
        kind = unicodedata.bidirectional(c)
        if kind in _RTL_CLASSES:
            return True
        if kind == "L":
            return False
    return False


def terminal_reorders(env: Mapping[str, str] | None = None) -> bool:
    """Whether the terminal we run in is known to apply bidi itself."""
    env = os.environ if env is None else env
    vte = env.get("VTE_VERSION", "")
    if vte.isdigit() and int(vte) >= 5800:
        return True
    if env.get("KONSOLE_VERSION") or env.get("MLTERM"):
        return True
    return env.get("TERM_PROGRAM") == "Apple_Terminal"


def resolve(mode: str, env: Mapping[str, str] | None = None) -> bool:
    """Should the app reorder? ``mode`` is auto / on / off."""
    if mode not in MODES:
        raise ValueError(f"unknown bidi mode {mode!r} (use auto, on or off)")
    if mode == "auto":
        return not terminal_reorders(env)
    return mode == "on"


@lru_cache(maxsize=8192)
def visual_order(line: str, rtl_base: bool) -> tuple[int, ...]:
    """The logical index of each character in visual (left-to-right screen) order.

    A permutation of ``range(len(line))``: highlights computed on logical offsets follow their
    characters. Combining marks that the algorithm put before their base (in right-to-left runs)
    are moved back after it, because terminals attach a mark to the cell before it.
    """
    if not line or not has_rtl(line):
        return tuple(range(len(line)))
    if len(_RTL_POSITIONS) > 8192:
        _RTL_POSITIONS.clear()
        visual_order.cache_clear()
    storage = _uba.get_empty_storage()
    level = 1 if rtl_base else 0
    storage["base_level"] = level
    storage["base_dir"] = ("L", "R")[level]
    _uba.get_embedding_levels(line, storage, False, False)
    for i, ch in enumerate(storage["chars"]):
        ch["i"] = i
    _uba.explicit_embed_and_overrides(storage, False)
    _uba.resolve_weak_types(storage, False)
    _uba.resolve_neutral_types(storage, False)
    _uba.resolve_implicit_levels(storage, False)
    _uba.reorder_resolved_levels(storage, False)
    chars = storage["chars"]
    _RTL_POSITIONS[(line, rtl_base)] = frozenset(ch["i"] for ch in chars if ch["level"] % 2)
    order: list[int] = []
    marks: list[int] = []
    for ch in chars:
        idx = ch["i"]
        if ch["level"] % 2 and unicodedata.combining(line[idx]):
            marks.append(idx)  # reversed run: the mark came before its base
            continue
        order.append(idx)
        if marks:
            order.extend(reversed(marks))
            marks = []
    order.extend(reversed(marks))
    seen = set(order)  # explicit formatting characters the algorithm dropped go last
    order.extend(i for i in range(len(line)) if i not in seen)
    return tuple(order)


_RTL_POSITIONS: dict[tuple[str, bool], frozenset[int]] = {}


def mirrored(line: str, rtl_base: bool, index: int) -> str:
    """The character at logical ``index`` as drawn: brackets in RTL runs mirrored (UBA L4)."""
    ch = line[index]
    if ch in _uba.MIRRORED and index in _RTL_POSITIONS.get((line, rtl_base), ()):
        return _uba.MIRRORED[ch]
    return ch


def visual(line: str, rtl_base: bool | None = None) -> str:
    """``line`` (already wrapped) in visual order, brackets mirrored inside RTL runs."""
    if not line or not has_rtl(line):
        return line
    rtl = base_is_rtl(line) if rtl_base is None else rtl_base
    return "".join(mirrored(line, rtl, i) for i in visual_order(line, rtl))
