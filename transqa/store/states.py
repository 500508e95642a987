"""The review state of a transcript, from its sign-offs and the hash of its current content.

In order of precedence:

* ``rejected`` — some reviewer's latest decision on the *current* content is reject;
* ``signed-off`` — at least two different reviewers' latest decisions on the current content
  are approve;
* ``stale`` — a sign-off (approve) was recorded on content that is no longer current (a file
  changed after it) and the current content is not yet signed off;
* ``in-review`` — any review activity was recorded (a disposition, edit, note or sign-off),
  but fewer than two current approvals;
* ``unchecked`` — nothing recorded for the transcript yet.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

STATES = ("unchecked", "in-review", "signed-off", "stale", "rejected")


class _SignOff(Protocol):
    reviewer: str
    decision: str
    content_sha256: str


def latest_decisions(signoffs: Iterable[_SignOff], content_sha256: str) -> dict[str, str]:
    """reviewer → their latest decision on this content (``signoffs`` in recorded order)."""
    out: dict[str, str] = {}
    for s in signoffs:
        if s.content_sha256 == content_sha256:
            out[s.reviewer] = s.decision
    return out


def compute_state(signoffs: list[_SignOff], content_sha256: str, activity: bool) -> str:
    current = latest_decisions(signoffs, content_sha256)
    if "reject" in current.values():
        return "rejected"
    if sum(1 for d in current.values() if d == "approve") >= 2:
        return "signed-off"
    if any(s.decision == "approve" and s.content_sha256 != content_sha256 for s in signoffs):
        return "stale"
    if activity or signoffs:
        return "in-review"
    return "unchecked"
