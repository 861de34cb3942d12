"""Networks from collaboration metadata: e-mail, meeting and chat logs aggregated into ties.

The aggregation is one SQL plan (:mod:`orgnet.events.plan`) run by DuckDB (embedded, the
default) or Apache Spark (a cluster); both give the same ties. ``docs/events.md`` describes the
rules and their sources.
"""

from orgnet.events.aggregate import EventNetwork, aggregate
from orgnet.events.output import build_from_events, read_roster, write_events_output
from orgnet.events.rules import EventRules, parse_day, parse_duration

__all__ = ["EventNetwork", "EventRules", "aggregate", "build_from_events", "parse_day", "parse_duration", "read_roster", "write_events_output"]
