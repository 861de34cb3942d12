"""Pajek ``.net``: ``*Vertices``, ``*Arcs`` / ``*Edges``, quoted labels, ``%`` comments.

Pajek reads UTF-8 only with a byte-order mark, so one is written. Each arc carries its weight,
its relation as the line label (``l "advice"``) and its kind as the line pattern Pajek draws
(``p Solid`` formal, ``p Dashed`` informal — as orgnet's graph draws them). Lines of an
``*Edges`` section are read as two ties, one each way.
"""

from __future__ import annotations

import shlex
from pathlib import Path

import pandas as pd

from orgnet.errors import InputError, Problem, Said
from orgnet.io.interchange import KIND_OF_PATTERN, check_labels, people_table, tie_rows, write_with_people
from orgnet.io.tables import RawTable
from orgnet.io.text import decode
from orgnet.model import OrgNetwork


def read_pajek_tables(path: Path, name: str) -> tuple[RawTable, RawTable]:
    text = decode(path.read_bytes(), name)
    problems: list[Problem] = []
    labels: dict[int, str] = {}
    ties, rows = [], []
    section, count = None, None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("%"):
            continue
        if line.startswith("*"):
            words = line.split()
            section = words[0].lower()
            if section == "*vertices":
                try:
                    count = int(words[1])
                except (IndexError, ValueError):
                    problems.append(Problem(name, Said("error.io.pajek_vertices_count", line=line), row=number))
                    count = 0
            elif section in ("*arcs", "*edges"):
                pass
            elif section in ("*arcslist", "*edgeslist", "*matrix", "*network", "*partition", "*vector"):
                if section == "*network":
                    continue
                problems.append(Problem(name, Said("error.io.pajek_section_not_read", section=words[0]), row=number))
                section = None
            else:
                problems.append(Problem(name, Said("error.io.pajek_unknown_section", section=words[0]), row=number))
                section = None
            continue
        try:
            fields = shlex.split(line, posix=True)
        except ValueError as exc:
            problems.append(Problem(name, Said("error.io.pajek_cannot_read", line=line, reason=str(exc)), row=number))
            continue
        if section == "*vertices":
            if not fields[0].isdigit() or not 1 <= int(fields[0]) <= (count or 0):
                problems.append(Problem(name, Said("error.io.pajek_vertex_number", vertex=fields[0], most=count), row=number, value=fields[0]))
                continue
            labels[int(fields[0])] = fields[1] if len(fields) > 1 else fields[0]
        elif section in ("*arcs", "*edges"):
            tie = _tie(fields, number, name, count or 0, problems)
            if tie is not None:
                ties.append(tie)
                rows.append(number)
                if section == "*edges":
                    ties.append({**tie, "source": tie["target"], "target": tie["source"]})
                    rows.append(number)
        else:
            problems.append(Problem(name, Said("error.io.pajek_outside_section", line=line), row=number))
    if count is None:
        problems.append(Problem(name, Said("error.io.pajek_no_vertices")))
    if problems:
        raise InputError(problems)
    ids = [labels.get(i, str(i)) for i in range(1, count + 1)]
    frame = pd.DataFrame(ties, columns=["source", "target", "weight", "relation", "kind"])
    frame["source"] = frame["source"].map(lambda i: ids[i - 1])
    frame["target"] = frame["target"].map(lambda i: ids[i - 1])
    frame["relation"] = frame["relation"].fillna("tie")  # a line without a label: see orgnet.toml [relations]
    frame = frame.dropna(axis=1, how="all")
    frame.index = pd.Index(rows, name="row")
    return people_table(path, ids, name), RawTable(f"{name} (arcs)", frame)


def _tie(fields: list[str], number: int, name: str, count: int, problems: list[Problem]) -> dict | None:
    if len(fields) < 2 or not fields[0].isdigit() or not fields[1].isdigit():
        problems.append(Problem(name, Said("error.io.pajek_arc_vertices", found=" ".join(fields)), row=number))
        return None
    source, target = int(fields[0]), int(fields[1])
    for vertex in (source, target):
        if not 1 <= vertex <= count:
            problems.append(Problem(name, Said("error.io.pajek_vertex", vertex=vertex, most=count), row=number, value=vertex))
            return None
    tie = {"source": source, "target": target, "weight": None, "relation": None, "kind": None}
    rest = fields[2:]
    if rest and rest[0] not in ("l", "p", "c", "w"):
        tie["weight"] = rest.pop(0)
    while len(rest) >= 2:
        key, value = rest.pop(0), rest.pop(0)
        if key == "l":
            tie["relation"] = value
        elif key == "p":
            tie["kind"] = KIND_OF_PATTERN.get(value.lower(), value)
    return tie


def write_pajek(network: OrgNetwork, path: Path) -> list[Path]:
    """Write ``path`` (.net, UTF-8 with BOM) and the people beside it."""
    check_labels(network, path)
    ids = list(network.people.index)
    number = {person: i for i, person in enumerate(ids, start=1)}
    lines = [f"% written by orgnet: {len(ids)} people, {len(network.ties)} ties", f"*Vertices {len(ids)}"]
    lines += [f"{i} {_quote(person)}" for i, person in enumerate(ids, start=1)]
    lines.append("*Arcs")
    ties = tie_rows(network)
    pattern = {"formal": "Solid", "informal": "Dashed"}
    lines += [f"{number[s]} {number[t]} {w} l {_quote(r)} p {pattern[k]}"
              for s, t, w, r, k in zip(ties["source"], ties["target"], ties["weight_text"], ties["relation"], ties["kind"])]
    return write_with_people(network, path, "\n".join(lines) + "\n", encoding="utf-8-sig")


def _quote(text: object) -> str:
    return f'"{text}"'
