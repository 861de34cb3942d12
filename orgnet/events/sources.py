"""Where events come from: files, folders or globs of CSV or Parquet, one channel each.

An argument is ``PATH`` or ``CHANNEL=PATH`` (``email=mail/*.parquet``, ``meeting=calendar.csv``,
``chat=teams/``). Without a channel, a source with an ``attendees`` column is a meeting log and
any other an e-mail log. Column names are mapped in ``orgnet.toml``::

    [events.columns.email]      # the file's column = orgnet's column
    afsender = "sender"
    modtagere = "recipients"
    sendt = "sent_at"
"""

from __future__ import annotations

import glob
from dataclasses import dataclass, field
from pathlib import Path

from orgnet.errors import InputError, OrgnetError, Problem, Said
from orgnet.events.rules import CHANNELS

# The columns each channel needs, as orgnet names them, and the role each plays in the plan.
COLUMNS = {
    "email": {"sender": "sender", "recipients": "recipients", "sent_at": "ts"},
    "chat": {"sender": "sender", "recipients": "recipients", "sent_at": "ts"},
    "meeting": {"organiser": "sender", "attendees": "recipients", "start": "ts", "end": "te"},
}
OPTIONAL = {"meeting": {"status": "status"}}
FORMATS = {".csv": "csv", ".parquet": "parquet", ".pq": "parquet"}


@dataclass
class Source:
    """One argument: its channel (None until the columns are seen), files and format."""

    label: str
    files: list[str]
    format: str
    channel: str | None = None
    table: str | None = None  # a table the engine already knows (Spark: ``table:db.name``)
    columns: dict[str, str] = field(default_factory=dict)  # role -> column in the file
    list_columns: set[str] = field(default_factory=set)  # columns that hold lists (Parquet list<string>)


def resolve(arguments: list[str]) -> list[Source]:
    """Expand the EVENTS arguments into sources; every unusable argument is named at once."""
    sources, problems = [], []
    for argument in arguments:
        channel, _, path = argument.partition("=") if "=" in argument.split("/")[0] else (None, "", argument)
        if channel is not None and channel not in CHANNELS:
            problems.append(Problem(argument, Said("error.events.unknown_channel", channel=channel, channels=", ".join(CHANNELS))))
            continue
        if path.startswith("table:"):
            sources.append(Source(argument, [], "table", channel, table=path[len("table:"):]))
            continue
        if "://" in path:  # a cluster's storage (hdfs://, s3a://, …): the engine lists it
            form = "csv" if path.lower().rstrip("/").endswith(".csv") else "parquet"
            sources.append(Source(path, [path], form, channel))
            continue
        files = _expand(path)
        if not files:
            problems.append(Problem(path, Said("error.events.no_such_path")))
            continue
        formats = {FORMATS.get(Path(file).suffix.lower()) for file in files}
        if None in formats or len(formats) > 1:
            problems.append(Problem(path, Said("error.events.mixed_formats")))
            continue
        sources.append(Source(path, files, formats.pop(), channel))
    if problems:
        raise InputError(problems)
    if not sources:
        raise OrgnetError(Said("error.events.no_files"))
    return sources


def _expand(path: str) -> list[str]:
    if any(char in path for char in "*?["):
        return sorted(glob.glob(path, recursive=True))
    target = Path(path)
    if target.is_dir():
        return sorted(str(file) for file in target.rglob("*") if file.suffix.lower() in FORMATS)
    return [str(target)] if target.exists() else []


def bind_columns(source: Source, found: list[str], mapping: dict[str, dict[str, str]]) -> list[Problem]:
    """Decide the channel (if not given) and map the file's columns to roles; return problems."""
    found = [column.lstrip("\ufeff").strip() for column in found]
    if source.channel is None:
        renamed = {mapping.get("meeting", {}).get(column, column) for column in found}
        source.channel = "meeting" if "attendees" in renamed else "email"
    rename = mapping.get(source.channel, {})
    by_name = {rename.get(column, column): column for column in found}
    for name, role in COLUMNS[source.channel].items():
        if name in by_name:
            source.columns[role] = by_name[name]
    for name, role in OPTIONAL.get(source.channel, {}).items():
        if name in by_name:
            source.columns[role] = by_name[name]
    problem = missing_columns(source.label, source.channel, found, mapping)
    return [problem] if problem else []


def missing_columns(label: str, channel: str, found: list[str], mapping: dict[str, dict[str, str]]) -> Problem | None:
    """The columns of ``channel`` that a file with columns ``found`` lacks, as one problem (or None)."""
    found = [column.lstrip("\ufeff").strip() for column in found]
    rename = mapping.get(channel, {})
    present = {rename.get(column, column) for column in found}
    lacking = [name for name in COLUMNS[channel] if name not in present]
    if not lacking:
        return None
    names = ", ".join(f"'{name}'" for name in lacking)
    key = "error.events.missing_column" if len(lacking) == 1 else "error.events.missing_columns"
    return Problem(label, Said(key, names=names, channel=channel, found=", ".join(found)))


def events_config(raw: dict | None) -> tuple[dict[str, dict[str, str]], dict[str, str]]:
    """``[events]`` of orgnet.toml: column mappings per channel and channel kinds."""
    raw = raw or {}
    unknown = set(raw) - {"columns", "kinds"}
    if unknown:
        raise InputError([Problem("orgnet.toml", Said("error.events.config_unknown_key", key=sorted(unknown)[0]))])
    columns = {str(channel): {str(k): str(v) for k, v in table.items()} for channel, table in raw.get("columns", {}).items()}
    for channel in columns:
        if channel not in CHANNELS:
            raise InputError([Problem("orgnet.toml", Said("error.events.config_unknown_table", channel=channel, channels=", ".join(CHANNELS)))])
    return columns, {str(k): str(v) for k, v in raw.get("kinds", {}).items()}
