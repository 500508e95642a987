"""REFI-QDA project exchange (``.qdpx``): the signed-off English transcripts for any QDA tool.

The file is a ZIP holding ``project.qde`` (UTF-8 XML, namespace ``urn:QDA-XML:project:1.0``,
valid against the REFI-QDA Project schema of 18 March 2019) and a flat, lowercase ``sources/``
folder (ATLAS.ti rejects ``Sources/``). It contains:

* ``Users``: one per reviewer of ``transqa.toml`` (and one for transqa itself, the creator);
* ``Variables`` (document variables): ``site``, ``source_language``, ``translator``,
  ``signoff_state``, with a ``VariableValue`` on every source;
* ``Sources``: one ``TextSource`` per transcript, the analysis transcript of
  :mod:`transqa.exports.analysis` stored as ``sources/<GUID>.txt`` and referenced as
  ``plainTextPath="internal://<GUID>.txt"``;
* ``Notes``: per transcript a note with its sign-off record (printed name, role, decision,
  meaning, UTC time, content hash), linked from the source by ``NoteRef`` (tools show it as a memo).

Offset traps avoided: the text files are UTF-8 **without BOM** and use **one** line ending
throughout (LF by default, CRLF with ``newline="\\r\\n"`` for MAXQDA, whose offsets assume
CRLF); no ``PlainTextSelection`` is written, so no character offsets can be miscounted (if
selections are added, count Unicode code points from 0, end exclusive — REFI-QDA §10.2).
GUIDs are stable (uuid5 of study and transcript), so a re-export replaces rather than duplicates.
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime, timezone
from pathlib import Path

from transqa import __version__
from transqa.exports import analysis
from transqa.exports.common import language_name, signoff_line, stable_guid
from transqa.exports.study import Item, Study
from transqa.fsutil import atomic_write_bytes

NS = "urn:QDA-XML:project:1.0"
VARIABLES = ("site", "source_language", "translator", "signoff_state")


def _now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def signoff_note(item: Item) -> str:
    lines = [f"Translation sign-off record for {item.id} (review state {item.state})",
             f"content sha256 {item.content_sha256}"]
    current = [s for s in item.signoffs if s.current]
    if current:
        lines += [signoff_line(s) for s in current]
    else:
        lines.append("no sign-off recorded on the current content")
    older = [s for s in item.signoffs if not s.current]
    if older:
        lines.append("earlier sign-offs on content that has since changed:")
        lines += [signoff_line(s) for s in older]
    return "\n".join(lines)


def _values(item: Item, study: Study) -> dict[str, str]:
    return {"site": item.site_code, "source_language": item.source_lang or "",
            "translator": item.spec.translator or "", "signoff_state": item.state}


def build_qde(study: Study, items: list[Item], texts: dict[str, str]) -> bytes:
    """``project.qde`` for ``items``; ``texts`` maps transcript id → source GUID (filled in here)."""
    from lxml import etree

    def sub(parent, tag, text=None, **attrs):
        el = etree.SubElement(parent, f"{{{NS}}}{tag}", {k: v for k, v in attrs.items() if v is not None})
        if text is not None:
            el.text = text
        return el

    pname = study.project.name
    now = _now()
    creator = stable_guid(pname, "user", "transqa")
    root = etree.Element(f"{{{NS}}}Project", {"name": pname, "origin": f"transqa {__version__}",
                                              "creatingUserGUID": creator, "creationDateTime": now},
                         nsmap={None: NS})
    users = sub(root, "Users")
    sub(users, "User", guid=creator, name="transqa export", id="transqa")
    for r in study.project.reviewers.values():
        sub(users, "User", guid=stable_guid(pname, "user", r.id), name=r.name, id=r.id)
    variables = sub(root, "Variables")
    var_guid = {v: stable_guid(pname, "variable", v) for v in VARIABLES}
    for v in VARIABLES:
        sub(variables, "Variable", guid=var_guid[v], name=v, typeOfVariable="Text")
    sources = sub(root, "Sources")
    notes = []
    for it in items:
        guid = stable_guid(pname, "source", it.id)
        note_guid = stable_guid(pname, "note", it.id)
        texts[it.id] = guid
        src = sub(sources, "TextSource", guid=guid, name=f"{it.id}_en", plainTextPath=f"internal://{guid}.txt",
                  creatingUser=creator, creationDateTime=now)
        approvals = it.current_approvals()
        signed = (f"signed off by {' and '.join(s.reviewer_name for s in approvals)}" if it.signed_off
                  else f"NOT signed off (state {it.state})")
        sub(src, "Description", f"English translation of the {language_name(it.source_lang)} transcript "
                                f"{it.id} (site {it.site_code}); {signed}")
        sub(src, "NoteRef", targetGUID=note_guid)
        for v, value in _values(it, study).items():
            vv = sub(src, "VariableValue")
            sub(vv, "VariableRef", targetGUID=var_guid[v])
            sub(vv, "TextValue", value)
        notes.append((it, note_guid))
    if notes:
        notes_el = sub(root, "Notes")
        for it, note_guid in notes:
            note = sub(notes_el, "Note", guid=note_guid, name=f"Translation sign-off {it.id}",
                       creatingUser=creator, creationDateTime=now)
            sub(note, "PlainTextContent", signoff_note(it))
    sub(root, "Description", f"{pname}: signed-off English translations exported by transqa {__version__}")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def build_qdpx(study: Study, items: list[Item], *, newline: str = "\n") -> bytes:
    if newline not in ("\n", "\r\n"):
        raise ValueError("newline must be LF or CRLF")
    guids: dict[str, str] = {}
    qde = build_qde(study, items, guids)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("project.qde", qde)
        for it in items:
            text = analysis.build(it, study).text(newline)
            z.writestr(f"sources/{guids[it.id]}.txt", text.encode("utf-8"))  # no BOM
    return buf.getvalue()


def write(study: Study, items: list[Item], path: Path, *, newline: str = "\n") -> None:
    atomic_write_bytes(path, build_qdpx(study, items, newline=newline))


def read_sources(path: str | Path) -> dict[str, str]:
    """Source name → plain text of a ``.qdpx`` (the ``sources`` folder matched case-insensitively,
    a BOM dropped), for checking what another tool exported or what transqa wrote."""
    from lxml import etree

    with zipfile.ZipFile(path) as z:
        names = {n.lower(): n for n in z.namelist()}
        root = etree.fromstring(z.read(names["project.qde"]), etree.XMLParser(resolve_entities=False, no_network=True))
        out: dict[str, str] = {}
        for ts in root.iter(f"{{{NS}}}TextSource"):
            ref = ts.get("plainTextPath") or ""
            if ref.startswith("internal://"):
                member = names.get(("sources/" + ref[len("internal://"):]).lower())
                if member:
                    out[ts.get("name") or ts.get("guid")] = z.read(member).decode("utf-8-sig")
            else:
                content = ts.find(f"{{{NS}}}PlainTextContent")
                if content is not None:
                    out[ts.get("name") or ts.get("guid")] = content.text or ""
    return out
