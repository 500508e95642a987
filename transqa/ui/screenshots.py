"""Save SVG screenshots of every screen, made by the app itself, for the docs.

    python -m transqa.ui.screenshots [PROJECT_DIR] [--out docs/screenshots]

Defaults to the bundled sample study. The review database goes to a temporary file, so taking
screenshots records nothing in the study. Right-to-left lines are drawn as the app draws them
for a terminal that does not reorder (``bidi = on``), and the SVG is told not to reorder them
again (see :func:`keep_visual_order`).
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
from pathlib import Path

from transqa.ui.app import create_app

SIZE = (140, 42)

# (file name, transcript row or None for the overview, keys pressed)
SHOTS: list[tuple[str, int | None, tuple[str, ...]]] = [
    ("overview.svg", None, ()),
    ("review-german.svg", 0, ("n",)),
    ("review-hebrew.svg", 2, ("n", "n")),
    ("review-marathi.svg", 5, ("n",)),
    ("glossary-panel.svg", 0, ("2",)),
    ("anonymisation-panel.svg", 2, ("3",)),
    ("dismiss-dialog.svg", 0, ("n", "d")),
    ("signoff-dialog.svg", 0, ("s",)),
    ("filter-dialog.svg", 0, ("f",)),
    ("help.svg", None, ("f1",)),
]


def keep_visual_order(svg: Path) -> None:
    """Stop the browser from re-applying bidi to text the app already put in visual order.

    A terminal paints cell by cell, left to right; a browser showing the SVG would reorder the
    Hebrew runs a second time. ``unicode-bidi: bidi-override`` with ``direction: ltr`` makes the
    picture show exactly the cells the terminal receives.
    """
    text = svg.read_text(encoding="utf-8")
    svg.write_text(text.replace("<text ", '<text direction="ltr" unicode-bidi="bidi-override" '),
                   encoding="utf-8")


async def _shoot(project: Path, out: Path, database: str, rows: int, reviewer: str | None) -> list[Path]:
    saved: list[Path] = []
    for name, row, keys in SHOTS:
        if row is not None and row >= rows:
            row = rows - 1
        app = create_app(project, reviewer=reviewer, database=database, bidi_mode="on")
        async with app.run_test(size=SIZE) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            if row is not None:
                from textual.widgets import DataTable

                app.screen.query_one(DataTable).move_cursor(row=row)
                await pilot.press("enter")
            for key in keys:
                await pilot.press(key)
                await app.workers.wait_for_complete()
            await pilot.pause()
            app.save_screenshot(name, path=str(out))
            keep_visual_order(out / name)
            saved.append(out / name)
    return saved


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m transqa.ui.screenshots", description=__doc__.split("\n")[0])
    parser.add_argument("project", nargs="?", type=Path, default=Path("samples/study"))
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    args = parser.parse_args(argv)
    from transqa.project import load_project

    loaded = load_project(args.project)
    rows = len(loaded.transcripts)
    reviewer = next(iter(loaded.reviewers), None)
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        saved = asyncio.run(_shoot(args.project, args.out, str(Path(tmp) / "review.db"), rows, reviewer))
    for p in saved:
        print(p)
    return 0


if __name__ == "__main__":
    sys.exit(main())
