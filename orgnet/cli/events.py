"""``orgnet events``: a network from e-mail, meeting and chat metadata (DuckDB or Spark)."""

from __future__ import annotations

import click

from orgnet.cli.options import output_option, replace_option
from orgnet.cli.paths import EventSource, InputPath, data_output
from orgnet.config import load_config
from orgnet.errors import InputError, Problem
from orgnet.events import EventRules, build_from_events, parse_day, parse_duration, write_events_output
from orgnet.events.rules import CHANNELS

EVENTS_FILES = ("events-summary.csv", "events-summary.meta.json", "unknown-addresses.csv", "unknown-addresses.meta.json")


def _parquet(params) -> tuple[str, ...]:
    return ("ties.parquet",) if params.get("parquet") else ()


def _kinds(values: tuple[str, ...]) -> dict[str, str]:
    kinds = {}
    for value in values:
        channel, _, kind = value.partition("=")
        kinds[channel.strip()] = kind.strip()
    return kinds


@click.command()
@click.argument("events", nargs=-1, required=True, metavar="EVENTS...", type=EventSource())
@click.option("--people", "roster", type=InputPath(), required=True, help="The roster, with id and email: a CSV file, a data folder (its people.csv) or a workbook (its people sheet).")
@output_option(data_output(*EVENTS_FILES, more=_parquet), "The data folder to write.", required=True)
@replace_option
@click.option("--config", type=InputPath(), default=None, help="orgnet.toml with [events.columns.<channel>] and [events.kinds].")
@click.option("--engine", type=click.Choice(["duckdb", "spark"]), default="duckdb", show_default=True, help="DuckDB (embedded) or Apache Spark.")
@click.option("--min-interactions", type=click.IntRange(min=1), default=2, show_default=True, help="Interactions within one window needed for a tie.")
@click.option("--window", default="28d", show_default=True, help="Window length: days, weeks or hours (28d, 4w, 12h).")
@click.option("--reciprocal/--no-reciprocal", default=True, show_default=True, help="A tie needs interaction both ways within the window.")
@click.option("--max-meeting-size", type=click.IntRange(min=2), default=25, show_default=True, help="Larger meetings are not collaboration.")
@click.option("--max-meeting-hours", type=click.FloatRange(min=0, min_open=True), default=8.0, show_default=True, help="Longer meetings are not collaboration.")
@click.option("--max-recipients", type=click.IntRange(min=1), default=25, show_default=True, help="E-mails and chats to more people are not collaboration.")
@click.option("--weight", type=click.Choice(["interactions", "hours"]), default="interactions", show_default=True, help="Tie weight: interactions, or hours (meeting time split among the others).")
@click.option("--message-minutes", type=click.FloatRange(min=0, min_open=True), default=5.0, show_default=True, help="Time one e-mail or chat message counts for in hours.")
@click.option("--kind", "kinds", multiple=True, metavar="CHANNEL=KIND", help="Kind of a channel's ties, e.g. chat=formal (default meeting=formal, email/chat=informal).")
@click.option("--since", default=None, help="Only events from this date on (2026-01-05; no offset means --timezone).")
@click.option("--until", default=None, help="Only events before this date.")
@click.option("--per-window", is_flag=True, help="One network (a data folder) per window, for orgnet diff.")
@click.option("--timezone", default="UTC", show_default=True, help="Zone of timestamps without an offset (e.g. Europe/Copenhagen).")
@click.option("--parquet", is_flag=True, help="Also write ties.parquet (for large results).")
@click.option("--memory-limit", default=None, help="DuckDB: memory to use before spilling to disk, e.g. 4GB.")
@click.option("--threads", type=click.IntRange(min=1), default=None, help="DuckDB: threads (default: all cores).")
@click.option("--spark-master", default=None, help="Spark: master URL, local[2], spark://host:7077 or yarn (default: spark-submit's, else local[*]).")
def events(events, roster, output, replace, config, engine, min_interactions, window, reciprocal, max_meeting_size, max_meeting_hours,
           max_recipients, weight, message_minutes, kinds, since, until, per_window, timezone, parquet, memory_limit, threads, spark_master):
    """Build a network from e-mail, meeting and chat logs (CSV or Parquet files, folders, globs).

    Each of EVENTS is PATH or CHANNEL=PATH with CHANNEL email, meeting or chat. E-mail and chat
    need sender, recipients, sent_at; meetings organiser, attendees, start, end (optional status).
    """
    for value in kinds:
        channel, _, kind = value.partition("=")
        if channel.strip() not in CHANNELS or kind.strip() not in ("formal", "informal"):
            raise InputError([Problem("--kind", f"'{value}': expected CHANNEL=KIND with channel {', '.join(CHANNELS)} and kind formal or informal")])
    since_at, until_at = parse_day(since, "--since", timezone), parse_day(until, "--until", timezone)
    rules = EventRules(
        min_interactions=min_interactions, window_seconds=parse_duration(window), reciprocal=reciprocal,
        max_meeting_size=max_meeting_size, max_meeting_hours=max_meeting_hours, max_recipients=max_recipients,
        weight=weight, message_minutes=message_minutes, since=since_at, until=until_at, per_window=per_window, timezone=timezone,
        kinds={"meeting": "formal", "email": "informal", "chat": "informal", **_kinds(kinds)},
    )
    settings = load_config(config) if config else None
    if engine == "spark":
        options = {"master": spark_master}
    else:
        options = {"memory_limit": memory_limit, "threads": threads}
    people, result = build_from_events(list(events), roster, rules, engine=engine, config=settings, **options)
    folders = write_events_output(people, result, output, parquet=parquet)
    click.echo(format_summary(result))
    where = f"{len(folders)} windows under {output}" if per_window else str(output)
    click.echo(f"wrote {len(result.ties)} ties ({result.metadata['engine']}) to {where}")


def format_summary(result) -> str:
    lines = ["events:"]
    for row in result.summary.itertuples():
        lines.append(f"  {row.channel:<8} {row.outcome:<40} {row.events:>12,}")
    if len(result.unknown):
        total = int(result.unknown["interactions"].sum())
        top = ", ".join(f"{d} ({n:,})" for d, n in zip(result.unknown["domain"].head(5), result.unknown["interactions"].head(5)))
        lines.append(f"interactions with addresses not in the roster: {total:,} (by domain: {top}); see unknown-addresses.csv")
    return "\n".join(lines)


COMMANDS = (events,)
