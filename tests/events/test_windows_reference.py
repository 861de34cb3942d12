"""The sliding-window plan (a scan for sparse pairs, none for pairs that qualify in every calendar
block) equals a brute-force reference written from the rule's definition, on random logs."""

from __future__ import annotations

from collections import defaultdict

import numpy as np
import pandas as pd
import pytest

DAY = 86400
START = pd.Timestamp("2026-01-05", tz="UTC")
PEOPLE = [f"P{i}" for i in range(6)]


def reference(events: list[tuple], *, window: int, minimum: int, reciprocal: bool) -> list[tuple]:
    """Ties from the definition: an interaction counts when some span [t, t + window) holding it
    has ``minimum`` interactions of its pair and, with ``reciprocal``, one each way or a meeting.

    ``events`` are (channel, a, b, seconds): a message a → b, or a meeting of a and b.
    """
    by_pair = defaultdict(list)
    for channel, a, b, at in events:
        by_pair[tuple(sorted((a, b)))].append((channel, a, b, at))
    counted = defaultdict(int)
    for items in by_pair.values():
        starts = sorted({at for *_, at in items})
        good = []
        for start in starts:  # a qualifying span can always start at one of the pair's interactions
            inside = [item for item in items if start <= item[3] < start + window]
            ways = {(a, b) for channel, a, b, _ in inside if channel == "email"}
            met = any(channel == "meeting" for channel, *_ in inside)
            if len(inside) >= minimum and (not reciprocal or met or len(ways) == 2):
                good.append(start)
        for channel, a, b, at in items:
            if any(start <= at < start + window for start in good):
                counted[(a, b, channel)] += 1
                if channel == "meeting":
                    counted[(b, a, channel)] += 1
    return sorted((a, b, channel, n) for (a, b, channel), n in counted.items())


def random_log(seed: int) -> list[tuple]:
    """A few dozen e-mails and meetings among six people over twelve weeks, clustered in time."""
    rng = np.random.default_rng(seed)
    events = []
    for _ in range(int(rng.integers(10, 40))):
        a, b = rng.choice(len(PEOPLE), size=2, replace=False)
        at = int(rng.integers(0, 84)) * DAY + int(rng.choice([0, 1, 3599, 43200]))
        channel = "meeting" if rng.random() < 0.15 else "email"
        events.append((channel, PEOPLE[a], PEOPLE[b], at))
    return list(dict.fromkeys(events))  # exact duplicates count once in orgnet too


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize(("window_days", "minimum", "reciprocal"), [(28, 2, True), (14, 3, True), (28, 2, False), (7, 1, True)])
def test_the_plan_equals_the_definition(tmp_path, seed, window_days, minimum, reciprocal):
    from orgnet.events import EventRules, build_from_events, parse_day

    events = random_log(seed)
    (tmp_path / "people.csv").write_text("id,email\n" + "".join(f"{p},{p.lower()}@k.dk\n" for p in PEOPLE), encoding="utf-8")
    stamp = lambda at: (START + pd.Timedelta(seconds=at)).strftime("%Y-%m-%d %H:%M:%SZ")  # noqa: E731
    mail = [f"{a.lower()}@k.dk,{b.lower()}@k.dk,{stamp(at)}" for channel, a, b, at in events if channel == "email"]
    meet = [f"{a.lower()}@k.dk,{b.lower()}@k.dk,{stamp(at)},{stamp(at + 1800)}" for channel, a, b, at in events if channel == "meeting"]
    (tmp_path / "email.csv").write_text("sender,recipients,sent_at\n" + "\n".join(mail) + "\n", encoding="utf-8")
    (tmp_path / "meetings.csv").write_text("organiser,attendees,start,end\n" + "\n".join(meet) + "\n", encoding="utf-8")
    rules = EventRules(since=parse_day("2026-01-05", "--since"), window_seconds=window_days * DAY, min_interactions=minimum, reciprocal=reciprocal)
    _, result = build_from_events([str(tmp_path / "email.csv"), f"meeting={tmp_path / 'meetings.csv'}"], tmp_path / "people.csv", rules)
    found = sorted(zip(result.ties["source"], result.ties["target"], result.ties["relation"], result.ties["interactions"].astype(int)))
    assert found == reference(events, window=window_days * DAY, minimum=minimum, reciprocal=reciprocal)
