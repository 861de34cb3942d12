"""A personal network profile: one self-contained page per person, to hand to that person alone.

Each page shows her contacts by layer beside her peers' median and her percentile among them
(peers: the same role and level; a group under ``k`` is not compared), her own ego network
(her contacts and the ties among them) drawn offline with vis-network, her flags written to
her, her top suggested contacts, and reflection questions from the handbook's purposes of a
network. Nothing about anyone else is on it beyond her contacts' and suggested contacts' names,
organisations and roles: no one else's figures, flags, ids or other attributes.

Every figure is computed here; the jinja2 template (autoescaping on) only places them, and the
page's Content-Security-Policy allows only its own nonce'd scripts and no request at all.
"""

from __future__ import annotations

import hashlib
import random
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import igraph as ig
import numpy as np
import pandas as pd
from markupsafe import Markup

import orgnet.profiles
from orgnet.analysis import Analysis
from orgnet.errors import OrgnetError
from orgnet.i18n import format_number
from orgnet.io.atomic import replacing
from orgnet.layers import ALL, QUADRANTS, degree_column
from orgnet.metrics.centrality import Progress, degrees
from orgnet.metrics.cohesion import cut_off
from orgnet.pages import render
from orgnet.profiles import wording
from orgnet.suggestions.suggest import suggest_contacts, unknown_person
from orgnet.texts import check_lang, texts
from orgnet.texts.labels import level_label, peer_group, role_label
from orgnet.viz.interactive import VIS_VERSION, safe_json
from orgnet.viz.style import SCOPE_COLOURS

MAX_STEM_BYTES = 120  # a page name's stem in UTF-8 bytes; the file system allows 255 for the whole name
CUT_BYTES = 100  # what is kept of a longer stem, before the hash
WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}

LAYER_COLUMNS = tuple(degree_column(layer) for layer in (ALL, *QUADRANTS))
ME_COLOUR = "#1B4F72"


@dataclass
class Profiles:
    """What :func:`write_profiles` wrote."""

    pages: dict[str, Path]  # person id → page
    index: Path
    pdfs: dict[str, Path]


def default_persons(analysis: Analysis) -> list[str]:
    """Every leader (``role`` = leader), or everyone when the data has no leaders."""
    people = analysis.network.people
    if "role" in people and (people["role"] == "leader").any():
        return list(people.index[people["role"] == "leader"])
    return list(people.index)


def write_profiles(
    analysis: Analysis,
    output: Path,
    *,
    persons: list[str] | None = None,
    suggestions: int = 3,
    pdf: bool = False,
    progress: Progress | None = None,
) -> Profiles:
    """Write ``output/<id>.html`` for each person and ``output/index.html`` listing them.

    The language and the smallest peer group compared (``k``) are the analysis's. With ``pdf``,
    each page is also printed to ``output/<id>.pdf`` by headless Chromium.
    """
    lang, k = analysis.lang, analysis.k
    check_lang(lang)
    network = analysis.network
    people = network.people
    persons = default_persons(analysis) if persons is None else list(dict.fromkeys(persons))
    unknown = [person for person in persons if person not in people.index]
    if unknown:
        raise OrgnetError(unknown_person(unknown))
    output = Path(output)

    layer_degrees = degrees(network, analysis.graph, layers=QUADRANTS)[list(LAYER_COLUMNS)]
    peers = _peer_figures(people, layer_degrees, k)
    flags = analysis.flags
    flags = flags[flags["id"].isin(persons)]
    bottlenecks = flags.loc[flags["flag"] == "bottleneck", "id"].tolist()
    cut_off_by = dict(zip(bottlenecks, cut_off(analysis.graph, bottlenecks)[0])) if bottlenecks else {}
    bagland = analysis.bagland
    suggested = suggest_contacts(network, persons, n=suggestions, lang=lang, graph=analysis.graph) if suggestions else None
    neighbours = _neighbour_lists(analysis)
    files = _file_names(persons)
    assets = _assets()
    words = texts(lang)

    rendered = {}
    for done, person in enumerate(persons, start=1):
        contacts = neighbours[people.index.get_loc(person)]
        page = render(
            "profile.html.j2",
            lang=lang,
            k=k,
            me=_person(people, person, lang),
            layers=_layer_rows(person, layer_degrees, peers, words, lang),
            chart=_chart(person, layer_degrees, peers, words),
            comparison=_comparison_note(person, people, peers, words, lang, k),
            ego=safe_json(_ego_drawing(network, person, contacts, lang, analysis.seed)),
            contacts=len(contacts),
            flags=wording.personal_flags(person, flags, bagland, people, set(people.index[contacts]), peers, lang, k, cut_off=cut_off_by),
            suggestions=_suggestion_rows(suggested, person),
            questions=wording.questions(lang),
            **assets,
        )
        rendered[person] = page
        if progress:
            progress("profiles", done, len(persons))

    index = output / "index.html"
    rows = [{"file": files[p], **_person(people, p, lang)} for p in persons]
    listing = render("profiles.html.j2", lang=lang, k=k, rows=rows)
    pages = {person: output / files[person] for person in persons}
    with replacing(*pages.values(), index) as parts:  # every page and the list of them as one set
        for text, part in zip([*rendered.values(), listing], parts):
            part.write_text(text, encoding="utf-8")
    pdfs = {}
    if pdf:
        from orgnet.profiles.pdf import print_pages

        pdfs = print_pages(pages, progress=progress)
    return Profiles(pages, index, pdfs)


