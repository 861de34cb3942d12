"""The synthetic event logs: aggregation recovers the ties that generated them."""

from __future__ import annotations

import orgnet


def _pairs(ties):
    low = ties[["source", "target"]].min(axis=1)
    high = ties[["source", "target"]].max(axis=1)
    return set(zip(low, high, ties["kind"]))


def test_aggregation_recovers_the_generating_ties(run_cli, tmp_path):
    data = tmp_path / "kommune"
    result = run_cli("generate", "-o", data, "--people", 200, "--seed", 11, "--events", 12000)
    assert result.exit_code == 0, result.output
    files = sorted(p.name for p in (data / "events").iterdir())
    assert files == ["chat.csv", "email.csv", "meetings.csv"]
    events = data / "events"
    result = run_cli("events", events / "email.csv", f"chat={events / 'chat.csv'}", events / "meetings.csv",
                     "--people", data, "-o", tmp_path / "out", "--since", "2026-01-05")
    assert result.exit_code == 0, result.output

    generating = _pairs(orgnet.read(data).ties)
    recovered = _pairs(orgnet.read(tmp_path / "out").ties)
    found = len(generating & recovered)
    precision, recall = found / len(recovered), found / len(generating)
    print(f"precision {precision:.4f}, recall {recall:.4f} ({found} of {len(generating)} generating pairs)")
    assert (precision, recall) == (1.0, 1.0)
    # the noise was there and was excluded: broadcasts, staff meetings, newsletters from outside
    assert "e-mail   excluded: more than 25 recipients" in result.output
    assert "meeting  excluded: more than 25 attendees" in result.output
    assert "by domain: kl.dk" in result.output


def test_one_way_mail_makes_no_tie(run_cli, tmp_path):
    data = tmp_path / "kommune"
    run_cli("generate", "-o", data, "--people", 100, "--seed", 3, "--events", 3000)
    from orgnet.events.synthetic import generate_events, with_emails

    network = with_emails(orgnet.read(data))
    logs = generate_events(network, events=3000, seed=3)
    mail = logs["email"]
    # the noise: pairs with exactly one message between them, never answered
    counts = mail.groupby(["sender", "recipients"]).size()
    single = {(s, r) for (s, r), n in counts.items() if n == 1 and (r, s) not in counts.index and ";" not in r}
    assert len(single) > 100
    result = run_cli("events", data / "events" / "email.csv", "--people", data, "-o", tmp_path / "out")
    assert result.exit_code == 0
    email_of = network.people["email"]
    tied = {(email_of[s], email_of[t]) for s, t in zip(*[orgnet.read(tmp_path / "out").ties[c] for c in ("source", "target")])}
    assert not (single & tied)


def test_the_smallest_municipality_takes_many_events(run_cli, tmp_path):
    # --people 50 gives about 50 people, fewer than a broadcast's 30–80 recipients were drawn from
    data = tmp_path / "kommune"
    result = run_cli("generate", "-o", data, "--people", 50, "--seed", 2007, "--events", 2000)
    assert (result.exit_code, result.output.splitlines()[-1].startswith("wrote ")) == (0, True), result.output
    events = data / "events"
    assert sorted(p.name for p in events.iterdir()) == ["chat.csv", "email.csv", "meetings.csv"]
    result = run_cli("events", events / "email.csv", f"chat={events / 'chat.csv'}", events / "meetings.csv",
                     "--people", data, "-o", tmp_path / "out", "--since", "2026-01-05")
    assert result.exit_code == 0, result.output
    assert "e-mail   excluded: more than 25 recipients" in result.output
    assert _pairs(orgnet.read(tmp_path / "out").ties) == _pairs(orgnet.read(data).ties)
