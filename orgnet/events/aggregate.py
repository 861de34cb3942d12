"""From event files and a roster to ties: the engine-independent driver of the plan."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlparse

import pandas as pd

from orgnet.errors import InputError, Problem, Said
from orgnet.events import plan
from orgnet.events.files import empty_files, file_columns
from orgnet.events.rules import EventRules
from orgnet.events.sources import Source, bind_columns, missing_columns

# What became of the events of a channel, in this order; an excluded event also names its rule
# (a code: cancelled, before_since, from_until, no_other_attendee, no_recipients,
# too_many_attendees, too_long, too_many_recipients), which the terminal says in words.
OUTCOMES = ("read", "duplicate", "excluded", "used")

MAX_PROBLEMS = 50


@dataclass
class EventNetwork:
    """The result: ties between roster ids, and what happened to every event.

    ``ties`` has ``source``, ``target``, ``relation`` (the channel), ``kind``, ``weight``,
    ``interactions``, ``hours`` and ``windows`` (the calendar windows its counted interactions fall
    in; or ``window``, the calendar window's first day, with ``per_window``). ``summary`` has one row per channel and outcome.
    """

    ties: pd.DataFrame
    summary: pd.DataFrame
    unknown: pd.DataFrame
    origin: int | None
    pairs: int = 0
    metadata: dict = field(default_factory=dict)


def aggregate(engine, sources: list[Source], roster: pd.DataFrame, rules: EventRules, mapping: dict | None = None) -> EventNetwork:
    """Run the plan on ``engine`` (a DuckDB or Spark runner, see ``orgnet.events.engines``).

    Parameters
    ----------
    roster : DataFrame
        ``id`` and ``email`` (lower-case, unique), one row per address.
    mapping : dict
        ``[events.columns]`` of orgnet.toml: channel → {file column: orgnet column}.
    """
    problems = [problem for source in sources for problem in empty_files(source.files)]
    if problems:
        raise InputError(problems)
    views = []
    for number, source in enumerate(sources):
        raw = f"raw_{number}"
        columns = engine.register(raw, source)
        found = bind_columns(source, columns, mapping or {})
        if not found and len(source.files) > 1:  # every file of a folder or glob needs the columns
            found = [problem for file in source.files
                     if (problem := missing_columns(file, source.channel, file_columns(file, source.format) or columns, mapping or {}))]
        if found:
            problems.extend(found)
            continue
        engine.view(f"src_{number}", plan.source_view(engine.dialect, source, raw))
        views.append((f"src_{number}", source))
    if problems:
        raise InputError(problems)

    read = {}
    for view, source in views:
        meeting = source.channel == "meeting"
        checks = engine.query(plan.source_checks(view, meeting)).iloc[0]
        read[source.channel] = read.get(source.channel, 0) + int(checks["n"])
        if checks["bad"]:
            problems.extend(_problems(engine.query(plan.source_problems(view, MAX_PROBLEMS, meeting)), source))
    if problems:
        raise InputError(problems[:MAX_PROBLEMS] if len(problems) > MAX_PROBLEMS else problems)

    pid = roster.reset_index(drop=True)
    engine.register_roster(pd.DataFrame({"email": pid["email"], "pid": pid.index.astype("int64")}))
    for name, sql in plan.steps(engine.dialect, [view for view, _ in views], rules):
        engine.materialize(name, sql)
    first = engine.query(plan.origin_query()).iloc[0, 0]
    origin = int(rules.since.timestamp()) if rules.since else (None if pd.isna(first) else int(first) // 86400 * 86400)
    summary = _summary(engine, read)
    if origin is None:  # no event counts: no ties, and the summary says why
        return EventNetwork(_empty_ties(rules), summary, _empty_unknown(), None)
    for name, sql in plan.tie_steps(engine.dialect, rules, origin):
        engine.materialize(name, sql)
    unknown = engine.query(plan.unknown_query())
    internal = set(pid["email"].str.split("@").str[-1])
    unknown["internal"] = unknown["domain"].isin(internal)
    unknown = unknown.sort_values(["interactions", "domain"], ascending=[False, True], kind="stable").reset_index(drop=True)
    counts = engine.query(plan.pair_count_query()).iloc[0]
    ties = _ties(engine.query(plan.ties_query()), pid["id"], rules, origin)
    return EventNetwork(ties, summary, unknown.astype({"addresses": "int64", "interactions": "int64"}), origin, int(counts["pairs"]))


def _summary(engine, read: dict[str, int]) -> pd.DataFrame:
    distinct = engine.query(plan.distinct_query()).set_index("channel")["events"]
    rows = []
    for channel, count in sorted(read.items()):
        rows.append((channel, "read", "", count))
        duplicates = count - int(distinct.get(channel, 0))
        if duplicates:
            rows.append((channel, "duplicate", "", duplicates))
    excluded = engine.query(plan.excluded_query())
    rows += [(row.channel, "excluded", row.rule, int(row.events)) for row in excluded.itertuples()]
    used = engine.query(plan.used_query())
    rows += [(row.channel, "used", "", int(row.events)) for row in used.itertuples()]
    frame = pd.DataFrame(rows, columns=["channel", "outcome", "rule", "events"])
    order = {outcome: place for place, outcome in enumerate(OUTCOMES)}
    frame["_order"] = frame["outcome"].map(order)
    frame = frame.sort_values(["channel", "_order", "rule"], kind="stable").drop(columns="_order").reset_index(drop=True)
    return frame.astype({"events": "int64"})


def _ties(raw: pd.DataFrame, ids: pd.Series, rules: EventRules, origin: int) -> pd.DataFrame:
    if raw.empty:
        return _empty_ties(rules)
    frame = pd.DataFrame(
        {
            "source": ids.to_numpy()[raw["s"].astype("int64")],
            "target": ids.to_numpy()[raw["t"].astype("int64")],
            "relation": raw["channel"].astype(str).to_numpy(),
        }
    )
    frame["kind"] = frame["relation"].map(rules.kinds)
    interactions = raw["interactions"].astype("int64").to_numpy()
    hours = (raw["ms"].astype("int64") / 3_600_000).round(4).to_numpy()
    frame["weight"] = interactions if rules.weight == "interactions" else hours
    frame["interactions"] = interactions
    frame["hours"] = hours
    if rules.per_window:
        starts = origin + raw["w"].astype("int64").to_numpy() * rules.window_seconds
        frame["window"] = pd.to_datetime(starts, unit="s", utc=True).strftime("%Y-%m-%d")
    else:
        frame["windows"] = raw["windows"].astype("int64").to_numpy()
    keys = ["window"] if rules.per_window else []
    return frame.sort_values([*keys, "source", "target", "relation"], kind="stable").reset_index(drop=True)


def _empty_ties(rules: EventRules) -> pd.DataFrame:
    last = "window" if rules.per_window else "windows"
    return pd.DataFrame({c: pd.Series(dtype="str") for c in ("source", "target", "relation", "kind", "weight", "interactions", "hours", last)})


def _empty_unknown() -> pd.DataFrame:
    columns = {"domain": "str", "addresses": "int64", "interactions": "int64", "internal": "bool"}
    return pd.DataFrame({column: pd.Series(dtype=dtype) for column, dtype in columns.items()})


def _problems(bad: pd.DataFrame, source: Source) -> list[Problem]:
    """Each bad row as a Problem, with its row number where the file is local."""
    role_column = {"sender": source.columns.get("sender"), "ts": source.columns.get("ts"), "te": source.columns.get("te"),
                   "order": source.columns.get("te")}
    problems, seen, tables = [], {}, {}
    for row in bad.itertuples():
        file = _local(row.file)
        column = role_column[row.problem]
        value = {"sender": None, "ts": row.ts_text, "te": row.te_text, "order": row.te_text}[row.problem]
        value = None if value is None or pd.isna(value) else value
        if row.problem == "sender":
            message = Said("error.events.empty_sender")
        elif row.problem == "order":
            message = Said("error.events.ends_before_start", start=row.ts_text)
        elif value is None and row.problem == "te":
            message = Said("error.events.empty_end")
        elif value is None:
            message = Said("error.events.empty_timestamp")
        else:
            message = Said("error.events.bad_timestamp", value=value)
        occurrence = seen[(file, column, value)] = seen.get((file, column, value), -1) + 1
        line = _row_of(tables, file, column, value, occurrence, source.format)
        problems.append(Problem(file, message, row=line, column=column, value=value))
    return sorted(problems, key=lambda p: (p.file, p.row or 0))


def _local(file: str) -> str:
    parsed = urlparse(str(file))
    return unquote(parsed.path) if parsed.scheme == "file" else str(file)


def _row_of(tables: dict, file: str, column: str, value, occurrence: int, form: str) -> int | None:
    """The spreadsheet row (header = 1) of the ``occurrence``-th record whose ``column`` holds ``value``."""
    if form != "csv" or not Path(file).exists():
        return None
    from orgnet.io.text import read_csv_text

    if file not in tables:
        frame = read_csv_text(Path(file), file)
        frame.columns = [c.lstrip("\ufeff") for c in frame.columns]
        tables[file] = frame
    cells = tables[file][column]
    hits = cells.isna() if value is None else cells == str(value).strip()
    rows = tables[file].index[hits.to_numpy()]
    return int(rows[occurrence]) if len(rows) > occurrence else None
