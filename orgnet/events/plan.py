"""The aggregation of events into ties, written once as SQL and rendered for each engine.

DuckDB and Spark SQL share almost all of the language; the few functions that differ (lists,
timestamps) are the :class:`Dialect`'s. An engine runs the steps in order, keeping each as a
table (DuckDB spills it to disk when memory is short; Spark caches it), and then the queries
that read the results. Nothing else decides which events count: that keeps the two engines'
``ties.csv`` identical, byte for byte.

The steps:

``classified``  every event once (exact duplicates counted in ``copies``), timestamps in epoch
                seconds, its participants and, if it does not count, the rule that excludes it
``edges``       per (sender, recipient) of messages and ordered pair of a meeting's attendees, channel
                and window: how many, with person numbers from the roster (NULL for unknown addresses)
``pairs``       per unordered pair and window: interactions, and whether the rules make it a tie
``ties``        per directed tie and channel (and window with ``per_window``): interactions, time
"""

from __future__ import annotations

from dataclasses import dataclass

from orgnet.events.rules import EventRules
from orgnet.events.sources import Source

CANCELLED = ("cancelled", "canceled", "declined")


@dataclass(frozen=True)
class Dialect:
    """What differs between the engines' SQL."""

    name: str
    string: str  # the text type
    lambda_form: str  # how a one-argument lambda is written, with {x} and {body}
    explode: str  # a list to rows, in a select list
    size: str
    timestamp: str  # try_cast to an instant
    epoch: str  # an instant to whole epoch seconds

    def addresses(self, text: str) -> str:
        """A delimited list of addresses as a list of distinct, trimmed, lower-case addresses."""
        trim = self.lambda_form.format(x="a", body="trim(a)")
        keep = self.lambda_form.format(x="a", body="a <> ''")
        if self.name == "duckdb":  # a plain split is several times faster than a regular expression
            split = f"string_split(lower(replace(coalesce({text}, ''), ',', ';')), ';')"
            return f"list_distinct(list_filter(list_transform({split}, {trim}), {keep}))"
        return f"array_distinct(filter(transform(split(lower(coalesce({text}, '')), '[;,]'), {trim}), {keep}))"

    def seconds(self, column: str) -> str:
        return self.epoch.format(x=self.timestamp.format(x=column))


DUCKDB = Dialect(
    name="duckdb",
    string="VARCHAR",
    lambda_form="lambda {x}: {body}",
    explode="unnest({x})",
    size="len({x})",
    timestamp="try_cast({x} AS TIMESTAMPTZ)",
    epoch="CAST(floor(epoch({x})) AS BIGINT)",
)
SPARK = Dialect(
    name="spark",
    string="STRING",
    lambda_form="{x} -> {body}",
    explode="explode({x})",
    size="size({x})",
    timestamp="try_cast({x} AS TIMESTAMP)",
    epoch="unix_seconds({x})",
)


def source_view(dialect: Dialect, source: Source, raw: str) -> str:
    """The source's rows in the plan's columns (from the engine's raw view with ``_file``)."""
    role = source.columns
    text = dialect.string

    def column(name: str) -> str:
        quote = "`" if dialect.name == "spark" else '"'
        return quote + name.replace(quote, quote * 2) + quote

    ends = (
        f"{dialect.seconds(column(role['te']))} AS te, CAST({column(role['te'])} AS {text}) AS te_text"
        if "te" in role
        else "CAST(NULL AS BIGINT) AS te, CAST(NULL AS STRING) AS te_text".replace("STRING", text)
    )
    status = f"lower(trim(CAST({column(role['status'])} AS {text})))" if "status" in role else f"CAST(NULL AS {text})"
    return (
        f"SELECT '{source.channel}' AS channel, _file AS file, "
        f"nullif(lower(trim(CAST({column(role['sender'])} AS {text}))), '') AS sender, "
        f"CAST({column(role['recipients'])} AS {text}) AS recipients, "
        f"{dialect.seconds(column(role['ts']))} AS ts, CAST({column(role['ts'])} AS {text}) AS ts_text, "
        f"{ends}, {status} AS status FROM {raw}"
    )


