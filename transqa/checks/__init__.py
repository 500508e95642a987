"""Checks: one module per category, each registering its checks in :data:`REGISTRY`.

Importing this package imports every category module, so the registry is complete.
"""

from transqa.checks import (  # noqa: F401  (imported for their registrations)
    alignment,
    anonymisation,
    consistency,
    format,
    glossary,
    numbers,
    untranslated,
)
from transqa.checks.context import Document, Unit
from transqa.checks.registry import REGISTRY, CheckInfo, Hit, Scope, check
from transqa.checks.runner import run_checks
from transqa.checks.settings import CheckSettings

__all__ = ["REGISTRY", "CheckInfo", "CheckSettings", "Document", "Hit", "Scope", "Unit", "check", "run_checks"]
