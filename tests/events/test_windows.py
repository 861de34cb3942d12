"""Sliding windows: a tie needs its interactions within *some* span of ``--window``, wherever the
calendar blocks fall; ``--per-window`` keeps the calendar blocks. Both engines, identical ties."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from tests.events.conftest import ENGINES, cached_aggregation

PEOPLE = "id,email\n" + "".join(f"{p},{p.lower()}@k.dk\n" for p in "A B C D E F G H I J K L M N".split())

# the calendar blocks start on --since 2026-01-05: [5 Jan, 2 Feb), [2 Feb, 2 Mar), [2 Mar, 30 Mar)
EMAIL = """sender,recipients,sent_at
a@k.dk,b@k.dk,2026-01-30 12:00:00Z
b@k.dk,a@k.dk,2026-02-26 12:00:00Z
c@k.dk,d@k.dk,2026-01-10 00:00:00Z
d@k.dk,c@k.dk,2026-02-07 00:00:00Z
e@k.dk,f@k.dk,2026-01-10 00:00:00Z
f@k.dk,e@k.dk,2026-02-06 23:59:59Z
g@k.dk,h@k.dk,2026-01-06 09:00:00Z
g@k.dk,h@k.dk,2026-01-07 09:00:00Z
h@k.dk,g@k.dk,2026-03-01 09:00:00Z
i@k.dk,j@k.dk,2026-01-06 09:00:00Z
j@k.dk,i@k.dk,2026-01-20 09:00:00Z
i@k.dk,j@k.dk,2026-03-10 09:00:00Z
k@k.dk,l@k.dk,2026-01-06 09:00:00Z
l@k.dk,k@k.dk,2026-01-27 09:00:00Z
k@k.dk,l@k.dk,2026-02-10 09:00:00Z
"""
MEETINGS = """organiser,attendees,start,end
m@k.dk,n@k.dk,2026-01-31 09:00:00Z,2026-01-31 10:00:00Z
n@k.dk,m@k.dk,2026-02-03 09:00:00Z,2026-02-03 10:00:00Z
"""


@pytest.fixture(scope="module")
def logs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("windows")
    (folder / "people.csv").write_text(PEOPLE, encoding="utf-8")
    (folder / "email.csv").write_text(EMAIL, encoding="utf-8")
    (folder / "meetings.csv").write_text(MEETINGS, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def built(logs, tmp_path_factory):
    return cached_aggregation(logs, tmp_path_factory, "windows")


def _ties(result) -> list[tuple]:
    return [tuple(row) for row in result.ties[["source", "target", "relation", "interactions"]].itertuples(index=False)]


SLIDING = [
    # 27 days apart across the blocks' edge of 2 February: one span of 28 days holds both
    ("A", "B", "email", 1), ("B", "A", "email", 1),
    # C and D wrote exactly 28 days apart: no span of 28 days holds both. E and F: one second less
    ("E", "F", "email", 1), ("F", "E", "email", 1),
    # G wrote twice in January; H answered on 1 March, outside every span that holds G's: no tie.
    # I and J: the answer within 14 days, and I's third e-mail 49 days later is in no such span
    ("I", "J", "email", 1), ("J", "I", "email", 1),
    # K–L: 6 Jan, 27 Jan and 10 Feb; every e-mail is in a span with one the other way
    ("K", "L", "email", 2), ("L", "K", "email", 1),
    # two meetings 3 days apart, across the blocks' edge
    ("M", "N", "meeting", 2), ("N", "M", "meeting", 2),
]


@pytest.mark.parametrize("engine", ENGINES)
def test_a_tie_needs_its_interactions_within_some_window(built, engine):
    result, _ = built(engine)
    assert _ties(result) == SLIDING


@pytest.mark.parametrize("engine", ENGINES)
def test_without_reciprocity_the_count_alone_decides(built, engine):
    result, _ = built(engine, reciprocal=False)
    # C–D stays apart (28 days); G's two e-mails to H make G→H, H's late answer counts for nothing
    assert _ties(result) == [*SLIDING[:4], ("G", "H", "email", 2), *SLIDING[4:]]


@pytest.mark.parametrize("engine", ENGINES)
def test_three_interactions_need_to_fit_one_window(built, engine):
    result, _ = built(engine, min_interactions=3)
    assert _ties(result) == []  # K–L's three e-mails span 35 days


@pytest.mark.parametrize("engine", ENGINES)
def test_per_window_keeps_the_calendar_blocks(built, engine):
    result, _ = built(engine, per_window=True)
    # only I–J and K–L (6 and 20/27 January) are within one block; A–B and M–N straddle its edge
    assert [(row.window, row.source, row.target, row.interactions) for row in result.ties.itertuples()] == [
        ("2026-01-05", "I", "J", 1), ("2026-01-05", "J", "I", 1), ("2026-01-05", "K", "L", 1), ("2026-01-05", "L", "K", 1),
    ]


def test_the_output_says_how_windows_are_counted(built):
    _, out = built("duckdb")
    metadata = json.loads((out / "events-summary.meta.json").read_text(encoding="utf-8"))
    assert metadata["windows"] == (
        "sliding: a tie needs 2 interactions and, with --reciprocal, a message each way or a meeting within some span of 28d "
        "(the last less than 28d after the first), wherever it falls"
    )
    assert metadata["window_origin"] == "2026-01-05T00:00:00+00:00"
    _, out = built("duckdb", per_window=True)
    metadata = json.loads((out / "events-summary.meta.json").read_text(encoding="utf-8"))
    assert metadata["windows"] == (
        "calendar windows: consecutive blocks of 28d from the origin (--since, else midnight UTC of the first event used); "
        "a tie in a window needs its interactions within that block"
    )


@pytest.mark.spark
@pytest.mark.skipif(ENGINES[1].marks[1].args[0], reason="Spark cannot run here")
def test_both_engines_write_identical_ties(built):
    _, duck = built("duckdb")
    _, spark = built("spark")
    assert (duck / "ties.csv").read_bytes() == (spark / "ties.csv").read_bytes()
    assert pd.read_csv(duck / "ties.csv").shape[0] == len(SLIDING)
