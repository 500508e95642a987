"""What a run of checks is configured with: loaded resources and per-check options.

Built by the project layer from ``transqa.toml`` or by the CLI from its options; checks only
read it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from transqa.model.glossary import Glossary
from transqa.model.register import Register

# Participant codes and bracketed descriptors: R1, P3, M, MOD, I, [P3], [name], [place] ...
DEFAULT_CODE_PATTERN = r"(?:[RPIBM]\d{1,3}|M|MOD|I)"
DEFAULT_DESCRIPTORS = (
    "name", "place", "city", "village", "town", "district", "country", "hospital", "clinic",
    "school", "organisation", "organization", "workplace", "church", "employer", "date",
    "age", "number", "phone", "address", "institution", "job", "occupation", "street",
)


@dataclass(slots=True)
class CheckSettings:
    glossary: Glossary = field(default_factory=Glossary)
    register: Register | None = None
    allow: frozenset[str] = frozenset()
    code_pattern: str = DEFAULT_CODE_PATTERN
    descriptors: tuple[str, ...] = DEFAULT_DESCRIPTORS
    # check id or category -> option dict, from [checks."<id>"] tables in transqa.toml
    options: dict[str, dict[str, Any]] = field(default_factory=dict)
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    redact: bool = False

    def option(self, check_id: str, key: str, default: Any) -> Any:
        for scope in (check_id, check_id.split(".", 1)[0]):
            opts = self.options.get(scope)
            if opts and key in opts:
                return opts[key]
        return default
