"""untranslated checks (registered on import)."""

from __future__ import annotations
