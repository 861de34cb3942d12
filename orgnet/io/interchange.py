"""What the interchange formats (UCINET DL, Pajek) share: the people beside the network file.

UCINET upper-cases labels and cuts them at 18 characters, so orgnet writes person ids as labels
and carries names and every other attribute in ``<file>.people.csv`` beside the network file;
reading picks that file up when it is there.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from orgnet.errors import InputError, Problem, Said
from orgnet.io.atomic import replacing
from orgnet.io.tables import RawTable
from orgnet.io.text import read_csv_text, write_csv
from orgnet.model import OrgNetwork

KIND_OF_PATTERN = {"solid": "formal", "dashed": "informal"}


def attributes_path(path: Path) -> Path:
    return path.with_name(path.name + ".people.csv")


def people_table(path: Path, ids: list[str], name: str) -> RawTable:
    """The people: from the attribute file if present (checked against the labels), else ids only."""
    side = attributes_path(path)
    if side.exists():
        frame = read_csv_text(side, str(side))
        known = set(frame["id"].dropna().astype(str).str.strip()) if "id" in frame else set()
        missing = [person for person in ids if person not in known]
        if missing:  # a person of the network file would vanish: refuse instead
            shown = ", ".join(missing[:10]) + (" …" if len(missing) > 10 else "")
            raise InputError([Problem(str(side), Said("error.io.people_not_in_side_file", n=len(missing), file=name, people=shown))])
        return RawTable(str(side), frame)
    frame = pd.DataFrame({"id": ids})
    frame.index = pd.RangeIndex(1, len(frame) + 1, name="row")
    return RawTable(f"{name} (vertices)", frame)


def write_with_people(network: OrgNetwork, path: Path, text: str, *, encoding: str) -> list[Path]:
    """Write the ties file ``path`` and the people beside it, as one set (both or neither)."""
    side = attributes_path(path)
    with replacing(path, side) as (ties_part, people_part):
        ties_part.write_text(text, encoding=encoding)
        write_csv(network.people.reset_index(), people_part)
    return [path, side]


def check_labels(network: OrgNetwork, path: Path) -> None:
    """Refuse ids and relations that the format cannot quote, rather than change them."""
    texts = [*map(str, network.people.index), *map(str, network.ties["relation"].unique())]
    bad = [text for text in texts if '"' in text or "\n" in text]
    if bad:
        raise InputError([Problem(str(path), Said("error.io.label_cannot_be_written", label=text)) for text in bad])


def tie_rows(network: OrgNetwork) -> pd.DataFrame:
    ties = network.ties
    weight = ties["weight"].astype("float64")
    return ties.assign(weight_text=[f"{w:g}" for w in weight])
