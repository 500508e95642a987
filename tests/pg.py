"""Test support for the review store: a throwaway PostgreSQL server and small review projects.

The server is a fresh cluster in a temporary folder (``initdb`` + ``pg_ctl`` from Debian's
``postgresql`` package, listening only on a Unix socket in that folder, fsync off). As root the
cluster is run as the ``postgres`` user via ``runuser``. ``TRANSQA_TEST_PG_URL`` points the tests at
a server of your own instead. Each test gets its own schema, named in
the URL's ``options=-csearch_path=…``, so tests never see each other's tables.

When no server can be started the PostgreSQL variants are skipped — except in CI (``CI=true``),
where ``.ci/postgres.sh`` installed the server and a skip would hide a broken backend: there
they fail.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
import textwrap
import uuid
from pathlib import Path

import pytest

_SERVER: dict[str, object] = {}


def _bin_dir() -> Path | None:
    env = os.environ.get("TRANSQA_PG_BIN")
    candidates = [env] if env else sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
    for c in candidates:
        if c and (Path(c) / "initdb").exists() and (Path(c) / "pg_ctl").exists():
            return Path(c)
    found = shutil.which("initdb")
    return Path(found).resolve().parent if found else None


def _as_owner(cmd: list[str]) -> list[str]:
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *cmd]
    return cmd


def start_server() -> tuple[str | None, str]:
    """(socket folder, '') when a server runs, else (None, why not). Started once per session."""
    if "socket" in _SERVER:
        return _SERVER["socket"], str(_SERVER.get("why", ""))  # type: ignore[return-value]
    bindir = _bin_dir()
    if bindir is None:
        _SERVER.update(socket=None, why="PostgreSQL binaries (initdb, pg_ctl) not found")
        return None, str(_SERVER["why"])
    if os.geteuid() == 0:
        try:
            import pwd

            pw = pwd.getpwnam("postgres")
        except KeyError:
            _SERVER.update(socket=None, why="running as root and there is no 'postgres' user")
            return None, str(_SERVER["why"])
    base = Path(tempfile.mkdtemp(prefix="transqa-pg-"))
    data = base / "data"
    if os.geteuid() == 0:
        os.chown(base, pw.pw_uid, pw.pw_gid)
    log = base / "server.log"
    try:
        subprocess.run(_as_owner([str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust",
                                  "--no-sync", "-E", "UTF8", "--locale=C"]),
                       check=True, capture_output=True, timeout=120)
        opts = f"-k {base} -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c max_connections=50"
        subprocess.run(_as_owner([str(bindir / "pg_ctl"), "-D", str(data), "-l", str(log), "-o", opts,
                                  "-w", "-t", "60", "start"]),
                       check=True, capture_output=True, timeout=90)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as e:
        detail = getattr(e, "stderr", b"") or b""
        why = f"cannot start PostgreSQL: {e} {detail.decode(errors='replace')[-300:]}"
        shutil.rmtree(base, ignore_errors=True)
        _SERVER.update(socket=None, why=why)
        return None, why
    _SERVER.update(socket=str(base), bindir=str(bindir), data=str(data), why="")
    return str(base), ""


def stop_server() -> None:
    base = _SERVER.get("socket")
    if not base:
        return
    subprocess.run(_as_owner([str(Path(str(_SERVER["bindir"])) / "pg_ctl"), "-D", str(_SERVER["data"]),
                              "-m", "immediate", "stop"]), capture_output=True, timeout=60)
    shutil.rmtree(str(base), ignore_errors=True)
    _SERVER.clear()


def server_or_skip() -> str:
    """The base URL of a server for the tests: ``TRANSQA_TEST_PG_URL`` if set (a server you
    run yourself; tests create and leave schemas ``t_…`` in it), else a throwaway cluster."""
    if os.environ.get("TRANSQA_TEST_PG_URL"):
        return os.environ["TRANSQA_TEST_PG_URL"]
    socket, why = start_server()
    if socket is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"PostgreSQL tests must run in CI: {why}")
        pytest.skip(why)
    return f"postgresql://postgres@/postgres?host={socket}"


def fresh_database_url(base_url: str) -> str:
    """A URL whose connections see only a new, empty schema."""
    import psycopg

    schema = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(base_url, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    return f"{base_url}{'&' if '?' in base_url else '?'}options=-csearch_path%3D{schema}"


# -- small review projects -----------------------------------------------------------------
SOURCE_T1 = [
    "M: Willkommen zu unserer Gruppe heute.",
    "P1: Ich fühle mich oft müde und allein.",
    "P2: Die Arbeit ist sehr schwer für mich.",
    "M: Was hilft Ihnen in solchen Momenten?",
    "P1: Meine Schwester ruft mich jeden Abend an.",
]
TRANSLATION_T1 = [
    "M: Welcome to our group today.",
    "P1: I often feel tired and alone.",
    "P2: The work is very hard for me.",
    "M: What helps you in such moments?",
    "P1: My sister calls me every evening.",
]
SOURCE_T2 = [
    "M: Wie war die letzte Woche für Sie?",
    "P3: Ich war sehr müde nach der Arbeit.",
    "P4: Ich habe wenig geschlafen.",
]
TRANSLATION_T2 = [
    "M: How was last week for you?",
    "P3: I was very sleepy after work.",  # "sleepy" is forbidden for "müde": an error finding
    "P4: I slept little.",
]


def make_project(root: Path, database: str | None = None, *, translator: str = "T. Translator") -> Path:
    """A two-transcript project: T1 clean, T2 with one error-level finding (a forbidden term)."""
    (root / "ULM").mkdir(parents=True, exist_ok=True)
    (root / "ULM" / "t1.de.txt").write_text("\n".join(SOURCE_T1) + "\n", encoding="utf-8")
    (root / "ULM" / "t1.en.txt").write_text("\n".join(TRANSLATION_T1) + "\n", encoding="utf-8")
    (root / "ULM" / "t2.de.txt").write_text("\n".join(SOURCE_T2) + "\n", encoding="utf-8")
    (root / "ULM" / "t2.en.txt").write_text("\n".join(TRANSLATION_T2) + "\n", encoding="utf-8")
    (root / "glossary.csv").write_text("source_term,target_term,source_lang,forbidden_targets\n"
                                       "müde,tired,de,sleepy\n", encoding="utf-8")
    store = f'\n[store]\ndatabase = "{database}"\n' if database else ""
    (root / "transqa.toml").write_text(textwrap.dedent(f"""\
        [study]
        name = "Store test"
        glossaries = ["glossary.csv"]

        [[sites]]
        code = "ULM"
        name = "Ulm"
        language = "de"

        [[reviewers]]
        id = "ak"
        name = "A. Kaya"
        role = "researcher"

        [[reviewers]]
        id = "bm"
        name = "B. Meyer"
        role = "researcher"

        [[reviewers]]
        id = "cn"
        name = "C. Nakato"
        role = "site lead"

        [[reviewers]]
        id = "tt"
        name = "T. Translator"
        role = "translator"

        [[transcripts]]
        id = "T1"
        site = "ULM"
        source = "ULM/t1.de.txt"
        translation = "ULM/t1.en.txt"
        translator = "{translator}"

        [[transcripts]]
        id = "T2"
        site = "ULM"
        source = "ULM/t2.de.txt"
        translation = "ULM/t2.en.txt"
        translator = "tt"
        """) + store, encoding="utf-8")
    return root


# -- fixtures (import them into a test module: ``from pg import database, pg_server``) -----
@pytest.fixture(scope="session")
def pg_server():
    yield server_or_skip()
    stop_server()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database(request) -> str | None:
    """None for the project's local SQLite file, or the URL of a fresh PostgreSQL schema."""
    if request.param == "sqlite":
        return None
    return fresh_database_url(request.getfixturevalue("pg_server"))


def run_cli(argv: list[str]) -> int:
    """``transqa ARGV`` in-process, through the real main() once it knows the store commands."""
    from transqa.cli import main as cli_main

    names = {m.__name__.rsplit(".", 1)[-1] for m in getattr(cli_main, "COMMANDS", ())}
    if {"status", "signoff", "verify"} <= names:
        return cli_main.main(argv)
    import sys

    from transqa.cli import signoff, status, verify
    from transqa.errors import InputError

    parser = cli_main._Parser(prog="transqa")
    sub = parser.add_subparsers(dest="command", parser_class=cli_main._Parser)
    for module in (status, signoff, verify):
        module.add_parser(sub)
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except InputError as e:
        print(f"transqa: {e}", file=sys.stderr)
        return 2
