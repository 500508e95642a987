"""The registry: explicit, validated, and the documentation generated from it is current."""

from __future__ import annotations

from pathlib import Path

import pytest

from transqa.checks import REGISTRY
from transqa.checks.registry import CATEGORIES, Registry, Scope, check
from transqa.model import Severity

ROOT = Path(__file__).resolve().parents[1]


def test_every_registered_check_is_well_formed():
    assert len(REGISTRY) > 0
    for info in REGISTRY:
        assert info.category in CATEGORIES
        assert info.description and not info.description.endswith(":")
        assert isinstance(info.severity, Severity)
        assert isinstance(info.scope, Scope)


def test_bad_registrations_are_refused():
    reg = Registry()
    with pytest.raises(ValueError):
        check("spelling.x", severity="error", scope=Scope.UNIT, registry=reg)
    with pytest.raises(ValueError):
        @check("numbers.undocumented", severity="error", scope=Scope.UNIT, registry=reg)
        def _f(unit, doc):
            return []

    @check("numbers.ok", severity="warning", scope=Scope.UNIT, registry=reg)
    def _g(unit, doc):
        """One line.

        Body."""
        return []

    with pytest.raises(ValueError):
        check("numbers.ok", severity="warning", scope=Scope.UNIT, registry=reg)(_g)
    assert reg["numbers.ok"].description == "One line."
    assert reg["numbers.ok"].doc == "Body."


def test_select_and_ignore_by_id_and_category():
    reg = Registry()
    for cid in ("numbers.a", "numbers.b", "format.c"):
        def f(unit, doc):
            """Doc."""
            return []
        check(cid, severity="info", scope=Scope.UNIT, registry=reg)(f)
    assert [c.id for c in reg.select(["numbers"])] == ["numbers.a", "numbers.b"]
    assert [c.id for c in reg.select(None, ["numbers.a"])] == ["format.c", "numbers.b"]
    assert [c.id for c in reg.select(["format.c", "numbers.b"])] == ["format.c", "numbers.b"]


def test_checks_reference_is_generated_from_the_registry():
    from transqa.docs import render

    current = (ROOT / "docs" / "checks.md").read_text(encoding="utf-8")
    assert current == render(), "docs/checks.md is stale: run `python -m transqa.docs`"
