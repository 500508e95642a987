"""The real parallel data in ``../shared/data/parallel`` (see its SOURCES.md), for tests and benches.

Human translations, line-aligned, English on one side: German and Hindi (UD PUD), Hebrew and
Marathi (NTREX-128), Swahili and Luganda (MAFAND-MT).
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("TRANSQA_PARALLEL", REPO.parent / "shared" / "data" / "parallel"))

FILES: dict[str, list[tuple[str, str]]] = {
    "sw": [("en-swa_dev.swa", "en-swa_dev.en"), ("en-swa_test.swa", "en-swa_test.en")],
    "lg": [("en-lug_dev.lug", "en-lug_dev.en"), ("en-lug_test.lug", "en-lug_test.en")],
    "de": [("en-deu_eval.deu", "en-deu_eval.en")],
    "he": [("en-heb_eval.heb", "en-heb_eval.en")],
    "hi": [("en-hin_eval.hin", "en-hin_eval.en")],
    "mr": [("en-mar_eval.mar", "en-mar_eval.en")],
}
LANGS = tuple(FILES)


def available() -> bool:
    return all((DATA / src).is_file() for pairs in FILES.values() for src, _ in pairs)


@lru_cache(maxsize=None)
def pairs(lang: str) -> tuple[tuple[str, str], ...]:
    """All (source, english) pairs of one language, in file order."""
    out: list[tuple[str, str]] = []
    for src_name, en_name in FILES[lang]:
        src = (DATA / src_name).read_text(encoding="utf-8").splitlines()
        en = (DATA / en_name).read_text(encoding="utf-8").splitlines()
        if len(src) != len(en):
            raise ValueError(f"{src_name} and {en_name} differ in length")
        out.extend(zip(src, en))
    return tuple(out)
