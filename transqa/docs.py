"""Generate ``docs/checks.md`` from the registry: the reference never drifts from the code.

Run ``python -m transqa.docs`` (or ``make docs``); a test fails when the file is out of date.
"""

from __future__ import annotations

import sys
from pathlib import Path

from transqa.checks import REGISTRY
from transqa.checks.registry import CATEGORIES, Registry

DEFAULT_SILENCE = (
    "Dismiss the finding in `transqa review` with a reason (the dismissal is bound to the text, so it "
    "lapses if the segment changes), or skip the check for a project with `ignore = [\"{id}\"]` under "
    "`[checks]` in `transqa.toml`, or for one run with `--ignore {id}`."
)

SCOPE_TEXT = {
    "segment": "each segment on its own (also in `check --transcript` mode)",
    "unit": "each aligned source/translation unit",
    "document": "each transcript as a whole",
    "project": "all transcripts of the project together",
}


def render(registry: Registry = REGISTRY) -> str:
    out = [
        "# Checks reference",
        "",
        "Generated from the check registry by `python -m transqa.docs`; do not edit by hand.",
        "List them with `transqa checks`. Severities are defaults; `--fail-on` decides which fail a run.",
        "",
    ]
    for cat in CATEGORIES:
        infos = [c for c in registry if c.category == cat]
        if not infos:
            continue
        out += [f"## {cat}", ""]
        out += [f"| check | severity | looks at |", "|---|---|---|"]
        out += [f"| [`{c.id}`](#{c.id.replace('.', '')}) | {c.severity} | {SCOPE_TEXT[c.scope.value]} |" for c in infos]
        out.append("")
        for c in infos:
            out += [f"### `{c.id}`", "", f"**{c.description}**", ""]
            if c.doc:
                out += [c.doc, ""]
            if c.example:
                out += ["Example:", "", *[f"    {ln}" for ln in c.example.strip().splitlines()], ""]
            out += [f"*Default severity:* {c.severity}. *Looks at:* {SCOPE_TEXT[c.scope.value]}.", ""]
            out += ["*A false alarm?* " + (c.silence or DEFAULT_SILENCE.format(id=c.id)), ""]
    return "\n".join(out).rstrip() + "\n"


def main(argv: list[str] | None = None) -> int:
    target = Path(argv[0]) if argv else Path(__file__).resolve().parents[1] / "docs" / "checks.md"
    target.write_text(render(), encoding="utf-8")
    print(f"wrote {target} ({len(REGISTRY)} checks)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
