"""Review-app speed: opening a 5,000-pair transcript and answering keys, measured with Pilot.

Builds a project in a temporary folder whose transcript ``BIG-1`` has 5,000 segment pairs of
real human translations from the shared parallel data (Marathi and Hebrew; the 1,997 pairs of
each are repeated in order to reach 5,000; every 97th translation replaced by its source, so
there are untranslated lines to jump to), runs the checks once (reported, not part of
"open"), then in a headless app (120×40):

* **open**: from pushing the review screen to the end of its first paint (Pilot pause), median of
  several opens;
* **keys**: from posting the key (``pilot.press``) to the last frame it caused being ready for
  the terminal (compositor update rendered to escape sequences), for next finding, next
  untranslated, cursor down, page down, previous finding and end; many presses each. Pilot's own
  idle-waiting after the frame is not counted.

A third run opens the Marathi transcript with the review store attached and one finding of the
commonest check dismissed, so every finding of that check needs its content key.

Targets from the issue: open < 1 s, key < 50 ms. Run: ``python bench/ui_bench.py``.
Writes ``bench/results/ui_bench.json``.
"""

from __future__ import annotations

import asyncio
import json
from collections import Counter
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

import corpus  # noqa: E402

from transqa.project import load_project  # noqa: E402
from transqa.store import open_store  # noqa: E402
from transqa.ui.app import create_app  # noqa: E402
from transqa.ui.demo import write_demo_project  # noqa: E402
from transqa.ui.screens.review import ReviewScreen  # noqa: E402
from transqa.ui.session import ReviewSession  # noqa: E402

N_PAIRS = 5000
SIZE = (120, 40)
OPENS = 5
PRESSES = 40


def pairs_for(lang: str, n: int) -> list[tuple[str, str]]:
    """Real pairs, repeated to ``n``; every 97th translation is left in the source language
    (an untranslated line, as the checks should find), so untranslated jumps have targets."""
    base = [(s.replace("\n", " "), t.replace("\n", " ")) for s, t in corpus.pairs(lang)]
    out = [base[i % len(base)] for i in range(n)]
    return [(s, s) if i % 97 == 50 else (s, t) for i, (s, t) in enumerate(out)]


async def measure(lang: str, root: Path, *, dismissed: bool = False) -> dict[str, object]:
    project = load_project(root)
    store = open_store(project) if dismissed else None
    session = ReviewSession(project, store=store, reviewer="ak" if dismissed else None)
    t0 = time.perf_counter()
    session.check_all()
    check_s = time.perf_counter() - t0
    doc = session.documents["BIG-1"]
    findings = session.findings["BIG-1"]
    label = lang
    if dismissed:  # one dismissal of the commonest check: every finding of it needs its key
        common = Counter(f.check for f in findings).most_common(1)[0][0]
        session.dismiss("BIG-1", next(f for f in findings if f.check == common), "benchmark")
        label = f"{lang}+dismissal"
    app = create_app(session=session, run_checks=False)
    out: dict[str, object] = {
        "language": label, "pairs": len(doc.units), "source_segments": len(doc.pair.source.segments),
        "findings": len(findings), "check_seconds": round(check_s, 2),
    }
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        opens = []
        for _ in range(OPENS):
            session._index.clear()  # noqa: SLF001 - measure a cold finding index each time
            t0 = time.perf_counter()
            app.open_transcript("BIG-1")
            await pilot.pause()
            opens.append(time.perf_counter() - t0)
            assert isinstance(app.screen, ReviewScreen)
            await pilot.press("escape")
            await pilot.pause()
        out["open_ms"] = {"median": round(statistics.median(opens) * 1000, 1),
                          "max": round(max(opens) * 1000, 1), "runs": len(opens)}
        app.open_transcript("BIG-1")
        await pilot.pause()
        frames: list[float] = []
        display = app._display  # noqa: SLF001 - timestamp each frame the terminal would get

        def timed_display(screen, renderable):
            display(screen, renderable)
            if renderable is not None:
                renderable.render_segments(app.console) if hasattr(renderable, "render_segments") else None
                frames.append(time.perf_counter())

        app._display = timed_display  # noqa: SLF001
        keys: dict[str, dict[str, float]] = {}
        for key, label in (("n", "next finding"), ("u", "next untranslated"), ("a", "next anonymisation"),
                           ("down", "cursor down"),
                           ("pagedown", "page down"), ("p", "previous finding"), ("end", "last bead")):
            times = []
            for _ in range(PRESSES if key != "end" else 5):
                frames.clear()
                t0 = time.perf_counter()
                await pilot.press(key)
                # answered = the last frame the key caused was ready for the terminal
                times.append((frames[-1] if frames else time.perf_counter()) - t0)
                if key == "end":
                    await pilot.press("home")
            times.sort()
            keys[label] = {"median_ms": round(statistics.median(times) * 1000, 1),
                           "p95_ms": round(times[int(len(times) * 0.95) - 1] * 1000, 1),
                           "max_ms": round(times[-1] * 1000, 1)}
        out["keys"] = keys
        out["cursor_after"] = app.screen.view.cursor
    return out


def main() -> int:
    if not corpus.available():
        print(f"parallel data not found at {corpus.DATA}", file=sys.stderr)
        return 2
    results = []
    for lang, dismissed in (("mr", False), ("he", False), ("mr", True)):
        with tempfile.TemporaryDirectory() as tmp:
            root = write_demo_project(Path(tmp) / "study", sites=(), big=pairs_for(lang, N_PAIRS), big_lang=lang)
            results.append(asyncio.run(measure(lang, root, dismissed=dismissed)))
    print(f"{'lang':<16}{'pairs':>7}{'findings':>10}{'check s':>9}{'open ms':>9}   key: median / p95 / max ms")
    for r in results:
        keys = "; ".join(f"{k} {v['median_ms']}/{v['p95_ms']}/{v['max_ms']}" for k, v in r["keys"].items())
        print(f"{r['language']:<16}{r['pairs']:>7}{r['findings']:>10}{r['check_seconds']:>9}"
              f"{r['open_ms']['median']:>9}   {keys}")
    doc = {
        "bench": "ui_bench", "terminal": list(SIZE), "python": platform.python_version(),
        "machine": platform.machine(), "targets": {"open_ms": 1000, "key_ms": 50}, "results": results,
    }
    out = REPO / "bench" / "results" / "ui_bench.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {out.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
