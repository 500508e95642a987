"""Reading ``transqa.toml``: the study, its sites, transcripts, reviewers and resources.

Paths in the file are relative to the file itself (the register may live outside the project
folder, which is how good practice keeps it apart from the data). Loading only reads the TOML;
glossaries, the register and allow-lists are read when :meth:`Project.settings` is called.
"""

from __future__ import annotations

import glob
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from transqa.checks.settings import DEFAULT_CODE_PATTERN, DEFAULT_DESCRIPTORS, CheckSettings
from transqa.errors import InputError
from transqa.model.glossary import Glossary

PROJECT_FILE = "transqa.toml"
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")


@dataclass(frozen=True, slots=True)
class Site:
    code: str
    name: str
    language: str


@dataclass(frozen=True, slots=True)
class Reviewer:
    id: str
    name: str
    role: str = ""


@dataclass(frozen=True, slots=True)
class TranscriptSpec:
    """Where one transcript pair lives. Either ``source`` (+ ``translation``) or ``bilingual``."""

    id: str
    site: str | None
    source: Path | None = None
    translation: Path | None = None
    bilingual: Path | None = None
    translator: str | None = None
    source_lang: str | None = None

    @property
    def files(self) -> tuple[Path, ...]:
        return tuple(p for p in (self.source, self.translation, self.bilingual) if p is not None)


@dataclass(slots=True)
class Project:
    root: Path
    file: Path
    name: str
    target_lang: str = "en"
    sites: dict[str, Site] = field(default_factory=dict)
    reviewers: dict[str, Reviewer] = field(default_factory=dict)
    transcripts: list[TranscriptSpec] = field(default_factory=list)
    glossary_paths: tuple[Path, ...] = ()
    register_path: Path | None = None
    allow_paths: tuple[Path, ...] = ()
    allow_terms: tuple[str, ...] = ()
    code_pattern: str = DEFAULT_CODE_PATTERN
    descriptors: tuple[str, ...] = DEFAULT_DESCRIPTORS
    check_options: dict[str, dict[str, Any]] = field(default_factory=dict)
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    database: str | None = None

    def spec(self, transcript_id: str) -> TranscriptSpec:
        for t in self.transcripts:
            if t.id == transcript_id:
                return t
        known = ", ".join(t.id for t in self.transcripts) or "none"
        raise InputError(self.file, f"no transcript {transcript_id!r} in the project (known: {known})")

    def settings(self, *, extra_glossaries: tuple[Path, ...] = (), register: Path | None = None,
                 extra_allow: tuple[Path, ...] = (), redact: bool = False) -> CheckSettings:
        """Load the resources the checks need (glossaries, register, allow-lists)."""
        return build_settings(
            glossaries=self.glossary_paths + tuple(extra_glossaries),
            register=register or self.register_path,
            allow_files=self.allow_paths + tuple(extra_allow),
            allow_terms=self.allow_terms + tuple(self.sites) + tuple(s.name for s in self.sites.values()) + (self.name,),
            code_pattern=self.code_pattern,
            descriptors=self.descriptors,
            options=self.check_options,
            select=self.select,
            ignore=self.ignore,
            redact=redact,
        )


def build_settings(*, glossaries=(), register=None, allow_files=(), allow_terms=(),
                   code_pattern: str = DEFAULT_CODE_PATTERN, descriptors=DEFAULT_DESCRIPTORS,
                   options=None, select=None, ignore=(), redact: bool = False) -> CheckSettings:
    """One place that turns paths and options into :class:`CheckSettings` (CLI and project)."""
    from transqa.readers import read_glossary, read_register

    glossary = Glossary()
    for path in glossaries:
        glossary = glossary.merged(read_glossary(path))
    allow = set(t for t in allow_terms if t)
    for path in allow_files:
        allow.update(_read_allow(Path(path)))
    try:
        re.compile(code_pattern)
    except re.error as e:
        raise InputError(None, f"participant-code pattern {code_pattern!r} is not a valid regular expression: {e}") from None
    return CheckSettings(
        glossary=glossary,
        register=read_register(register) if register else None,
        allow=frozenset(allow),
        code_pattern=code_pattern,
        descriptors=tuple(descriptors),
        options=dict(options or {}),
        select=tuple(select) if select else None,
        ignore=tuple(ignore),
        redact=redact,
    )


def _read_allow(path: Path) -> list[str]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(path, "allow-list not found") from None
    except UnicodeDecodeError as e:
        raise InputError(path, f"allow-list is not UTF-8 ({e.reason} at byte {e.start})") from None
    except OSError as e:
        raise InputError(path, f"cannot read allow-list: {e.strerror}") from None
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


