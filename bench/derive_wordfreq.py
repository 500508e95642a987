"""Derive the shipped word-frequency lists from the ``wordfreq`` package (maintainers only).

Not imported by transqa. Run once with msgpack importable, pointing at the ``wordfreq/data``
folder of an unpacked wordfreq 3.1.1 wheel (PyPI), from the repository root::

    PYTHONPATH=/path/to/msgpack python bench/derive_wordfreq.py /path/to/wordfreq/data

It reads wordfreq's ``large_en`` and ``large_de`` cBpack files and writes
``en-words.txt`` (English words down to -700 cB, about 96,000 words) and ``de-words.txt``
(German words down to -600 cB, so capitalised German nouns are told from names, plus the
German frequency of every word of the English list that German uses too, down to -800 cB,
so look-alikes such as "die", "war", "also" can be weighed), and ``he-words.txt`` /
``hi-words.txt`` (Hebrew from ``large_he`` and Hindi from ``small_hi``, down to -500 cB: the
common words that a register name must not be mistaken for; Marathi has no wordfreq list and
borrows the Hindi one for Devanagari). Each line is
``word<TAB>centibels`` where the word's frequency is 10 ** (-centibels / 100). Plain text,
because the package data patterns ship ``*.txt``.
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

import msgpack

HERE = Path(__file__).resolve().parents[1] / "transqa" / "langid" / "data"  # where the lists ship
EN_LIMIT = 700
DE_LIMIT = 600
DE_SHARED_LIMIT = 800
NON_LATIN_LIMIT = 500  # he, hi: only common words are needed (names are judged against them)


def read(data: Path, lang: str, size: str = "large") -> dict[str, int]:
    """wordfreq's cBpack: a gzipped msgpack list, header first, then one word list per centibel."""
    with gzip.open(data / f"{size}_{lang}.msgpack.gz", "rb") as f:
        packed = msgpack.load(f, raw=False)
    if packed[0] != {"format": "cB", "version": 1}:
        raise ValueError(f"unexpected header {packed[0]!r}")
    out: dict[str, int] = {}
    for cb, bucket in enumerate(packed[1:]):
        for word in bucket:
            out.setdefault(word, cb)
    return out


def write(name: str, words: dict[str, int]) -> None:
    rows = sorted(words.items(), key=lambda kv: (kv[1], kv[0]))
    text = "".join(f"{w}\t{cb}\n" for w, cb in rows if "\t" not in w and "\n" not in w)
    (HERE / name).write_text(text, encoding="utf-8")


def main() -> None:
    data = Path(sys.argv[1])
    en = {w: cb for w, cb in read(data, "en").items() if cb <= EN_LIMIT}
    de_all = read(data, "de")
    de = {w: cb for w, cb in de_all.items() if cb <= DE_LIMIT or (w in en and cb <= DE_SHARED_LIMIT)}
    write("en-words.txt", en)
    write("de-words.txt", de)
    he = {w: cb for w, cb in read(data, "he").items() if cb <= NON_LATIN_LIMIT}
    hi = {w: cb for w, cb in read(data, "hi", "small").items() if cb <= NON_LATIN_LIMIT}
    write("he-words.txt", he)
    write("hi-words.txt", hi)
    print(f"en: {len(en)} words, de: {len(de)} words, he: {len(he)} words, hi: {len(hi)} words")


if __name__ == "__main__":
    main()
