"""The roster in, an orgnet data folder out: people.csv, ties.csv and the events summary."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

import orgnet
from orgnet.config import Config
from orgnet.errors import InputError, Problem, Said
from orgnet.events.addresses import roster_address
from orgnet.events.aggregate import EventNetwork, aggregate
from orgnet.events.plan import window_rule
from orgnet.events.rules import DEFAULT_KINDS, EventRules
from orgnet.events.sources import events_config, resolve
from orgnet.export import write_table
from orgnet.io.tables import RawTable, build_network
from orgnet.io.text import ROW_OF_FIRST_RECORD, read_csv_text


def read_roster(path: Path, config: Config | None = None) -> tuple[RawTable, pd.DataFrame]:
    """The roster as a people table (validated as any people.csv) and its address → ``id`` map.

    A CSV file, a data folder (its ``people.csv``) or a workbook (its ``people`` sheet, or its only
    sheet). Addresses are keyed as the logs' are (:func:`orgnet.events.addresses.roster_address`),
    so two rows whose addresses differ only in case or Unicode form are refused as one address.
    """
    path = Path(path)
    file = path / "people.csv" if path.is_dir() else path
    frame = _roster_workbook(file) if file.suffix.lower() in (".xlsx", ".xlsm") else read_csv_text(file, str(file))
    rename = (config or Config()).columns.get("people", {})
    frame = frame.rename(columns=rename)
    if "email" not in frame.columns:
        raise InputError([Problem(str(file), Said("error.events.no_email_column", columns=", ".join(frame.columns)))])
    people = RawTable(str(file), frame)
    build_network(people, RawTable(str(file), pd.DataFrame({"source": [], "target": [], "kind": []}, dtype="str")), None, config)
    emails = frame["email"].map(lambda cell: None if pd.isna(cell) else roster_address(str(cell)))
    problems = []
    for address, rows in emails[emails.notna()].groupby(emails[emails.notna()]).groups.items():
        if len(rows) > 1:
            problems.append(Problem(str(file), Said("error.events.email_twice", address=address, people=len(rows), rows=", ".join(map(str, rows))), row=int(rows[0]), column="email", value=address))
    if problems:
        raise InputError(problems)
    mapping = pd.DataFrame({"email": emails, "id": frame["id"].astype("string").str.strip()}).dropna().reset_index(drop=True)
    return people, mapping


def _roster_workbook(file: Path) -> pd.DataFrame:
    """The roster sheet of a workbook (``people``, or the only sheet) as text cells, indexed by row."""
    from orgnet.io.excel import read_sheets

    sheets = read_sheets(file, str(file), advice="; give the roster as a workbook, a CSV file or a data folder", dtype=object)
    by_name = {name.strip().lower(): frame for name, frame in sheets.items()}
    if "people" in by_name:
        frame = by_name["people"]
    elif len(sheets) == 1:
        frame = next(iter(sheets.values()))
    else:
        raise InputError([Problem(str(file), Said("error.events.no_people_sheet", sheets=", ".join(sheets)))])
    frame.columns = [str(column).strip() for column in frame.columns]
    frame = frame.map(_cell_text)
    frame.index = pd.RangeIndex(ROW_OF_FIRST_RECORD, ROW_OF_FIRST_RECORD + len(frame), name="row")
    return frame.dropna(how="all").astype("string")


def _cell_text(value: object) -> object:
    """A cell as the text a CSV export would hold (7.0 from Excel is '7'); empty cells missing."""
    if value is None or (isinstance(value, float) and value != value):
        return pd.NA
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    return text or pd.NA


def open_engine(engine: str, *, memory_limit: str | None = None, threads: int | None = None, master: str | None = None, timezone: str = "UTC"):
    if engine == "spark":
        from orgnet.events.spark_engine import SparkEngine

        return SparkEngine(master=master, timezone=timezone)
    from orgnet.events.duckdb_engine import DuckDBEngine

    return DuckDBEngine(memory_limit=memory_limit, threads=threads, timezone=timezone)


def build_from_events(
    events: list[str], roster: Path, rules: EventRules, *, engine: str = "duckdb", config: Config | None = None, **engine_options
) -> tuple[RawTable, EventNetwork]:
    """Resolve the event arguments, run the plan on the chosen engine and return the roster and result."""
    config = config or Config()
    mapping, kinds = events_config(getattr(config, "events", None))
    if kinds:  # orgnet.toml's kinds, unless the rules (the command line) changed a default
        changed = {channel: kind for channel, kind in rules.kinds.items() if kind != DEFAULT_KINDS.get(channel)}
        rules = EventRules(**{**rules.__dict__, "kinds": {**DEFAULT_KINDS, **kinds, **changed}})
    people, emails = read_roster(roster, config)
    sources = resolve(events)
    runner = open_engine(engine, timezone=rules.timezone, **engine_options)
    try:
        result = aggregate(runner, sources, emails, rules, mapping)
    finally:
        runner.close()
    origin = None if result.origin is None else pd.Timestamp(result.origin, unit="s", tz="UTC").isoformat()
    result.metadata = {
        "engine": engine, "rules": rules.describe(), "windows": window_rule(rules), "window_origin": origin,
        "events": [s.label for s in sources], "roster": people.label,
    }
    return people, result


def write_events_output(people: RawTable, result: EventNetwork, output: Path, *, parquet: bool = False) -> list[Path]:
    """Write the data folder (one per window with ``per_window``) and the summary; return the folders."""
    output = Path(output)
    ties = result.ties
    folders = []
    if "window" in ties.columns:
        for window, part in ties.groupby("window", sort=True):
            folders.append(_write_network(people, part.drop(columns="window"), output / str(window), parquet))
        if not folders:
            output.mkdir(parents=True, exist_ok=True)
    else:
        folders.append(_write_network(people, ties, output, parquet))
    described = {**result.metadata, "pairs_with_interaction": result.pairs, "ties": len(ties)}
    write_table(result.summary, output / "events-summary.csv", metadata=described)
    write_table(result.unknown, output / "unknown-addresses.csv", metadata={"about": "addresses not in the roster, per domain"})
    return folders


def _write_network(people: RawTable, ties: pd.DataFrame, folder: Path, parquet: bool) -> Path:
    network = build_network(people, RawTable("ties from events", ties.reset_index(drop=True)))
    orgnet.write(network, folder)
    if parquet:
        import duckdb

        table = orgnet.io.tables_for_writing(network)["ties"]
        duckdb.from_df(table).write_parquet(str(folder / "ties.parquet"))
    return folder
