"""Reading and writing orgnet's data forms: a CSV folder, an Excel workbook, GraphML, GEXF.

``read`` validates once, at the edge, and returns an :class:`~orgnet.model.OrgNetwork`;
``write`` writes any network back in any form, and reading that back loses nothing.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from orgnet.config import Config, load_config
from orgnet.errors import InputError, Problem, Said
from orgnet.io.atomic import replacing
from orgnet.io.dl import read_dl_tables, write_dl
from orgnet.io.excel import read_workbook_tables, write_workbook
from orgnet.io.limits import check_workbook
from orgnet.io.nodexl import nodexl_tables, read_nodexl_tables
from orgnet.io.pajek import read_pajek_tables, write_pajek
from orgnet.io.tables import RawTable, build_network
from orgnet.io.text import read_csv_text, write_csv
from orgnet.io.xml import read_xml_tables, write_xml
from orgnet.model import OrgNetwork

WORKBOOK = (".xlsx",)
XML = (".graphml", ".gexf")
INTERCHANGE = {".dl": (read_dl_tables, write_dl), ".net": (read_pajek_tables, write_pajek)}  # UCINET DL, Pajek
CONFIG_NAME = "orgnet.toml"

__all__ = ["read", "write", "RawTable", "build_network"]


def read(path: str | Path, *, config: Config | str | Path | None = None) -> OrgNetwork:
    """Read and validate a network from a folder of CSVs, an ``.xlsx`` (NodeXL's too), ``.graphml``,
    ``.gexf``, UCINET ``.dl`` or Pajek ``.net``.

    Parameters
    ----------
    path : str or Path
        A folder with ``people.csv`` and ``ties.csv`` (optional ``groups.csv`` and
        ``orgnet.toml``), or a file.
    config : Config, path or None
        ``orgnet.toml`` settings; by default the ``orgnet.toml`` inside a data folder, if any.

    Raises
    ------
    InputError
        Listing every problem found, each with its file, row and value.
    """
    path = Path(path)
    if not path.exists():
        raise InputError([Problem(str(path), _missing(path))])
    if isinstance(config, (str, Path)):
        config = load_config(Path(config)) if Path(config).exists() else _missing_config(Path(config))
    if path.is_dir():
        config = config or load_config(path / CONFIG_NAME)
        return _read_folder(path, config)
    suffix = path.suffix.lower()
    if suffix in WORKBOOK:
        check_workbook(path, str(path))  # before any parser opens it: encrypted, or a zip bomb
    if suffix in WORKBOOK and (nodexl := nodexl_tables(path)):
        people, ties = read_nodexl_tables(path, str(path), nodexl)
        return build_network(people, ties, None, config)
    if suffix in INTERCHANGE:
        people, ties = INTERCHANGE[suffix][0](path, str(path))
        return build_network(people, ties, None, config)
    if suffix in WORKBOOK:
        tables = read_workbook_tables(path, str(path))
        return build_network(tables["people"], tables["ties"], tables.get("groups"), config)
    if suffix in XML:
        people, ties = read_xml_tables(path, str(path))
        return build_network(people, ties, None, config)
    raise InputError(
        [Problem(str(path), Said("error.io.unknown_form", form=path.suffix or path.name))]
    )


LINK_LOOP = Said("error.io.link_loop")


def _missing(path: Path) -> Said:
    """Why a path that does not exist is missing: a link loop is not "not found"."""
    if path.is_symlink():
        try:
            path.resolve(strict=True)
        except RuntimeError:
            return LINK_LOOP
        except OSError:
            return Said("error.io.link_dangling")
    return Said("error.io.no_such_path")


def _missing_config(path: Path) -> Config:
    raise InputError([Problem(str(path), Said("error.io.file_not_found"))])


def _read_folder(folder: Path, config: Config) -> OrgNetwork:
    problems: list[Problem] = []
    tables: dict[str, RawTable] = {}
    for table in ("people", "ties", "groups"):
        file = folder / f"{table}.csv"
        if file.is_symlink() and not file.exists():
            problems.append(Problem(str(file), _missing(file)))
            continue
        if not file.exists():
            if table != "groups":
                problems.append(Problem(str(file), Said("error.io.folder_file_not_found")))
            continue
        try:
            tables[table] = RawTable(str(file), read_csv_text(file, str(file)))
        except InputError as error:
            problems.extend(error.problems)
    if problems:
        raise InputError(problems)
    return build_network(tables["people"], tables["ties"], tables.get("groups"), config)


def tables_for_writing(network: OrgNetwork) -> dict[str, pd.DataFrame]:
    """The three tables as they are written: ``id`` first, ties without derived columns first."""
    people = network.people.reset_index()
    ties = network.ties.copy()
    if (ties["weight"] % 1 == 0).all():  # "1", not "1.0", for people reading the file
        ties["weight"] = ties["weight"].astype("int64")
    tables = {"people": people, "ties": ties}
    if len(network.groups):
        tables["groups"] = network.groups
    return tables


def write(network: OrgNetwork, path: str | Path) -> Path:
    """Write ``network`` as a folder of CSVs (a path without suffix), ``.xlsx``, ``.graphml`` or ``.gexf``."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in WORKBOOK:
        with replacing(path) as (part,):
            write_workbook(tables_for_writing(network), part)
    elif suffix in XML:
        with replacing(path) as (part,):
            write_xml(network, part)
    elif suffix in INTERCHANGE:
        INTERCHANGE[suffix][1](network, path)
    elif suffix == "":
        path.mkdir(parents=True, exist_ok=True)
        tables = tables_for_writing(network)
        with replacing(*(path / f"{table}.csv" for table in tables)) as parts:
            for frame, part in zip(tables.values(), parts):
                write_csv(frame, part)
    else:
        raise InputError([Problem(str(path), Said("error.io.cannot_write_form", form=suffix))])
    return path
