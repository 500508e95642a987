"""A progress bar on stderr for long runs (Rich lives only in the CLI and UI)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager


@contextmanager
def progress_bar(total: int, *, enabled: bool = True, label: str = "checking") -> Iterator[Callable[[int, int], None]]:
    """Yields a ``tick(done, total)`` callback; shows a bar only on a terminal and for several items."""
    if not enabled or total < 2 or not sys.stderr.isatty():
        yield lambda done, total: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn(f"[bold]{label}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  transient=True, console=Console(stderr=True)) as progress:
        task = progress.add_task(label, total=total)

        def tick(done: int, total_: int) -> None:
            progress.update(task, completed=done, total=total_)

        yield tick
