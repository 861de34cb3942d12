"""The aggregation of events into ties, written once as SQL and rendered for each engine.

DuckDB and Spark SQL share almost all of the language; the few functions that differ (lists,
timestamps) are the :class:`Dialect`'s. An engine runs the steps in order, keeping each as a
table (DuckDB spills it to disk when memory is short; Spark caches it), and then the queries
that read the results. Nothing else decides which events count: that keeps the two engines'
``ties.csv`` identical, byte for byte.

The steps:

``classified``  every event once (exact duplicates counted in ``copies``), timestamps in epoch
                seconds, its participants and, if it does not count, the rule that excludes it
``edges``       one row per interaction and direction: a message's (sender, recipient), each ordered
                pair of a meeting's attendees; its time, and person numbers from the roster (NULL
                for unknown addresses)
``pairs``       per unordered pair: whether its interactions over the whole period could make a tie
``ties``        per directed tie and channel (and window with ``per_window``): the interactions that
                some qualifying window holds (see :func:`tie_steps`), their time, their windows
"""

from __future__ import annotations

from dataclasses import dataclass

from orgnet.events.addresses import ANGLE, COMMENT, FOLD_FUNCTION, TOKEN
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
    join_list: str  # a list of strings to one text, with {x} and {separator}
    octets: str  # the length of a text in bytes (equal to its length in characters for ASCII)
    fold_other: str  # address_key() of non-ASCII text {x}

    def fold(self, text: str) -> str:
        """``text`` as :func:`orgnet.events.addresses.address_key` has it (lower suffices for ASCII)."""
        return f"CASE WHEN {self.octets.format(x=text)} = length({text}) THEN lower({text}) ELSE {self.fold_other.format(x=text)} END"

    def address(self, text: str) -> str:
        """One written address (``"Ravn, Bent" <b@…>``, ``b@… (Bent)``, ``b@…``) as the address, trimmed."""
        angle = f"trim(regexp_extract({text}, '{ANGLE}', 1))"
        plain = f"trim(regexp_replace({text}, '{COMMENT}', ''{self._all}))"
        return f"CASE WHEN instr({text}, '<') > 0 THEN {angle} WHEN instr({text}, '(') > 0 THEN {plain} ELSE trim({text}) END"

    def addresses(self, text: str) -> str:
        """A list of written addresses as a list of distinct, trimmed addresses (email.utils.getaddresses)."""
        keep = self.lambda_form.format(x="a", body="a <> ''")
        text = f"coalesce({text}, '')"
        written = self.lambda_form.format(x="a", body=self.address("a"))
        if self.name == "duckdb":  # a plain split is several times faster than a regular expression
            tokens = f"regexp_extract_all({text}, '{TOKEN}')"
            plain = f"string_split(replace({text}, ',', ';'), ';')"
            trim = self.lambda_form.format(x="a", body="trim(a)")
            return (
                f"list_distinct(list_filter(CASE WHEN instr({text}, '\"') > 0 OR instr({text}, '<') > 0 OR instr({text}, '(') > 0 "
                f"THEN list_transform({tokens}, {written}) ELSE list_transform({plain}, {trim}) END, {keep}))"
            )
        tokens = f"regexp_extract_all({text}, '{TOKEN}', 0)"
        return f"array_distinct(filter(transform({tokens}, {written}), {keep}))"

    @property
    def _all(self) -> str:  # regexp_replace replaces every match in Spark, the first in DuckDB unless told
        return ", 'g'" if self.name == "duckdb" else ""

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
    join_list="array_to_string({x}, '{separator}')",
    octets="strlen({x})",
    fold_other=FOLD_FUNCTION + "({x})",  # registered by the engine
)
# ICU (in Spark's jars) folds case as Python does; both follow Unicode's CaseFolding.txt (C + F).
SPARK = Dialect(
    name="spark",
    string="STRING",
    lambda_form="{x} -> {body}",
    explode="explode({x})",
    size="size({x})",
    timestamp="try_cast({x} AS TIMESTAMP)",
    epoch="unix_seconds({x})",
    join_list="array_join({x}, '{separator}')",
    octets="octet_length({x})",
    fold_other=(
        "reflect('com.ibm.icu.text.Normalizer', 'compose', reflect('com.ibm.icu.lang.UCharacter', 'foldCase', "
        "reflect('com.ibm.icu.text.Normalizer', 'compose', {x}, false), true), false)"
    ),
)