def source_checks(view: str) -> str:
    """Rows read, and rows a person must fix (no sender, no or unreadable timestamps)."""
    return (
        "SELECT count(*) AS n, count_if(sender IS NULL) AS no_sender, count_if(ts IS NULL) AS bad_ts, "
        f"count_if(te IS NULL AND te_text IS NOT NULL) AS bad_te FROM {view}"
    )


def source_problems(view: str, limit: int) -> str:
    return (
        "SELECT file, CASE WHEN sender IS NULL THEN 'sender' WHEN ts IS NULL THEN 'ts' ELSE 'te' END AS problem, "
        f"ts_text, te_text FROM {view} WHERE sender IS NULL OR ts IS NULL OR (te IS NULL AND te_text IS NOT NULL) LIMIT {limit}"
    )


def steps(dialect: Dialect, views: list[str], rules: EventRules) -> list[tuple[str, str]]:
    """The step before the window origin is known: ``classified``."""
    union = " UNION ALL ".join(f"SELECT channel, sender, recipients, ts, te, status FROM {view}" for view in views)
    parts = dialect.addresses("recipients")
    meeting_parts = dialect.addresses("concat(sender, ';', coalesce(recipients, ''))")
    size = dialect.size.format(x="parts")
    since = f"ts < {int(rules.since.timestamp())}" if rules.since else "FALSE"
    until = f"ts >= {int(rules.until.timestamp())}" if rules.until else "FALSE"
    cancelled = ", ".join(f"'{value}'" for value in CANCELLED)
    classified = f"""
        SELECT channel, sender, CASE WHEN channel = 'meeting' THEN recipients END AS recipients, status, ts, te, copies, parts, {size} AS k,
          CASE WHEN status IN ({cancelled}) THEN 'cancelled or declined'
               WHEN {since} THEN 'before --since'
               WHEN {until} THEN 'from --until on'
               WHEN channel = 'meeting' AND {size} < 2 THEN 'no other attendee'
               WHEN channel <> 'meeting' AND {size} = 0 THEN 'no recipients'
               WHEN channel = 'meeting' AND te < ts THEN 'ends before it starts'
               WHEN channel = 'meeting' AND {size} > {rules.max_meeting_size} THEN 'more than {rules.max_meeting_size} attendees'
               WHEN channel = 'meeting' AND te - ts > {round(rules.max_meeting_hours * 3600)} THEN 'longer than {rules.max_meeting_hours:g} hours'
               WHEN channel <> 'meeting' AND {size} > {rules.max_recipients} THEN 'more than {rules.max_recipients} recipients'
          END AS excluded
        FROM (SELECT *, CASE WHEN channel = 'meeting' THEN {meeting_parts} ELSE {parts} END AS parts FROM (
          SELECT channel, sender, recipients, ts, te, status, count(*) AS copies
          FROM ({union}) u GROUP BY channel, sender, recipients, ts, te, status) e) c"""
    return [("classified", classified)]


def origin_query() -> str:
    return "SELECT min(ts) FROM classified WHERE excluded IS NULL"