def load_project(path: str | Path) -> Project:
    """Read a project from its folder (holding ``transqa.toml``) or from the TOML file itself."""
    p = Path(path)
    file = p / PROJECT_FILE if p.is_dir() else p
    if not file.exists():
        if p.is_dir():
            raise InputError(p, f"no {PROJECT_FILE} here (create one with 'transqa init {p}')")
        raise InputError(p, "project not found")
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError:
        raise InputError(file, "is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as e:
        raise InputError(file, f"invalid TOML: {e}") from None
    return _parse(file, data)


def _table(file: Path, data: dict[str, Any], key: str) -> dict[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise InputError(file, f"[{key}] must be a table")
    return value


def _list(file: Path, value: Any, what: str) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, (str, dict)):
        return [value]
    if not isinstance(value, list):
        raise InputError(file, f"{what} must be a list")
    return value


def _parse(file: Path, data: dict[str, Any]) -> Project:
    root = file.parent.resolve()

    def rel(value: Any, what: str) -> Path:
        if not isinstance(value, str) or not value.strip():
            raise InputError(file, f"{what} must be a path (a non-empty string)")
        q = Path(value).expanduser()
        return q if q.is_absolute() else (root / q)

    study = _table(file, data, "study")
    name = str(study.get("name") or root.name)
    sites: dict[str, Site] = {}
    for i, s in enumerate(_list(file, data.get("sites"), "[[sites]]"), 1):
        if not isinstance(s, dict) or not s.get("code"):
            raise InputError(file, f"site #{i} needs a 'code'")
        code = str(s["code"])
        sites[code] = Site(code, str(s.get("name", code)), str(s.get("language", "")) or "")

    reviewers: dict[str, Reviewer] = {}
    for i, r in enumerate(_list(file, data.get("reviewers"), "[[reviewers]]"), 1):
        if not isinstance(r, dict) or not r.get("id"):
            raise InputError(file, f"reviewer #{i} needs an 'id'")
        rid = str(r["id"])
        if rid in reviewers:
            raise InputError(file, f"reviewer id {rid!r} is declared twice")
        reviewers[rid] = Reviewer(rid, str(r.get("name", rid)), str(r.get("role", "")))

    transcripts: list[TranscriptSpec] = []
    for i, t in enumerate(_list(file, data.get("transcripts"), "[[transcripts]]"), 1):
        if not isinstance(t, dict):
            raise InputError(file, f"transcript #{i} must be a table")
        transcripts.append(_spec(file, t, i, sites, rel))
    for i, pat in enumerate(_list(file, data.get("patterns"), "[[patterns]]"), 1):
        transcripts.extend(_expand_pattern(file, pat, i, root, sites))
    seen: set[str] = set()
    for t in transcripts:
        if t.id in seen:
            raise InputError(file, f"transcript id {t.id!r} appears twice")
        seen.add(t.id)

    anon = _table(file, data, "anonymisation")
    checks = _table(file, data, "checks")
    store = _table(file, data, "store")
    options = {k: v for k, v in checks.items() if isinstance(v, dict)}
    options.update(_table(file, checks, "options") if "options" in checks else {})
    return Project(
        root=root,
        file=file,
        name=name,
        target_lang=str(study.get("target_lang", "en")),
        sites=sites,
        reviewers=reviewers,
        transcripts=transcripts,
        glossary_paths=tuple(rel(g, "glossary") for g in _list(file, study.get("glossaries"), "study.glossaries")),
        register_path=rel(study["register"], "study.register") if study.get("register") else None,
        allow_paths=tuple(rel(a, "allow file") for a in _list(file, study.get("allow"), "study.allow")),
        allow_terms=tuple(str(a) for a in _list(file, study.get("allow_terms"), "study.allow_terms")),
        code_pattern=str(anon.get("code_pattern", DEFAULT_CODE_PATTERN)),
        descriptors=tuple(str(d) for d in anon.get("descriptors", DEFAULT_DESCRIPTORS)),
        check_options=options,
        select=tuple(checks["select"]) if checks.get("select") else None,
        ignore=tuple(_list(file, checks.get("ignore"), "checks.ignore")),
        database=str(store["database"]) if store.get("database") else None,
    )


def _spec(file: Path, t: dict[str, Any], i: int, sites: dict[str, Site], rel) -> TranscriptSpec:
    tid = str(t.get("id", ""))
    if not tid or not _ID.match(tid):
        raise InputError(file, f"transcript #{i} needs an 'id' of letters, digits, '-', '_' or '.'")
    site = t.get("site")
    if site is not None and sites and site not in sites:
        raise InputError(file, f"transcript {tid!r} names site {site!r}, which is not among [[sites]]")
    if t.get("bilingual"):
        if t.get("source") or t.get("translation"):
            raise InputError(file, f"transcript {tid!r}: give either 'bilingual' or 'source'/'translation', not both")
        src = tr = None
        bil = rel(t["bilingual"], f"transcript {tid} bilingual")
    else:
        if not t.get("source"):
            raise InputError(file, f"transcript {tid!r} needs 'source' (and 'translation') or 'bilingual'")
        src = rel(t["source"], f"transcript {tid} source")
        tr = rel(t["translation"], f"transcript {tid} translation") if t.get("translation") else None
        bil = None
    lang = t.get("source_lang") or t.get("language") or (sites[site].language if site in sites else None)
    translator = t.get("translator")
    return TranscriptSpec(tid, site, src, tr, bil, str(translator) if translator else None, lang or None)


def _expand_pattern(file: Path, pat: Any, i: int, root: Path, sites: dict[str, Site]) -> list[TranscriptSpec]:
    """``[[patterns]] source = "*/*.src.txt"; translation = "{stem}.en.txt"`` → one spec per match.

    ``{stem}`` is the source file name without its language suffix(es), ``{dir}`` its folder; the
    site is the first folder under the project root when it is a declared site code.
    """
    if not isinstance(pat, dict) or not pat.get("source"):
        raise InputError(file, f"pattern #{i} needs a 'source' glob")
    suffix = str(pat.get("source_suffix", ""))
    out = []
    for src in sorted(glob.glob(str(root / pat["source"]))):
        sp = Path(src)
        name = sp.name[: -len(suffix)] if suffix and sp.name.endswith(suffix) else sp.stem.split(".")[0]
        tr = None
        if pat.get("translation"):
            tr = sp.parent / str(pat["translation"]).format(stem=name, dir=sp.parent.name)
        parts = sp.relative_to(root).parts
        site = parts[0] if len(parts) > 1 and parts[0] in sites else pat.get("site")
        lang = pat.get("source_lang") or (sites[site].language if site in sites else None)
        out.append(TranscriptSpec(name, site, sp, tr, None, pat.get("translator"), lang))
    return out
