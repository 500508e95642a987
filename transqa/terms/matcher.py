"""Find glossary phrases in text, inflection-tolerant, in one pass over the tokens.

A :class:`TermMatcher` is compiled once (per document and side) from labelled phrases. Each
phrase becomes one or more *forms* — sequences of word-key sets (:mod:`transqa.terms.morph`);
German hyphenated terms also get their closed-compound form (``Peer-Begleiter`` →
``peerbegleiter``). The forms are indexed by the keys of their first word, so a segment is
scanned once, token by token, never once per term: each token's keys are looked up in the
index and only the few candidates are verified word by word.

What a token reduces to is computed once per distinct token (cached), including the two
expensive steps:

* **compound parts** (German): a glossary word of at least ``compound_min`` letters found at
  the start or (inflected) end of a longer token — ``Genesungsbegleiter`` in
  ``Genesungsbegleiterausbildung``, ``Stigmatisierung`` in ``Selbststigmatisierungen``;
* **fuzzy** (optional, rapidfuzz ``fuzz.ratio``): a token variant of at least
  ``fuzzy_min_len`` letters whose similarity to a glossary word of the same first letter
  reaches ``fuzzy_cutoff``. Off by default — measured not to help (see
  :data:`DEFAULT_FUZZY_CUTOFF`); spelling variation is handled in :func:`~transqa.terms.morph.base`
  instead (Devanagari vowel length, nukta, Hebrew final letters).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from transqa.terms.morph import base, morph_for, split_parts, term_keys, text_variants
from transqa.text.tokens import WORD

#: Fuzzy word matching (rapidfuzz ``fuzz.ratio``) is OFF by default, as measured by
#: bench/terms_bench.py. On the real parallel corpus (six languages, ~200 concepts, detection
#: of the source term scored against the English side) the best setting (ratio ≥ 88, words
#: ≥ 8 letters) raises mean F1 over the affix rules alone by only 0.0013 (0.7098 → 0.7111;
#: exact whole-word matching: 0.4855); lower cut-offs lower it (80/6: 0.669).
#: On the curated near-miss lists (tests/test_terms_morphology.py) every cut-off below 95
#: matches distractors the affix rules keep apart (88/8: 3, 92/7: 2 —
#: Genesungsbegleiter/Genesungsbegleitung, ugonjwa/wagonjwa = disease/patients,
#: recovery/recover). A project may still switch it on: ``fuzzy_cutoff = 92`` under
#: ``[checks.glossary]`` in transqa.toml (words of ``DEFAULT_FUZZY_MIN_LEN`` letters or more).
DEFAULT_FUZZY_CUTOFF: float | None = None
DEFAULT_FUZZY_MIN_LEN = 8
#: Shortest glossary word looked for inside German compounds, measured on the German pairs
#: by bench/terms_bench.py (F1 of term detection): 4 → 0.727 (precision 0.70), 5 → 0.741,
#: 6 → 0.705, 8 → 0.679. Five letters find Krieg in Weltkrieg and Stadt in Großstadt
#: without the noise of four (Land in Landen, Rat in Ratgeber).
DEFAULT_COMPOUND_MIN = 5
_CACHE_LIMIT = 200_000
_EMPTY: frozenset[str] = frozenset()
# Endings that make a longer word from a glossary word without compounding: Station →
# stationierten, Stigma → stigmatisiert. After them the word is not a compound part.
_DERIVATION = ("ier", "isch", "lich", "ig", "ung", "heit", "keit", "bar")


@dataclass(frozen=True, slots=True)
class Match:
    """One occurrence: ``label`` as given at compile time; ``[start, end)`` in the text."""

    label: Hashable
    start: int
    end: int
    text: str
    size: int = 0  # letters of the glossary form matched: the more specific term wins a tie


@dataclass(frozen=True, slots=True)
class _Form:
    label: Hashable
    words: tuple[frozenset[str], ...]
    size: int = 0


class TermMatcher:
    """Compiled phrases of one language. ``find(text)`` → matches, longest first on overlap."""

    def __init__(
        self,
        phrases: Iterable[tuple[str, Hashable]],
        lang: str | None,
        *,
        fuzzy_cutoff: float | None = DEFAULT_FUZZY_CUTOFF,
        fuzzy_min_len: int = DEFAULT_FUZZY_MIN_LEN,
        compounds: bool | None = None,
        compound_min: int = DEFAULT_COMPOUND_MIN,
        prefix_parts: bool = False,
    ) -> None:
        self.lang = lang
        self.morph = morph_for(lang)
        self.fuzzy_cutoff = fuzzy_cutoff
        self.fuzzy_min_len = fuzzy_min_len
        self.compounds = self.morph.compounds if compounds is None else compounds
        self.compound_min = compound_min
        self.prefix_parts = prefix_parts
        self._index: dict[str, list[_Form]] = {}
        self._vocab: set[str] = set()
        self._single: set[str] = set()  # keys of one-word forms, for compound probing
        self._cache: dict[str, frozenset[str]] = {}
        self._tok_cache: dict[str, tuple[int, tuple[tuple[int, frozenset[str], int, int], ...]]] = {}
        self._useful: set[str] = set()  # tokens that may begin a term
        n = 0
        for phrase, label in phrases:
            for form in self._forms(phrase, label):
                n += 1
                for k in form.words[0]:
                    self._index.setdefault(k, []).append(form)
                for w in form.words:
                    self._vocab |= w
                if len(form.words) == 1:
                    self._single |= {k for k in form.words[0] if len(k) >= compound_min}
        self.size = n
        self._fuzzy_choices: dict[str, list[str]] = {}
        for k in self._vocab:
            if len(k) >= fuzzy_min_len:
                self._fuzzy_choices.setdefault(k[0], []).append(k)
        self._prefix_keys = sorted(k for k in self._single if len(k) >= 5) if prefix_parts else []
        # cheap reject (see _may_match): the first letters of every glossary word (stem)
        stems = {k.split("#", 1)[0] for k in self._vocab} - set(self.morph.connectives)
        self._heads3 = {k[:3] for k in stems if len(k) >= 4}
        self._heads2 = {k[:2] for k in stems if 2 <= len(k) <= 3}
        # generous mode (approved renderings): derived forms meet too — recovery/recovering,
        # hope/hoping/hopeful, trust/trusted
        self._stems: dict[str, frozenset[str]] = {}
        if prefix_parts:
            by_stem: dict[str, set[str]] = {}
            for k in self._vocab:
                if len(k) >= 4 and "#" not in k:
                    by_stem.setdefault(_derivation_stem(k), set()).add(k)
            self._stems = {st: frozenset(ks) for st, ks in by_stem.items()}

    def __bool__(self) -> bool:
        return self.size > 0

    # -- compile --------------------------------------------------------------------------

    def _word_keys(self, word: str) -> frozenset[str]:
        if base(word, self.lang) in self.morph.connectives:
            return self.morph.connectives
        return term_keys(word, self.lang)

    def _forms(self, phrase: str, label: Hashable) -> list[_Form]:
        parts = [p for tok in WORD.findall(phrase) for p, _ in split_parts(tok, self.lang)]
        if not parts:
            return []
        size = sum(len(p) for p in parts)
        forms = [_Form(label, tuple(self._word_keys(p) for p in parts), size)]
        if self.compounds and len(parts) > 1:
            # Peer-Begleiter / Peer Begleiter also written closed: Peerbegleiter
            forms.append(_Form(label, (term_keys("".join(parts), self.lang),), size))
        return forms

    # -- tokens ---------------------------------------------------------------------------

    def _keys(self, part: str) -> frozenset[str]:
        """The glossary word keys a text word can stand for (cached per distinct word)."""
        got = self._cache.get(part)
        if got is not None:
            return got
        key = base(part, self.lang)
        if not self._may_match(key):
            self._cache[part] = _EMPTY
            return _EMPTY
        variants = text_variants(key, self.lang)
        hits = variants & self._vocab
        if self.compounds and len(key) > self.compound_min + 2 and self._single:
            hits |= self._compound_hits(key)
        if self.prefix_parts and not hits:
            hits |= {k for k in self._prefix_keys if key.startswith(k) and len(key) > len(k)}
            if not hits and self._stems:
                hits |= self._stems.get(_derivation_stem(key), _EMPTY)
        if not hits and self.fuzzy_cutoff is not None and len(key) >= self.fuzzy_min_len:
            for v in variants:
                choices = self._fuzzy_choices.get(v[:1]) if len(v) >= self.fuzzy_min_len else None
                if choices:
                    best = process.extractOne(v, choices, scorer=fuzz.ratio, score_cutoff=self.fuzzy_cutoff)
                    if best:
                        hits.add(best[0])
        out = frozenset(hits)
        if len(self._cache) > _CACHE_LIMIT:
            self._cache.clear()
        self._cache[part] = out
        return out

    def _may_match(self, key: str) -> bool:
        """Cheap reject: a glossary word key can only come from this token if one of its first
        letters (three, or two for short words) appear within the token's first few letters
        (after particles and class prefixes; only suffixes are stripped or swapped at the end),
        anywhere for compounds and prefix parts."""
        if key in self._vocab or len(key) < 2:
            return True
        last = len(key) - 2 if (self.compounds or self.fuzzy_cutoff is not None) else min(len(key) - 2, 9)
        h3, h2 = self._heads3, self._heads2
        if any(key[o:o + 3] in h3 for o in range(last + 1)):
            return True
        return bool(h2) and any(key[o:o + 2] in h2 for o in range(last + 1))

    def _compound_hits(self, key: str) -> set[str]:
        hits: set[str] = set()
        n = len(key)
        lo = self.compound_min
        for i in range(3, n - lo + 1):  # head: ...begleiterinnen
            hits |= text_variants(key[i:], self.lang) & self._single
        for j in range(lo, n - 3):  # modifier: genesungsbegleiter|ausbildung, -s- linking
            if key[:j] in self._single and not key[j:].lstrip("s").startswith(_DERIVATION):
                hits.add(key[:j])
        return hits

    def _token(self, tok: str) -> tuple[int, tuple[tuple[int, frozenset[str], int, int], ...]]:
        """(number of parts, the parts that can be term words: (index, keys, start, end))."""
        got = self._tok_cache.get(tok)
        if got is None:
            parts = split_parts(tok, self.lang) if ("-" in tok or "'" in tok or "’" in tok or "\u2010" in tok) else [(tok, 0)]
            useful = []
            for i, (part, off) in enumerate(parts):
                keys = self._keys(part)
                if keys:
                    useful.append((i, keys, off, off + len(part)))
            got = (len(parts), tuple(useful))
            if len(self._tok_cache) > _CACHE_LIMIT:
                self._tok_cache.clear()
                self._useful.clear()
            self._tok_cache[tok] = got
            if any(k in self._index for _, keys, _, _ in useful for k in keys):
                self._useful.add(tok)
        return got

    def _parts(self, text: str) -> list[tuple[int, frozenset[str], int, int]]:
        """Term-word candidates of a text: (part number in the text, keys, start, end)."""
        out = []
        n = 0
        get = self._tok_cache.get
        for m in WORD.finditer(text):
            tok = m.group()
            got = get(tok) or self._token(tok)
            if got[1]:
                start = m.start()
                for i, keys, a, b in got[1]:
                    out.append((n + i, keys, start + a, start + b))
            n += got[0]
        return out

    # -- search ---------------------------------------------------------------------------

    def find(self, text: str, *, overlapping: bool = False) -> list[Match]:
        """Occurrences in ``text``; overlapping shorter ones dropped unless ``overlapping``."""
        if not self.size or not text:
            return []
        # Fast path, in C: most segments hold no word that can start or continue a term.
        toks = set(WORD.findall(text))
        cache = self._tok_cache
        for tok in [t for t in toks if t not in cache]:
            self._token(tok)
        if self._useful.isdisjoint(toks):
            return []
        parts = self._parts(text)
        if not parts:
            return []
        found: dict[tuple[Hashable, int], Match] = {}
        n = len(parts)
        for i, (pos, keys, start, _) in enumerate(parts):
            for k in keys:
                for form in self._index.get(k, ()):
                    w = len(form.words)
                    if w > 1:
                        if i + w > n or parts[i + w - 1][0] != pos + w - 1:
                            continue  # the following words are not all candidates
                        if not all(parts[i + j][1] & form.words[j] for j in range(1, w)):
                            continue
                    end = parts[i + w - 1][3]
                    prev = found.get((form.label, start))
                    if prev is None or prev.end < end:
                        found[(form.label, start)] = Match(form.label, start, end, text[start:end], form.size)
        if not found:
            return []
        matches = sorted(found.values(), key=lambda m: (m.start, -(m.end - m.start)))
        if overlapping or len(matches) < 2:
            return matches
        return _drop_contained(matches)

    def contains(self, text: str) -> set[Hashable]:
        """Labels found anywhere in ``text`` (overlaps kept)."""
        return {m.label for m in self.find(text, overlapping=True)}


_DERIVATIONAL = ("ations", "ation", "ings", "ing", "edly", "ed", "fully", "ful", "ness", "ment", "ly", "ies",
                 "es", "s", "y", "e")


def _derivation_stem(key: str) -> str:
    """Crude English stem (two rounds of suffix stripping, stem ≥ 3 letters)."""
    for _ in range(2):
        for suf in _DERIVATIONAL:
            if key.endswith(suf) and len(key) - len(suf) >= 3:
                key = key[: -len(suf)]
                break
    return key


def _drop_contained(matches: Sequence[Match]) -> list[Match]:
    """Keep a match unless another covers its span and is longer — or, on the same span, is
    the longer glossary form (``Genesungsbegleiter`` beats ``Genesung`` found inside it)."""
    keep = []
    for m in matches:
        span = m.end - m.start
        covered = any(
            o is not m and o.start <= m.start and m.end <= o.end
            and ((o.end - o.start) > span or ((o.end - o.start) == span and o.size > m.size))
            for o in matches
        )
        if not covered:
            keep.append(m)
    return keep