# --- figures -----------------------------------------------------------------------------------


def _peer_figures(people: pd.DataFrame, layer_degrees: pd.DataFrame, k: int) -> pd.DataFrame:
    """Per person: the size of her peer group (same role and level) and, per layer, the group's
    median and her percentile (the share of peers with as many contacts as her or fewer)."""
    key = pd.Series("", index=people.index)
    for column in ("role", "level"):
        if column in people:
            key = key + "|" + people[column].astype("object").fillna("—").astype(str)
    grouped = layer_degrees.groupby(key)
    figures = pd.DataFrame({"peers": grouped["degree"].transform("size")}, index=people.index)
    for column in LAYER_COLUMNS:
        figures[f"median_{column}"] = grouped[column].transform("median")
        figures[f"percentile_{column}"] = grouped[column].rank(method="max", pct=True)
    figures["shown"] = figures["peers"] >= k
    return figures


def _layer_rows(person, layer_degrees, peers, words, lang) -> list[dict]:
    row = peers.loc[person]
    return [
        {
            "label": words.t(f"profile.layer_{column}"),
            "value": format_number(layer_degrees.at[person, column], lang),
            "median": format_number(row[f"median_{column}"], lang, digits=None) if row["shown"] else None,
            "percentile": format_number(row[f"percentile_{column}"], lang, percent=True) if row["shown"] else None,
        }
        for column in LAYER_COLUMNS
    ]


def _chart(person, layer_degrees, peers, words) -> dict:
    """Bars for her contacts per layer, with a tick at the peers' median (SVG coordinates)."""
    row = peers.loc[person]
    values = [float(layer_degrees.at[person, c]) for c in LAYER_COLUMNS[1:]]
    medians = [float(row[f"median_{c}"]) if row["shown"] else None for c in LAYER_COLUMNS[1:]]
    top = max([1.0, *values, *(m for m in medians if m is not None)])
    width, label_width, height = 260.0, 230.0, 26.0
    bars = [
        {
            "label": words.t(f"profile.layer_{c}"),
            "y": i * height,
            "width": round(width * value / top, 2),
            "value": f"{value:g}",
            "median_x": None if median is None else round(label_width + width * median / top, 2),
        }
        for i, (c, value, median) in enumerate(zip(LAYER_COLUMNS[1:], values, medians))
    ]
    return {"bars": bars, "label_width": label_width, "height": height * len(bars) + 10, "total": label_width + width + 40}


def _comparison_note(person, people, peers, words, lang, k) -> str:
    role = people.at[person, "role"] if "role" in people else None
    level = people.at[person, "level"] if "level" in people else None
    if not peers.at[person, "shown"]:
        return words.t("profile.peers_suppressed", group=peer_group(role, level, lang), k=k)
    return words.t("profile.peers_compared", group=peer_group(role, level, lang, n=int(peers.at[person, "peers"])))


def _person(people: pd.DataFrame, person, lang: str) -> dict:
    value = lambda column: None if column not in people or pd.isna(people.at[person, column]) else people.at[person, column]  # noqa: E731
    return {
        "id": person,
        "name": value("name") or person,
        "organisation": value("organisation"),
        "role": role_label(value("role"), lang) if value("role") is not None else None,
        "level": level_label(value("level"), lang) if value("level") is not None else None,
    }


def _suggestion_rows(table: pd.DataFrame | None, person) -> list[dict]:
    if table is None or not len(table):
        return []
    mine = table[table["person"] == person]
    return [
        {"name": row["suggested_name"], "organisation": row["suggested_organisation"], "reason": row["reason"]}
        for row in mine.to_dict(orient="records")
    ]


# --- the ego network ---------------------------------------------------------------------------


def _neighbour_lists(analysis: Analysis) -> list[np.ndarray]:
    adjacency = analysis.graph.adjacency
    return [adjacency.indices[adjacency.indptr[i] : adjacency.indptr[i + 1]] for i in range(analysis.graph.n)]