def source_view(dialect: Dialect, source: Source, raw: str) -> str:
    """The source's rows in the plan's columns (from the engine's raw view with ``_file``).

    Addresses are folded (:func:`orgnet.events.addresses.address_key`) and the sender reduced to
    its address; a Parquet list of recipients is joined into one list text, which the plan splits.
    """
    role = source.columns
    text = dialect.string

    def column(name: str) -> str:
        quote = "`" if dialect.name == "spark" else '"'
        return quote + name.replace(quote, quote * 2) + quote

    def as_text(name: str) -> str:
        if name in source.list_columns:
            return dialect.join_list.format(x=column(name), separator=";")
        return f"CAST({column(name)} AS {text})"

    ends = (
        f"{dialect.seconds(column(role['te']))} AS te, CAST({column(role['te'])} AS {text}) AS te_text"
        if "te" in role
        else "CAST(NULL AS BIGINT) AS te, CAST(NULL AS STRING) AS te_text".replace("STRING", text)
    )
    status = f"lower(trim(CAST({column(role['status'])} AS {text})))" if "status" in role else f"CAST(NULL AS {text})"
    sender = dialect.address(dialect.fold(as_text(role["sender"])))
    return (
        f"SELECT '{source.channel}' AS channel, _file AS file, "
        f"nullif({sender}, '') AS sender, "
        f"{dialect.fold(as_text(role['recipients']))} AS recipients, "
        f"{dialect.seconds(column(role['ts']))} AS ts, CAST({column(role['ts'])} AS {text}) AS ts_text, "
        f"{ends}, {status} AS status FROM {raw}"
    )


# A row a person must fix: no sender, no or an unreadable time; a meeting without an end, or one
# that ends before it starts (it would be "used" and give no interaction, or a negative duration).
def _bad(meeting: bool) -> str:
    ends = " OR te IS NULL OR te < ts" if meeting else ""
    return f"sender IS NULL OR ts IS NULL{ends}"


def source_checks(view: str, meeting: bool = False) -> str:
    """Rows read, and how many rows a person must fix."""
    return f"SELECT count(*) AS n, count_if({_bad(meeting)}) AS bad FROM {view}"


