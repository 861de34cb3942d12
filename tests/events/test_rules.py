"""Each rule on a hand-built event log, with the exact ties expected, on both engines."""

from __future__ import annotations

import pandas as pd
import pytest

from tests.events.conftest import ENGINES

# The only ties the stories in conftest.py should give (both directions each), by hand:
EXPECTED = pd.DataFrame(
    [
        # E3 and E4 wrote to 25 recipients each (allowed), one each way
        ("E3", "E4", "email", "informal", 1, 1, 0.0833, 1),
        ("E4", "E3", "email", "informal", 1, 1, 0.0833, 1),
        # 25 attendees (the limit) twice in one window
        ("G1", "G2", "meeting", "formal", 2, 2, 0.0833, 1),
        ("G2", "G1", "meeting", "formal", 2, 2, 0.0833, 1),
        # 8 hours (the limit) twice
        ("H3", "H4", "meeting", "formal", 2, 2, 16.0, 1),
        ("H4", "H3", "meeting", "formal", 2, 2, 16.0, 1),
        # one e-mail each way in a window
        ("R2a", "R2b", "email", "informal", 1, 1, 0.0833, 1),
        ("R2b", "R2a", "email", "informal", 1, 1, 0.0833, 1),
        # one second apart across the calendar blocks' edge (1 Feb 23:59:59, 2 Feb 00:00:00): the
        # sliding window holds both (each direction in its own calendar window)
        ("W1a", "W1b", "email", "informal", 1, 1, 0.0833, 1),
        ("W1b", "W1a", "email", "informal", 1, 1, 0.0833, 1),
        # 2 Feb 00:00:00 and 1 Mar 23:59:59 are 28 days less one second apart
        ("W2a", "W2b", "email", "informal", 1, 1, 0.0833, 1),
        ("W2b", "W2a", "email", "informal", 1, 1, 0.0833, 1),
        # 2 Feb 00:30+01:00 is 1 Feb 23:30 UTC, 15 minutes before the answer
        ("Z1", "Z2", "email", "informal", 1, 1, 0.0833, 1),
        ("Z2", "Z1", "email", "informal", 1, 1, 0.0833, 1),
        # 1 Feb 23:30 UTC and 2 Feb 00:30 UTC: an hour apart, across the blocks' edge
        ("Z3", "Z4", "email", "informal", 1, 1, 0.0833, 1),
        ("Z4", "Z3", "email", "informal", 1, 1, 0.0833, 1),
    ],
    columns=["source", "target", "relation", "kind", "weight", "interactions", "hours", "windows"],
)


@pytest.mark.parametrize("engine", ENGINES)
def test_exactly_the_expected_ties(aggregated, engine):
    result, _ = aggregated(engine)
    pd.testing.assert_frame_equal(result.ties, EXPECTED, check_dtype=False)


@pytest.mark.parametrize("engine", ENGINES)
def test_every_event_accounted_for(aggregated, engine):
    result, _ = aggregated(engine)
    summary = {(row.channel, row.outcome, row.rule): row.events for row in result.summary.itertuples()}
    assert summary == {
        ("email", "read", ""): 20,
        ("email", "excluded", "before_since"): 1,
        ("email", "excluded", "too_many_recipients"): 2,
        ("email", "used", ""): 17,
        ("meeting", "read", ""): 12,
        ("meeting", "duplicate", ""): 1,
        ("meeting", "excluded", "cancelled"): 2,
        ("meeting", "excluded", "too_long"): 2,
        ("meeting", "excluded", "too_many_attendees"): 2,
        ("meeting", "used", ""): 5,
    }


@pytest.mark.parametrize("engine", ENGINES)
def test_unknown_addresses_counted_per_domain(aggregated, engine):
    result, _ = aggregated(engine)
    unknown = result.unknown.set_index("domain")
    # interactions are counted per unknown address: staff1..24 each got E3's and E4's mail
    # (24 × 2); each of the 23 guests met 24 others, both ways, twice (23 × 24 × 2 × 2);
    # U1's stranger wrote once and was written to once. kommune.dk is the roster's own domain.
    assert unknown.loc["kommune.dk"].tolist() == [24, 48, True]
    assert unknown.loc["partner.dk"].tolist() == [23, 2208, False]
    assert unknown.loc["gmail.com"].tolist() == [1, 2, False]


def test_per_window_and_hours(aggregated):
    result, out = aggregated("duckdb", per_window=True, weight="hours")
    ties = result.ties
    assert sorted(ties["window"].unique()) == ["2026-01-05", "2026-02-02"]
    # one window of ties per folder, each a data folder orgnet reads
    assert sorted(p.name for p in out.iterdir() if p.is_dir()) == ["2026-01-05", "2026-02-02"]
    h3 = ties[(ties["source"] == "H3")].iloc[0]
    assert (h3["weight"], h3["hours"], h3["interactions"]) == (16.0, 16.0, 2)
    g1 = ties[(ties["source"] == "G1")].iloc[0]
    assert g1["weight"] == round(2 / 24, 4)  # two hours of meeting split among 24 others
    assert set(ties.loc[ties["window"] == "2026-02-02", "source"]) == {"W2a", "W2b"}


@pytest.mark.spark
@pytest.mark.skipif(ENGINES[1].marks[1].args[0], reason="Spark cannot run here")
def test_both_engines_write_identical_ties(aggregated):
    _, duck = aggregated("duckdb")
    _, spark = aggregated("spark")
    assert (duck / "ties.csv").read_bytes() == (spark / "ties.csv").read_bytes()
    assert (duck / "people.csv").read_bytes() == (spark / "people.csv").read_bytes()
    assert (duck / "ties.parquet").exists()


def test_parquet_with_typed_timestamps_gives_the_same_ties(aggregated, stories, tmp_path):
    import duckdb

    from orgnet.events import EventRules, build_from_events, parse_day

    folder = tmp_path / "logs"
    folder.mkdir()
    duckdb.sql(
        f"COPY (SELECT sender, recipients, CAST(sent_at AS TIMESTAMPTZ) AS sent_at FROM read_csv('{stories / 'email.csv'}', all_varchar = true)) "
        f"TO '{folder / 'email.parquet'}' (FORMAT parquet)"
    )
    rules = EventRules(since=parse_day("2026-01-05", "--since"))
    _, from_parquet = build_from_events([f"email={folder}", str(stories / "meetings.csv")], stories / "people.csv", rules)
    expected, _ = aggregated("duckdb")
    pd.testing.assert_frame_equal(from_parquet.ties, expected.ties)