def _ego_drawing(network, person, contacts: np.ndarray, lang: str, seed: int) -> dict:
    """Her and her contacts (names, organisations, roles only) and the ties among them.

    Nodes are numbered 0 (her), 1, 2 …, so no other person's id is on the page.
    """
    people = network.people
    ids = [person, *people.index[contacts]]
    number = {pid: i for i, pid in enumerate(ids)}
    ties = network.ties
    inside = ties[ties["source"].isin(number) & ties["target"].isin(number)]
    first = inside["source"].map(number).to_numpy()
    second = inside["target"].map(number).to_numpy()
    pairs = pd.DataFrame({"a": np.minimum(first, second), "b": np.maximum(first, second), "kind": inside["kind"].to_numpy(), "scope": inside["scope"].to_numpy()})
    pairs = pairs.drop_duplicates(["a", "b", "kind"])
    positions = _layout(len(ids), pairs[["a", "b"]].drop_duplicates().to_numpy(), seed)
    organisation = people["organisation"] if "organisation" in people else pd.Series(None, index=people.index, dtype="object")
    mine = organisation.get(person)
    nodes = []
    for i, pid in enumerate(ids):
        details = _person(people, pid, lang)
        same = mine is not None and not pd.isna(mine) and organisation.get(pid) == mine
        nodes.append(
            {
                "id": i,
                "label": str(details["name"]),
                "x": float(positions[i, 0]),
                "y": float(positions[i, 1]),
                "color": ME_COLOUR if i == 0 else SCOPE_COLOURS["internal" if same else "external"],
                "size": 22 if i == 0 else 12,
                "info": [str(details["name"]), *(str(details[key]) for key in ("organisation", "role") if details[key] is not None)],
            }
        )
    edges = [
        {"from": int(a), "to": int(b), "dashes": kind == "informal", "color": SCOPE_COLOURS.get(scope, SCOPE_COLOURS["unknown"])}
        for a, b, kind, scope in pairs.itertuples(index=False)
    ]
    return {"nodes": nodes, "edges": edges}


def _layout(n: int, edges: np.ndarray, seed: int) -> np.ndarray:
    """Her in the middle, her contacts evenly on a circle around her, in the order a
    Fruchterman–Reingold layout (seeded) puts them, so that contacts who know each other sit
    together and every name stays readable."""
    if n == 1:
        return np.zeros((1, 2))
    graph = ig.Graph(n=n, edges=edges.tolist(), directed=False)
    ig.set_random_number_generator(random.Random(seed))
    try:
        coords = np.asarray(graph.layout_fruchterman_reingold(niter=300).coords, dtype=float)
    finally:
        ig.set_random_number_generator(random)
    coords -= coords[0]
    order = np.argsort(np.arctan2(coords[1:, 1], coords[1:, 0]), kind="stable")
    angles = np.empty(n - 1)
    angles[order] = np.linspace(0, 2 * np.pi, n - 1, endpoint=False)
    radius = max(140.0, (n - 1) * 70.0 / (2 * np.pi))
    return np.vstack([[0.0, 0.0], np.column_stack([np.cos(angles), np.sin(angles)]) * radius])


# --- files -------------------------------------------------------------------------------------


def _file_names(persons: list[str]) -> dict[str, str]:
    """``<id>.html``; characters a file name cannot hold become ``_``, a long id is cut and given
    a hash of the whole id, and clashes get a number.

    File systems allow 255 bytes per name: an id of any length must still give a page (a
    300-character id once ended in "File name too long"). The stem is kept to ``MAX_STEM_BYTES``
    of UTF-8, so the name with its hash, number and ``.html`` stays far below the limit.
    """
    names, used = {}, {"index"}
    for person in persons:
        stem = re.sub(r"[^\w.-]", "_", str(person)).strip(".") or "person"
        if len(stem.encode("utf-8")) > MAX_STEM_BYTES:
            cut = stem.encode("utf-8")[:CUT_BYTES].decode("utf-8", errors="ignore")
            stem = f"{cut}-{hashlib.sha256(str(person).encode('utf-8')).hexdigest()[:12]}"
        if stem.split(".")[0].upper() in WINDOWS_RESERVED:
            stem = f"_{stem}"
        candidate, count = stem, 1
        while candidate.lower() in used:
            count += 1
            candidate = f"{stem}-{count}"
        used.add(candidate.lower())
        names[person] = f"{candidate}.html"
    return names


def _assets() -> dict:
    root = resources.files("pyvis").joinpath("lib", VIS_VERSION)
    script = resources.files(orgnet.profiles).joinpath("templates", "ego.js").read_text(encoding="utf-8")
    return {
        "vis_js": Markup(root.joinpath("vis-network.min.js").read_text(encoding="utf-8")),
        "vis_css": Markup(root.joinpath("vis-network.css").read_text(encoding="utf-8")),
        "ego_js": Markup(script),
    }