def source_problems(view: str, limit: int, meeting: bool = False) -> str:
    return (
        "SELECT file, CASE WHEN sender IS NULL THEN 'sender' WHEN ts IS NULL THEN 'ts' WHEN te IS NULL THEN 'te' ELSE 'order' END AS problem, "
        f"ts_text, te_text FROM {view} WHERE {_bad(meeting)} LIMIT {limit}"
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
          CASE WHEN status IN ({cancelled}) THEN 'cancelled'
               WHEN {since} THEN 'before_since'
               WHEN {until} THEN 'from_until'
               WHEN channel = 'meeting' AND {size} < 2 THEN 'no_other_attendee'
               WHEN channel <> 'meeting' AND {size} = 0 THEN 'no_recipients'
               WHEN channel = 'meeting' AND {size} > {rules.max_meeting_size} THEN 'too_many_attendees'
               WHEN channel = 'meeting' AND te - ts > {round(rules.max_meeting_hours * 3600)} THEN 'too_long'
               WHEN channel <> 'meeting' AND {size} > {rules.max_recipients} THEN 'too_many_recipients'
          END AS excluded
        FROM (SELECT *, CASE WHEN channel = 'meeting' THEN {meeting_parts} ELSE {parts} END AS parts FROM (
          SELECT channel, sender, recipients, ts, te, status, count(*) AS copies
          FROM ({union}) u GROUP BY channel, sender, recipients, ts, te, status) e) c"""
    return [("classified", classified)]


def origin_query() -> str:
    return "SELECT min(ts) FROM classified WHERE excluded IS NULL"


def window_rule(rules: EventRules) -> str:
    """How windows are counted, as the output's metadata says it."""
    length = rules.describe()["window"]
    if rules.per_window:
        return (f"calendar windows: consecutive blocks of {length} from the origin (--since, else midnight UTC of the first "
                f"event used); a tie in a window needs its interactions within that block")
    both = " and, with --reciprocal, a message each way or a meeting" if rules.reciprocal else ""
    return (f"sliding: a tie needs {rules.min_interactions} interactions{both} within some span of {length} "
            f"(the last less than {length} after the first), wherever it falls")


def tie_steps(dialect: Dialect, rules: EventRules, origin: int) -> list[tuple[str, str]]:
    """The steps from counted events to ties, once the window origin is known.

    Whether a pair qualifies is decided per pair by a sort and a scan, not a self-join: its
    interactions ordered by time, a window function sums each one's next ``window`` seconds
    (``RANGE BETWEEN CURRENT ROW AND window - 1 FOLLOWING``). A span of that length holding
    enough interactions can always be moved to start at its first interaction, so the spans that
    start at an interaction are all that need looking at. An interaction counts for the tie when
    some qualifying span holds it: a second scan looks back ``window - 1`` seconds for a
    qualifying start. With ``per_window`` the spans are the fixed calendar blocks instead.
    """
    length = rules.window_seconds
    window = f"CAST(floor((ts - {origin}) / {length}) AS BIGINT)"
    message_ms = round(rules.message_minutes * 60_000)
    explode = dialect.explode.format(x="parts")
    messages = f"""
        SELECT channel, sender AS src, a AS dst, ts, {message_ms} AS ms
        FROM (SELECT channel, sender, ts, {explode} AS a
              FROM classified WHERE excluded IS NULL AND channel <> 'meeting') m
        WHERE a <> sender"""
    # A meeting's attendees pair up through the meeting's own columns: they identify it exactly
    # (the events are distinct), where a generated id might differ between two reads in Spark.
    attendance = f"""
        SELECT sender, recipients, status, ts, te, k, {explode} AS a
        FROM classified WHERE excluded IS NULL AND channel = 'meeting'"""
    meetings = f"""
        SELECT 'meeting' AS channel, x.a AS src, y.a AS dst, x.ts,
               CAST(round((x.te - x.ts) * 1000.0 / (x.k - 1)) AS BIGINT) AS ms
        FROM ({attendance}) x JOIN ({attendance}) y
          ON x.sender = y.sender AND x.ts = y.ts AND x.te = y.te
         AND x.recipients IS NOT DISTINCT FROM y.recipients AND x.status IS NOT DISTINCT FROM y.status
         AND x.a <> y.a"""
    # one row per interaction and direction (a meeting gives both directions), with person numbers
    edges = f"""
        SELECT e.channel, s.pid AS s, t.pid AS t, e.ts, e.ms,
               CASE WHEN s.pid IS NULL THEN e.src END AS unknown_src,
               CASE WHEN t.pid IS NULL THEN e.dst END AS unknown_dst
        FROM ({messages} UNION ALL {meetings}) e
        LEFT JOIN roster s ON e.src = s.email LEFT JOIN roster t ON e.dst = t.email"""
    minimum = 2 * rules.min_interactions  # a meeting gives two directed edges, a message one: count in halves
    halves = "CASE WHEN channel = 'meeting' THEN 1 ELSE 2 END"
    forward = "CASE WHEN channel <> 'meeting' AND s < t THEN 1 ELSE 0 END"
    backward = "CASE WHEN channel <> 'meeting' AND s > t THEN 1 ELSE 0 END"
    met = "CASE WHEN channel = 'meeting' THEN 1 ELSE 0 END"

    def qualifies(h: str, f: str, b: str, m: str) -> str:
        both = f"({m} > 0 OR ({f} > 0 AND {b} > 0))" if rules.reciprocal else "TRUE"
        return f"({h} >= {minimum} AND {both})"

    # Per pair over the whole period: could it qualify at all (``candidate``), and does it qualify
    # in every calendar block in which it has interactions (``dense``)? A block is a span of the
    # window's length, so all of a dense pair's interactions lie in a qualifying span: it needs no
    # scan. Only the other candidates are sorted and scanned; the others are not looked at again.
    pairs = f"""
        SELECT lo, hi, {qualifies('sum(h)', 'sum(f)', 'sum(b)', 'sum(m)')} AS candidate,
               min(CASE WHEN {qualifies('h', 'f', 'b', 'm')} THEN 1 ELSE 0 END) = 1 AS dense FROM (
          SELECT least(s, t) AS lo, greatest(s, t) AS hi, {window} AS w, sum({halves}) AS h, sum({forward}) AS f,
                 sum({backward}) AS b, sum({met}) AS m
          FROM edges WHERE s IS NOT NULL AND t IS NOT NULL GROUP BY least(s, t), greatest(s, t), {window}) p
        GROUP BY lo, hi"""
    known = f"""
        SELECT e.channel, e.s, e.t, e.ts, e.ms, p.lo, p.hi, p.dense, {window} AS w,
               {halves} AS dh, {forward} AS df, {backward} AS db, {met} AS dm
        FROM edges e JOIN pairs p ON least(e.s, e.t) = p.lo AND greatest(e.s, e.t) = p.hi
        WHERE p.candidate AND e.s IS NOT NULL AND e.t IS NOT NULL"""
    by_window = "w, " if rules.per_window else ""
    group_window = ", w" if rules.per_window else ""
    counted_columns = f"s, t, channel, {by_window}count(*) AS interactions, sum(ms) AS ms, count(DISTINCT w) AS windows"
    if rules.per_window:
        span = "PARTITION BY lo, hi, w"
        sums = ", ".join(f"sum({d}) OVER ({span}) AS {d[1]}" for d in ("dh", "df", "db", "dm"))
        counted = f"SELECT *, {qualifies('h', 'f', 'b', 'm')} AS counts FROM (SELECT *, {sums} FROM ({known}) k) q"
        ties = f"SELECT {counted_columns} FROM ({counted}) c WHERE counts GROUP BY s, t, channel{group_window}"
    else:
        ahead = f"PARTITION BY lo, hi ORDER BY ts RANGE BETWEEN CURRENT ROW AND {length - 1} FOLLOWING"
        behind = f"PARTITION BY lo, hi ORDER BY ts RANGE BETWEEN {length - 1} PRECEDING AND CURRENT ROW"
        sums = ", ".join(f"sum({d}) OVER ({ahead}) AS {d[1]}" for d in ("dh", "df", "db", "dm"))
        sparse = f"SELECT * FROM ({known}) k WHERE NOT dense"
        starts = f"SELECT *, CASE WHEN {qualifies('h', 'f', 'b', 'm')} THEN 1 ELSE 0 END AS starts FROM (SELECT *, {sums} FROM ({sparse}) k) q"
        counted = f"SELECT *, max(starts) OVER ({behind}) = 1 AS counts FROM ({starts}) s"
        ties = f"""
            SELECT {counted_columns} FROM ({known}) k WHERE dense GROUP BY s, t, channel
            UNION ALL
            SELECT {counted_columns} FROM ({counted}) c WHERE counts GROUP BY s, t, channel"""
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
          SELECT unknown_src AS address, split_part(unknown_src, '@', 2) AS domain, 1 AS n FROM edges WHERE unknown_src IS NOT NULL
          UNION ALL
          SELECT unknown_dst AS address, split_part(unknown_dst, '@', 2) AS domain, 1 AS n FROM edges WHERE unknown_dst IS NOT NULL) u
        GROUP BY domain"""


def pair_count_query() -> str:
    return "SELECT count(*) AS pairs FROM pairs"


def ties_query() -> str:
    return "SELECT * FROM ties"
