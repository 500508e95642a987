"""The architecture holds: the core never imports Textual or Rich, layers import only downward."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PKG = Path(__file__).resolve().parents[1] / "transqa"

# Each layer may import only from layers listed before it (and itself).
ORDER = ["text", "model", "errors", "fsutil", "readers", "align", "langid", "terms", "identifiers",
         "checks", "project", "report", "store", "exports", "cli", "docs", "ui"]


def test_core_does_not_load_textual_or_rich():
    code = (
        "import sys, transqa, transqa.model, transqa.readers, transqa.align, transqa.checks, "
        "transqa.project.run, transqa.report.findings_json, transqa.report.findings_html\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"core imported {out.stdout.strip()}"


def _layer(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "transqa" else None


def test_layers_import_only_downward():
    violations = []
    for path in PKG.rglob("*.py"):
        rel = path.relative_to(PKG)
        own = rel.parts[0].removesuffix(".py")
        if own not in ORDER:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            for name in names:
                layer = _layer(name)
                if layer and layer in ORDER and ORDER.index(layer) > ORDER.index(own):
                    violations.append(f"{rel} imports {name}")
    assert not violations, "upward imports:\n" + "\n".join(violations)


def test_no_network_modules_in_package():
    forbidden = {"socket", "requests", "httpx", "aiohttp", "urllib.request", "http.client", "ftplib", "smtplib"}
    hits = []
    for path in PKG.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                hits += [f"{path.name}: {a.name}" for a in node.names if a.name in forbidden]
            elif isinstance(node, ast.ImportFrom) and node.module in forbidden:
                hits.append(f"{path.name}: {node.module}")
    assert not hits, hits