def tie_steps(dialect: Dialect, rules: EventRules, origin: int) -> list[tuple[str, str]]:
    """The steps from counted events to ties, once the window origin is known."""
    window = f"CAST(floor((ts - {origin}) / {rules.window_seconds}) AS BIGINT)"
    message_ms = round(rules.message_minutes * 60_000)
    explode = dialect.explode.format(x="parts")
    messages = f"""
        SELECT channel, sender AS src, a AS dst, w, {message_ms} AS ms
        FROM (SELECT channel, sender, {window} AS w, {explode} AS a
              FROM classified WHERE excluded IS NULL AND channel <> 'meeting') m
        WHERE a <> sender"""
    # A meeting's attendees pair up through the meeting's own columns: they identify it exactly
    # (the events are distinct), where a generated id might differ between two reads in Spark.
    attendance = f"""
        SELECT sender, recipients, status, ts, te, k, {window} AS w, {explode} AS a
        FROM classified WHERE excluded IS NULL AND channel = 'meeting'"""
    meetings = f"""
        SELECT 'meeting' AS channel, x.a AS src, y.a AS dst, x.w,
               CAST(round((x.te - x.ts) * 1000.0 / (x.k - 1)) AS BIGINT) AS ms
        FROM ({attendance}) x JOIN ({attendance}) y
          ON x.sender = y.sender AND x.ts = y.ts AND x.te = y.te
         AND x.recipients IS NOT DISTINCT FROM y.recipients AND x.status IS NOT DISTINCT FROM y.status
         AND x.a <> y.a"""
    # edges are counted as they are made: one row per (sender, recipient, channel, window), not per message
    edges = f"""
        SELECT e.channel, s.pid AS s, t.pid AS t, e.w,
               CASE WHEN s.pid IS NULL THEN e.src END AS unknown_src,
               CASE WHEN t.pid IS NULL THEN e.dst END AS unknown_dst,
               count(*) AS n, sum(e.ms) AS ms
        FROM ({messages} UNION ALL {meetings}) e
        LEFT JOIN roster s ON e.src = s.email LEFT JOIN roster t ON e.dst = t.email
        GROUP BY e.channel, s.pid, t.pid, e.w, CASE WHEN s.pid IS NULL THEN e.src END, CASE WHEN t.pid IS NULL THEN e.dst END"""
    minimum = 2 * rules.min_interactions  # a meeting gives two directed edges, a message one: count in halves
    reciprocal = "(met > 0 OR (forward > 0 AND backward > 0))" if rules.reciprocal else "TRUE"
    pairs = f"""
        SELECT lo, hi, w, halves >= {minimum} AND {reciprocal} AS tie FROM (
          SELECT least(s, t) AS lo, greatest(s, t) AS hi, w,
                 sum(CASE WHEN channel = 'meeting' THEN n ELSE 2 * n END) AS halves,
                 count_if(channel <> 'meeting' AND s < t) AS forward,
                 count_if(channel <> 'meeting' AND s > t) AS backward,
                 count_if(channel = 'meeting') AS met
          FROM edges WHERE s IS NOT NULL AND t IS NOT NULL GROUP BY least(s, t), greatest(s, t), w) p"""
    by_window = "e.w AS w, " if rules.per_window else ""
    group_window = ", e.w" if rules.per_window else ""
    ties = f"""
        SELECT e.s, e.t, e.channel, {by_window}sum(e.n) AS interactions, sum(e.ms) AS ms, count(DISTINCT e.w) AS windows
        FROM edges e JOIN pairs p ON least(e.s, e.t) = p.lo AND greatest(e.s, e.t) = p.hi AND e.w = p.w
        WHERE p.tie AND e.s IS NOT NULL AND e.t IS NOT NULL
        GROUP BY e.s, e.t, e.channel{group_window}"""
    return [("edges", edges), ("pairs", pairs), ("ties", ties)]


# --- the queries that read the results ------------------------------------------------------

def excluded_query() -> str:
    return "SELECT channel, excluded AS rule, count(*) AS events FROM classified WHERE excluded IS NOT NULL GROUP BY channel, excluded"


def used_query() -> str:
    return "SELECT channel, count(*) AS events FROM classified WHERE excluded IS NULL GROUP BY channel"


def distinct_query() -> str:
    return "SELECT channel, count(*) AS events FROM classified GROUP BY channel"


def unknown_query() -> str:
    """Unknown addresses per domain: how many addresses, and how many interactions they were in."""
    return """
        SELECT domain, count(DISTINCT address) AS addresses, sum(n) AS interactions FROM (
          SELECT unknown_src AS address, split_part(unknown_src, '@', 2) AS domain, n FROM edges WHERE unknown_src IS NOT NULL
          UNION ALL
          SELECT unknown_dst AS address, split_part(unknown_dst, '@', 2) AS domain, n FROM edges WHERE unknown_dst IS NOT NULL) u
        GROUP BY domain"""


def pair_count_query() -> str:
    return "SELECT count(*) AS pairs, count_if(tie) AS ties FROM pairs"


def ties_query() -> str:
    return "SELECT * FROM ties"
