"""Synthetic collaboration metadata for a synthetic municipality: events that the ties explain.

Every tie of the network leaves the events that make it a tie under the default rules, inside
one 28-day window: informal ties two e-mails (one each way) or chat messages, reporting lines
two one-to-one meetings, committees and leader network groups two meetings of all members.
Further events strengthen ties at random, and events that must *not* make ties are added as
noise: one-way e-mails between people without a tie, broadcasts to more than 25 recipients,
all-staff meetings of more than 25 people, and newsletters from addresses outside the roster.
So ``orgnet events`` on these logs should recover exactly the generating ties, which the tests
check (precision and recall).
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd

from orgnet.model import OrgNetwork

WINDOW = 28 * 86400
START = pd.Timestamp("2026-01-05", tz="UTC")  # a Monday; the windows start here
INTERNAL_DOMAIN = "skovbjerg.dk"
GROUP_RELATIONS = ("committee", "network_group")


def with_emails(network: OrgNetwork) -> OrgNetwork:
    """The network with an ``email`` column for everyone (the roster ``orgnet events`` needs)."""
    return replace(network, people=network.people.assign(email=[f"{i.lower()}@{INTERNAL_DOMAIN}" for i in network.people.index]))


def generate_events(network: OrgNetwork, *, events: int, seed: int = 2007, windows: int = 3) -> dict[str, pd.DataFrame]:
    """E-mail, meeting and chat logs (about ``events`` rows in all, at least what the ties need).

    Parameters
    ----------
    network : OrgNetwork
        With an ``email`` column (see :func:`with_emails`).
    events : int
        About how many events; the ties need two each (a group two meetings), and the rest is
        drawn as extra interactions on ties (60 %) and noise (40 %).
    windows : int
        How many 28-day windows, from Monday 5 January 2026.
    """
    rng = np.random.default_rng(seed)
    email = network.people["email"]
    ties = network.ties
    pair = pd.DataFrame({"a": ties["source"].map(email), "b": ties["target"].map(email), "relation": ties["relation"], "kind": ties["kind"]})
    informal = pair[pair["kind"] == "informal"].drop_duplicates(["a", "b"])
    lines = pair[(pair["kind"] == "formal") & ~pair["relation"].isin(GROUP_RELATIONS)].drop_duplicates(["a", "b"])
    groups = network.groups.assign(address=network.groups["person"].map(email))

    messages, meetings = [], []
    # each informal tie: a message and its answer in one window; a third go by chat
    n = len(informal)
    window = rng.integers(0, windows, n)
    channel = np.where(rng.random(n) < 1 / 3, "chat", "email")
    for sender, recipient in (("a", "b"), ("b", "a")):
        messages.append(_messages(informal[sender].to_numpy(), informal[recipient].to_numpy(), channel, _times(rng, window)))
    # each reporting line: two one-to-one meetings of 30 minutes in one window
    window = rng.integers(0, windows, len(lines))
    for _ in range(2):
        meetings.append(_meetings(lines["a"].to_numpy(), lines["b"].to_numpy(), _times(rng, window), 1800))
    # each committee and network group: two meetings of all members, 90 minutes
    members = groups.groupby("group", sort=True)["address"].agg(list)
    organiser = np.array([m[0] for m in members], dtype=object)
    attendees = np.array([";".join(m[1:]) for m in members], dtype=object)
    window = rng.integers(0, windows, len(members))
    for _ in range(2):
        meetings.append(_meetings(organiser, attendees, _times(rng, window), 5400))

    needed = sum(map(len, messages)) + sum(map(len, meetings))
    extra = max(0, events - needed)
    # strength: more messages on random ties, either way, in any window
    k = int(extra * 0.6)
    if k and len(informal):
        pick = rng.integers(0, len(informal), k)
        flip = rng.random(k) < 0.5
        a, b = informal["a"].to_numpy()[pick], informal["b"].to_numpy()[pick]
        messages.append(_messages(np.where(flip, b, a), np.where(flip, a, b), rng.choice(["email", "chat"], k, p=[0.7, 0.3]), _times(rng, rng.integers(0, windows, k))))
    noise = extra - k
    messages.append(_one_way(rng, network, ties, max(1, int(noise * 0.9)), windows))
    messages.append(_broadcasts(rng, network, max(1, int(noise * 0.05)), windows))
    meetings.append(_all_staff(rng, network, max(1, int(noise * 0.05)), windows))

    logs = pd.concat(messages, ignore_index=True)
    mail = logs[logs["channel"] == "email"].drop(columns="channel").sort_values("sent_at", kind="stable").reset_index(drop=True)
    chat = logs[logs["channel"] == "chat"].drop(columns="channel").sort_values("sent_at", kind="stable").reset_index(drop=True)
    meeting = pd.concat(meetings, ignore_index=True).sort_values("start", kind="stable").reset_index(drop=True)
    return {"email": mail, "chat": chat, "meetings": meeting}


def _times(rng, window: np.ndarray) -> np.ndarray:
    """Random moments inside the given windows (seconds after START), an hour clear of the end."""
    return window * WINDOW + rng.integers(0, WINDOW - 3600, len(window))


def _stamp(rng, seconds: np.ndarray) -> np.ndarray:
    """ISO timestamps, half in UTC ("Z") and half in Danish winter time (+01:00): the same instants."""
    moments = START + pd.to_timedelta(seconds, unit="s")
    utc = moments.strftime("%Y-%m-%dT%H:%M:%SZ")
    local = (moments + pd.Timedelta(hours=1)).strftime("%Y-%m-%d %H:%M:%S+01:00")
    return np.where(rng.random(len(seconds)) < 0.5, np.asarray(utc), np.asarray(local))


def _messages(senders, recipients, channel, seconds) -> pd.DataFrame:
    rng = np.random.default_rng(len(seconds))
    return pd.DataFrame({"channel": channel, "sender": senders, "recipients": recipients, "sent_at": _stamp(rng, seconds)})


def _meetings(organisers, attendees, seconds, duration: int) -> pd.DataFrame:
    rng = np.random.default_rng(len(seconds) + duration)
    return pd.DataFrame(
        {"organiser": organisers, "attendees": attendees, "start": _stamp(rng, seconds), "end": _stamp(rng, seconds + duration), "status": "accepted"}
    )


def _one_way(rng, network: OrgNetwork, ties: pd.DataFrame, count: int, windows: int) -> pd.DataFrame:
    """Single e-mails between people without a tie, never answered; one per pair at most."""
    ids = network.people.index.to_numpy()
    n = len(ids)
    a, b = rng.integers(0, n, count * 2), rng.integers(0, n, count * 2)
    lo, hi = np.minimum(a, b), np.maximum(a, b)
    position = pd.Series(np.arange(n), index=ids)
    tied = set(zip(np.minimum(position[ties["source"]].to_numpy(), position[ties["target"]].to_numpy()),
                   np.maximum(position[ties["source"]].to_numpy(), position[ties["target"]].to_numpy())))
    frame = pd.DataFrame({"lo": lo, "hi": hi, "a": a, "b": b})
    frame = frame[(frame["lo"] != frame["hi"])].drop_duplicates(["lo", "hi"])
    frame = frame[[pair not in tied for pair in zip(frame["lo"], frame["hi"])]].head(count)
    email = network.people["email"].to_numpy()
    senders = email[frame["a"].to_numpy()]
    # every fifth is a newsletter from outside the roster instead
    outside = rng.random(len(frame)) < 0.2
    senders = np.where(outside, "nyhedsbrev@kl.dk", senders)
    return _messages(senders, email[frame["b"].to_numpy()], "email", _times(rng, rng.integers(0, windows, len(frame))))


def _broadcasts(rng, network: OrgNetwork, count: int, windows: int) -> pd.DataFrame:
    """E-mails from a leader to 30–80 people (and the all-staff list): not collaboration."""
    email = network.people["email"].to_numpy()
    leaders = email[(network.people["role"] == "leader").to_numpy()]
    senders = rng.choice(leaders, count)
    # a small municipality (--people 50) has fewer than 80 people: at most everyone, still over 25
    lists = [";".join([*rng.choice(email, min(rng.integers(30, 81), len(email)), replace=False), f"alle@{INTERNAL_DOMAIN}"])
             for _ in range(count)]
    return _messages(senders, np.array(lists, dtype=object), "email", _times(rng, rng.integers(0, windows, count)))


def _all_staff(rng, network: OrgNetwork, count: int, windows: int) -> pd.DataFrame:
    """Staff meetings of 30–60 people: too large to be collaboration."""
    email = network.people["email"].to_numpy()
    size = min(len(email) - 1, 60)
    attendees = [rng.choice(email, rng.integers(min(30, size), size + 1), replace=False) for _ in range(count)]
    frame = _meetings(np.array([a[0] for a in attendees], dtype=object), np.array([";".join(a[1:]) for a in attendees], dtype=object),
                      _times(rng, rng.integers(0, windows, count)), 3600)
    return frame


def write_synthetic_events(network: OrgNetwork, output, *, events: int, seed: int = 2007) -> OrgNetwork:
    """Write ``output/events/{email,meetings,chat}.csv`` for ``network``; return it with emails."""
    from pathlib import Path

    from orgnet.io.text import write_csv

    network = with_emails(network)
    logs = generate_events(network, events=events, seed=seed)  # all of it before the first file is written
    folder = Path(output) / "events"
    folder.mkdir(parents=True, exist_ok=True)
    for name, frame in logs.items():
        write_csv(frame, folder / f"{name}.csv")
    return network
