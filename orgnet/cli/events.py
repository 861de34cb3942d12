"""``orgnet events``: a network from e-mail, meeting and chat metadata (DuckDB or Spark)."""

from __future__ import annotations

import click

from orgnet.cli.options import lang_option, output_option, replace_option
from orgnet.cli.paths import EventSource, InputPath, data_output
from orgnet.config import load_config
from orgnet.errors import InputError, Problem, Said
from orgnet.events import EventRules, build_from_events, parse_day, parse_duration, write_events_output
from orgnet.events.rules import CHANNELS
from orgnet.i18n import format_number
from orgnet.texts import texts

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
@lang_option
def events(events, roster, output, replace, config, engine, min_interactions, window, reciprocal, max_meeting_size, max_meeting_hours,
           max_recipients, weight, message_minutes, kinds, since, until, per_window, timezone, parquet, memory_limit, threads, spark_master, lang):
    """Build a network from e-mail, meeting and chat logs (CSV or Parquet files, folders, globs).

    Each of EVENTS is PATH or CHANNEL=PATH with CHANNEL email, meeting or chat. E-mail and chat
    need sender, recipients, sent_at; meetings organiser, attendees, start, end (optional status).
    """
    for value in kinds:
        channel, _, kind = value.partition("=")
        if channel.strip() not in CHANNELS or kind.strip() not in ("formal", "informal"):
            raise InputError([Problem("--kind", Said("error.cli.kind", value=value, channels=", ".join(CHANNELS)))])
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
    words = texts(lang)
    click.echo(format_summary(result, rules, lang))
    where = words.t("cli.events.windows", windows=words.t("cli.events.window", n=len(folders)), output=output) if per_window else str(output)
    click.echo(words.t("cli.wrote.events", ties=words.t("count.tie", n=len(result.ties)), engine=result.metadata["engine"], output=where))


def format_summary(result, rules: EventRules, lang: str = "en") -> str:
    """What became of the events, channel by channel, and the addresses not on the roster, in ``lang``."""
    words = texts(lang)
    limits = {name: format_number(getattr(rules, name), lang) for name in ("max_meeting_size", "max_meeting_hours", "max_recipients")}

    def outcome(row) -> str:
        return words.t(f"cli.events.excluded.{row.rule}", **limits) if row.outcome == "excluded" else words.t(f"cli.events.outcome.{row.outcome}")

    rows = [(words.t(f"cli.events.channel.{row.channel}"), outcome(row), format_number(row.events, lang)) for row in result.summary.itertuples()]
    widths = [max((len(row[i]) for row in rows), default=0) for i in range(3)]
    lines = [words.t("cli.events.heading"), *(f"  {a:<{widths[0]}}  {b:<{widths[1]}}  {c:>{widths[2]}}" for a, b, c in rows)]
    if len(result.unknown):
        total = format_number(int(result.unknown["interactions"].sum()), lang)
        top = ", ".join(f"{d} ({format_number(n, lang)})" for d, n in zip(result.unknown["domain"].head(5), result.unknown["interactions"].head(5)))
        lines.append(words.t("cli.events.unknown", total=total, top=top))
    return "\n".join(lines)


COMMANDS = (events,)
