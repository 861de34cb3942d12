"""Event logs built by hand, one small story per rule, and the engines that aggregate them.

The stories share one roster and one set of files (their people are disjoint), so each engine
runs once per set of rules: Spark starts once per test session and the Spark part stays short.
"""

from __future__ import annotations

import pytest

from orgnet.events.spark_engine import spark_problem

ENGINES = [
    pytest.param("duckdb", id="duckdb"),
    pytest.param(
        "spark",
        id="spark",
        marks=[pytest.mark.spark, pytest.mark.skipif(spark_problem() is not None, reason=f"Spark cannot run here: {spark_problem()}")],
    ),
]

GUESTS_25 = ";".join(f"guest{i}@partner.dk" for i in range(1, 24))  # with G1 and G2: 25 attendees
GUESTS_26 = ";".join(f"guest{i}@partner.dk" for i in range(1, 25))  # with G3 and G4: 26
STAFF_24 = ";".join(f"staff{i}@kommune.dk" for i in range(1, 25))
STAFF_25 = ";".join(f"staff{i}@kommune.dk" for i in range(1, 26))

PEOPLE = "id,name,email\n" + "".join(
    f"{p},Person {p},{p.lower()}@kommune.dk\n"
    for p in "W1a W1b W2a W2b R1a R1b R2a R2b G1 G2 G3 G4 H1 H2 H3 H4 C1 C2 E1 E2 E3 E4 U1 D1 D2 Z1 Z2 Z3 Z4".split()
).replace("Person G1", "Søren Ærø")

# windows start on --since 2026-01-05: [5 Jan, 2 Feb), [2 Feb, 2 Mar), …
EMAIL = f"""sender,recipients,sent_at
w1a@kommune.dk,w1b@kommune.dk,2026-02-01T23:59:59Z
w1b@kommune.dk,w1a@kommune.dk,2026-02-02T00:00:00Z
w2a@kommune.dk,w2b@kommune.dk,2026-02-02T00:00:00Z
w2b@kommune.dk,w2a@kommune.dk,2026-03-01T23:59:59Z
r1a@kommune.dk,r1b@kommune.dk,2026-01-06 09:00:00Z
r1a@kommune.dk,r1b@kommune.dk,2026-01-07 09:00:00Z
r1a@kommune.dk,r1b@kommune.dk,2026-01-08 09:00:00Z
r2a@kommune.dk,r2b@kommune.dk,2026-01-06 09:00:00Z
r2b@kommune.dk,r2a@kommune.dk,2026-01-07 09:00:00Z
e1@kommune.dk,"e2@kommune.dk;{STAFF_25}",2026-01-06 09:00:00Z
e2@kommune.dk,"e1@kommune.dk;{STAFF_25}",2026-01-07 09:00:00Z
e3@kommune.dk,"E4@kommune.dk;{STAFF_24}",2026-01-06 09:00:00Z
e4@kommune.dk," e3@kommune.dk ; {STAFF_24}",2026-01-07 09:00:00Z
u1@kommune.dk,stranger@gmail.com,2026-01-06 09:00:00Z
stranger@gmail.com,u1@kommune.dk,2026-01-07 09:00:00Z
z1@kommune.dk,z2@kommune.dk,2026-02-02T00:30:00+01:00
z2@kommune.dk,z1@kommune.dk,2026-02-01T23:45:00Z
z3@kommune.dk,z4@kommune.dk,2026-02-02T00:30:00+01:00
z4@kommune.dk,z3@kommune.dk,2026-02-02T00:30:00Z
w1a@kommune.dk,w1b@kommune.dk,2025-12-30 09:00:00Z
"""

MEETINGS = f"""organiser,attendees,start,end,status
g1@kommune.dk,"g2@kommune.dk;{GUESTS_25}",2026-01-06 09:00:00Z,2026-01-06 10:00:00Z,accepted
g1@kommune.dk,"g2@kommune.dk;{GUESTS_25}",2026-01-08 09:00:00Z,2026-01-08 10:00:00Z,
g3@kommune.dk,"g4@kommune.dk;{GUESTS_26}",2026-01-06 09:00:00Z,2026-01-06 10:00:00Z,accepted
g3@kommune.dk,"g4@kommune.dk;{GUESTS_26}",2026-01-08 09:00:00Z,2026-01-08 10:00:00Z,accepted
h1@kommune.dk,h2@kommune.dk,2026-01-06 08:00:00Z,2026-01-06 17:00:00Z,accepted
h1@kommune.dk,h2@kommune.dk,2026-01-07 08:00:00Z,2026-01-07 17:00:00Z,accepted
h3@kommune.dk,h4@kommune.dk,2026-01-06 08:00:00Z,2026-01-06 16:00:00Z,accepted
h3@kommune.dk,h4@kommune.dk,2026-01-07 08:00:00Z,2026-01-07 16:00:00Z,accepted
c1@kommune.dk,c2@kommune.dk,2026-01-06 09:00:00Z,2026-01-06 10:00:00Z,Cancelled
c1@kommune.dk,c2@kommune.dk,2026-01-07 09:00:00Z,2026-01-07 10:00:00Z,declined
d1@kommune.dk,d2@kommune.dk,2026-01-06 09:00:00Z,2026-01-06 10:00:00Z,accepted
d1@kommune.dk,d2@kommune.dk,2026-01-06 09:00:00Z,2026-01-06 10:00:00Z,accepted
"""


@pytest.fixture(scope="session")
def stories(tmp_path_factory):
    folder = tmp_path_factory.mktemp("stories")
    (folder / "people.csv").write_text(PEOPLE, encoding="utf-8")
    (folder / "email.csv").write_text(EMAIL, encoding="utf-8")
    (folder / "meetings.csv").write_text(MEETINGS, encoding="utf-8-sig")  # a BOM, as Excel writes
    return folder


def cached_aggregation(logs, tmp_path_factory, label: str, *, parquet: bool = False):
    """``run(engine, **rules)`` → (result, output folder) for the logs in ``logs``, each engine and rule set once."""
    from orgnet.events import EventRules, build_from_events, parse_day, write_events_output

    cache = {}

    def run(engine: str, **rules):
        key = (engine, tuple(sorted(rules.items())))
        if key not in cache:
            settings = EventRules(since=parse_day("2026-01-05", "--since"), **rules)
            options = {"master": "local[2]"} if engine == "spark" else {}
            people, result = build_from_events(
                [str(logs / "email.csv"), str(logs / "meetings.csv")], logs / "people.csv", settings, engine=engine, **options
            )
            out = tmp_path_factory.mktemp(f"{label}-{engine}")
            write_events_output(people, result, out, parquet=parquet and engine == "duckdb")
            cache[key] = (result, out)
        return cache[key]

    return run


@pytest.fixture(scope="session")
def aggregated(stories, tmp_path_factory):
    """``aggregated(engine, per_window=False, weight="interactions")`` → (result, output folder), cached."""
    return cached_aggregation(stories, tmp_path_factory, "out", parquet=True)
