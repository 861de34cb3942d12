"""UCINET DL: ``fullmatrix``, ``edgelist1`` and ``nodelist1``, labels embedded or listed.

The header keywords may stand on one line with commas, as R's ``write.dl`` writes them
(``dl n=4, format=edgelist1, labels embedded``), or on several. orgnet writes ``edgelist1`` with
the person ids under ``labels:`` and vertex numbers in the data, one matrix per relation
(``nm=`` with ``matrix labels:`` such as ``"advice (informal)"``, matrices separated by ``!``),
and the names beside the file (see :mod:`orgnet.io.interchange`).
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pandas as pd

from orgnet.errors import InputError, Problem, Said
from orgnet.io.interchange import check_labels, people_table, tie_rows, write_with_people
from orgnet.io.tables import RawTable
from orgnet.io.text import decode
from orgnet.model import OrgNetwork

FORMATS = ("fullmatrix", "edgelist1", "nodelist1")
_SECTION = re.compile(r"^\s*(row labels|column labels|col labels|matrix labels|labels)\s*:\s*(.*)$", re.IGNORECASE)
_RELATION = re.compile(r"^(.*?)\s*\((formal|informal)\)\s*$")


def read_dl_tables(path: Path, name: str) -> tuple[RawTable, RawTable]:
    lines = decode(path.read_bytes(), name).splitlines()
    header, sections, data, data_start = [], {}, [], None
    current = None
    for number, line in enumerate(lines, start=1):
        if data_start is not None:
            data.append((number, line))
            continue
        stripped = line.strip()
        lower = stripped.lower()
        if lower.startswith("data:"):
            data_start = number
            rest = stripped[5:].strip()
            if rest:
                data.append((number, rest))
            continue
        section = _SECTION.match(stripped)
        if section:
            current = section.group(1).lower()
            sections[current] = _labels(section.group(2))
            continue
        if current:
            sections[current] += _labels(stripped)
        else:
            header.append((number, stripped))
    problems: list[Problem] = []
    keywords = " ".join(text for _, text in header)
    if not keywords.lower().startswith("dl"):
        raise InputError([Problem(name, Said("error.io.dl_not_dl"), row=header[0][0] if header else 1)])
    if data_start is None:
        raise InputError([Problem(name, Said("error.io.dl_no_data"))])
    settings = dict(re.findall(r"(\w+)\s*=\s*([\w.]+)", keywords.lower()))
    embedded = "labels embedded" in keywords.lower()
    fmt = settings.get("format", "fullmatrix")
    if fmt not in FORMATS:
        raise InputError([Problem(name, Said("error.io.dl_format", format=fmt, formats=", ".join(FORMATS)), row=1)])
    if "nr" in settings or "nc" in settings or "column labels" in sections or "col labels" in sections:
        raise InputError([Problem(name, Said("error.io.dl_two_mode"), row=1)])
    try:
        n = int(settings["n"])
        matrices = int(settings.get("nm", 1))
    except (KeyError, ValueError):
        raise InputError([Problem(name, Said("error.io.dl_needs_n"), row=1)]) from None
    labels = sections.get("labels") or sections.get("row labels") or []
    if labels and len(labels) != n:
        problems.append(Problem(name, Said("error.io.dl_labels_count", labels=len(labels), size=str(n))))
    relations = sections.get("matrix labels") or (["tie"] if matrices == 1 else [f"relation{i}" for i in range(1, matrices + 1)])
    if len(relations) != matrices:
        problems.append(Problem(name, Said("error.io.dl_matrix_labels_count", labels=len(relations), matrices=str(matrices))))
    if problems:
        raise InputError(problems)

    blocks = _blocks(data, matrices, fmt, name)
    ids = list(labels) if labels else []
    ties, rows = [], []
    for relation, block in zip(relations, blocks):
        relation_name, kind = _relation(relation)
        for number, source, target, weight in _read_block(block, fmt, embedded, n, ids, name, problems):
            ties.append((source, target, weight, relation_name, kind))
            rows.append(number)
    if problems:
        raise InputError(problems)
    if not ids:
        ids = [str(i) for i in range(1, n + 1)]
    elif len(ids) > n:
        raise InputError([Problem(name, Said("error.io.dl_data_labels_count", labels=len(ids), size=str(n)))])
    frame = pd.DataFrame(ties, columns=["source", "target", "weight", "relation", "kind"]).dropna(axis=1, how="all")
    frame.index = pd.Index(rows, name="row")
    return people_table(path, ids, name), RawTable(f"{name} (data)", frame)


def _labels(text: str) -> list[str]:
    if not text.strip():
        return []
    fields = next(csv.reader([text], skipinitialspace=True))
    return [word for field in fields for word in ([field.strip()] if " " not in field.strip() or '"' in text else field.split())]


def _relation(label: str) -> tuple[str, str | None]:
    match = _RELATION.match(label)
    return (match.group(1), match.group(2)) if match else (label, None)


def _blocks(data: list[tuple[int, str]], matrices: int, fmt: str, name: str) -> list[list[tuple[int, str]]]:
    blocks: list[list[tuple[int, str]]] = [[]]
    for number, line in data:
        if line.strip() == "!":
            blocks.append([])
        elif line.strip():
            blocks[-1].append((number, line))
    if matrices > 1 and len(blocks) != matrices:
        raise InputError([Problem(name, Said("error.io.dl_matrices_count", matrices=str(matrices), found=len(blocks)))])
    return blocks


def _read_block(block, fmt, embedded, n, ids, name, problems):
    def vertex(token: str, number: int):
        if embedded:
            if token not in ids:
                ids.append(token)
            return token
        if not token.isdigit() or not 1 <= int(token) <= n:
            problems.append(Problem(name, Said("error.io.dl_vertex", vertex=token, most=n), row=number, value=token))
            return None
        return ids[int(token) - 1] if ids else token

    if fmt == "fullmatrix":
        rows = block
        columns = None
        if embedded and rows:
            columns = _labels(rows[0][1].replace("\t", " ")) if "," in rows[0][1] else rows[0][1].split()
            for label in columns:
                if label not in ids:
                    ids.append(label)
            rows = rows[1:]
        if len(rows) != n:
            problems.append(Problem(name, Said("error.io.dl_matrix_rows", rows=len(rows), size=str(n)), row=rows[-1][0] if rows else None))
            return
        for i, (number, line) in enumerate(rows):
            values = line.replace(",", " ").split()
            ego = values.pop(0) if embedded else None
            if len(values) != n:
                problems.append(Problem(name, Said("error.io.dl_row_values", values=len(values), size=str(n)), row=number))
                continue
            source = ego if embedded else (ids[i] if ids else str(i + 1))
            for j, value in enumerate(values):
                try:
                    weight = float(value)
                except ValueError:
                    problems.append(Problem(name, Said("error.io.dl_not_a_number", value=value), row=number, value=value))
                    continue
                if weight != 0:
                    target = columns[j] if columns else (ids[j] if ids else str(j + 1))
                    yield number, source, target, weight
        return
    for number, line in block:
        tokens = line.replace(",", " ").split()
        if fmt == "edgelist1":
            if len(tokens) not in (2, 3):
                problems.append(Problem(name, Said("error.io.dl_edgelist_values", found=len(tokens), line=line.strip()), row=number))
                continue
            source, target = vertex(tokens[0], number), vertex(tokens[1], number)
            try:
                weight = float(tokens[2]) if len(tokens) == 3 else 1.0
            except ValueError:
                problems.append(Problem(name, Said("error.io.weight_not_a_number", weight=tokens[2]), row=number, value=tokens[2]))
                continue
            if source is not None and target is not None:
                yield number, source, target, weight
        else:
            ego = vertex(tokens[0], number)
            for token in tokens[1:]:
                alter = vertex(token, number)
                if ego is not None and alter is not None:
                    yield number, ego, alter, 1.0


def write_dl(network: OrgNetwork, path: Path) -> list[Path]:
    """Write ``path`` (.dl, edgelist1, one matrix per relation) and the people beside it."""
    check_labels(network, path)
    ids = list(network.people.index)
    number = {person: i for i, person in enumerate(ids, start=1)}
    ties = tie_rows(network)
    groups = list(ties.groupby(["relation", "kind"], sort=True)) or [(("tie", "informal"), ties)]
    lines = [f"dl n={len(ids)}, nm={len(groups)}, format=edgelist1", "labels:", ", ".join(_quote(p) for p in ids), "matrix labels:",
             ", ".join(_quote(f"{relation} ({kind})") for (relation, kind), _ in groups), "data:"]
    for k, (_, group) in enumerate(groups):
        if k:
            lines.append("!")
        lines += [f"{number[s]} {number[t]} {w}" for s, t, w in zip(group["source"], group["target"], group["weight_text"])]
    return write_with_people(network, path, "\n".join(lines) + "\n", encoding="utf-8")


def _quote(text: object) -> str:
    text = str(text)
    return f'"{text}"' if re.search(r"[\s,]", text) else text
