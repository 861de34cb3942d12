"""``orgnet events`` on the command line: bad input gets one clear message, and the output is a data folder."""

from __future__ import annotations

import pytest

import orgnet

EMAIL_BAD = "sender,recipients,sent_at\na@k.dk,b@k.dk,2026-01-05 09:00\n,b@k.dk,2026-01-05 09:00\na@k.dk,b@k.dk,5. januar 2026\na@k.dk,b@k.dk,\n"


def test_bad_rows_named_with_file_row_and_value(run_cli, stories, tmp_path):
    events = tmp_path / "email.csv"
    events.write_text(EMAIL_BAD, encoding="utf-8")
    result = run_cli("events", events, "--people", stories / "people.csv", "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert result.output == (
        "Error: 3 problems in the input:\n"
        f"  - {events}, row 3, column 'sender': empty sender\n"
        f"  - {events}, row 4, column 'sent_at': cannot read the timestamp '5. januar 2026'; expected e.g. 2026-01-05 09:30:00+01:00\n"
        f"  - {events}, row 5, column 'sent_at': empty timestamp\n"
    )
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("name", "text", "role", "expected"),
    [
        pytest.param("calendar.csv", "organiser,attendees,start\nx@k.dk,y@k.dk,2026-01-05\n", "meeting",
                     "{file}: no column 'end' for meeting events; columns in the file: organiser, attendees, start", id="missing-column"),
        pytest.param("roster.csv", "id,name\nA,Anne\n", "roster",
                     "{file}: no column 'email' (the roster maps addresses to people); columns: id, name", id="roster-without-email"),
        pytest.param("roster.csv", "id,email\nA,a@k.dk\nB, A@K.dk\n", "roster",
                     "{file}, row 2, column 'email': e-mail 'a@k.dk' is given for 2 people (rows 2, 3)", id="address-twice"),
    ],
)
def test_bad_files_named(run_cli, stories, tmp_path, name, text, role, expected):
    file = tmp_path / name
    file.write_text(text, encoding="utf-8")
    events = f"meeting={file}" if role == "meeting" else stories / "email.csv"
    roster = file if role == "roster" else stories / "people.csv"
    result = run_cli("events", events, "--people", roster, "-o", tmp_path / "out")
    assert (result.exit_code, result.output) == (1, f"Error: 1 problem in the input:\n  - {expected.format(file=file)}\n")


def test_unknown_channel_and_bad_window(run_cli, stories, tmp_path):
    result = run_cli("events", f"fax={stories / 'email.csv'}", "--people", stories / "people.csv", "-o", tmp_path / "out")
    assert (result.exit_code, result.output) == (
        1, f"Error: 1 problem in the input:\n  - fax={stories / 'email.csv'}: unknown channel 'fax'; expected email, meeting, chat\n"
    )
    result = run_cli("events", stories / "email.csv", "--people", stories / "people.csv", "-o", tmp_path / "out", "--window", "3x")
    assert (result.exit_code, result.output) == (1, "Error: --window '3x': expected a positive number of days, weeks or hours, e.g. 28d, 4w or 12h\n")


def test_columns_mapped_in_orgnet_toml_and_naive_times_in_a_zone(run_cli, tmp_path):
    (tmp_path / "people.csv").write_text("id,email\nÅse,aase@k.dk\nBjørn,bjoern@k.dk\n", encoding="utf-8")
    (tmp_path / "mail.csv").write_text(
        "afsender;modtagere;sendt\naase@k.dk;bjoern@k.dk;2026-02-02 00:30\nbjoern@k.dk;aase@k.dk;2026-02-01 23:45:00Z\n", encoding="utf-8"
    )
    (tmp_path / "orgnet.toml").write_text(
        '[events.columns.email]\nafsender = "sender"\nmodtagere = "recipients"\nsendt = "sent_at"\n\n[events.kinds]\nemail = "formal"\n',
        encoding="utf-8",
    )
    args = ("events", tmp_path / "mail.csv", "--people", tmp_path / "people.csv", "--config", tmp_path / "orgnet.toml", "--since", "2026-01-05")
    # 00:30 in Copenhagen is 23:30 UTC the day before: both e-mails in the first window
    result = run_cli(*args, "-o", tmp_path / "cph", "--timezone", "Europe/Copenhagen")
    assert result.exit_code == 0, result.output
    network = orgnet.read(tmp_path / "cph")
    assert sorted(zip(network.ties["source"], network.ties["target"], network.ties["kind"])) == [
        ("Bjørn", "Åse", "formal"), ("Åse", "Bjørn", "formal")
    ]
    assert "wrote 2 ties (duckdb)" in result.output
    # read as UTC, 00:30 on 2 February opens the second calendar window: no tie in either window
    result = run_cli(*args, "-o", tmp_path / "utc", "--per-window")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "utc").iterdir() if p.is_dir()) == []
    assert "wrote 0 ties (duckdb)" in result.output
    # the sliding window (the default) needs only 45 minutes: a tie wherever the blocks fall
    result = run_cli(*args, "-o", tmp_path / "utc-sliding")
    assert len(orgnet.read(tmp_path / "utc-sliding").ties) == 2


def test_summary_printed(run_cli, stories, tmp_path):
    result = run_cli("events", stories / "email.csv", f"meeting={stories / 'meetings.csv'}", "--people", stories / "people.csv",
                     "-o", tmp_path / "out", "--since", "2026-01-05")
    assert result.exit_code == 0, result.output
    assert result.output == "".join([
        "events:\n",
        "  e-mail   read                               20\n",
        "  e-mail   excluded: before --since            1\n",
        "  e-mail   excluded: more than 25 recipients   2\n",
        "  e-mail   used                               17\n",
        "  meeting  read                               12\n",
        "  meeting  duplicate (dropped)                 1\n",
        "  meeting  excluded: cancelled or declined     2\n",
        "  meeting  excluded: longer than 8 hours       2\n",
        "  meeting  excluded: more than 25 attendees    2\n",
        "  meeting  used                                5\n",
        "interactions with addresses not in the roster: 2,258 (by domain: partner.dk (2,208), kommune.dk (48), gmail.com (2)); "
        "see unknown-addresses.csv\n",
        f"wrote 16 ties (duckdb) to {tmp_path / 'out'}\n",
    ])
    danish = run_cli("events", stories / "email.csv", f"meeting={stories / 'meetings.csv'}", "--people", stories / "people.csv",
                     "-o", tmp_path / "ud", "--since", "2026-01-05", "--lang", "da")
    assert danish.output == "".join([
        "hændelser:\n",
        "  e-mail  læst                             20\n",
        "  e-mail  udeladt: før --since              1\n",
        "  e-mail  udeladt: flere end 25 modtagere   2\n",
        "  e-mail  brugt                            17\n",
        "  møde    læst                             12\n",
        "  møde    dublet (fjernet)                  1\n",
        "  møde    udeladt: aflyst eller afslået     2\n",
        "  møde    udeladt: længere end 8 timer      2\n",
        "  møde    udeladt: flere end 25 deltagere   2\n",
        "  møde    brugt                             5\n",
        "kontakter med adresser, der ikke står på listen: 2.258 (efter domæne: partner.dk (2.208), kommune.dk (48), gmail.com (2)); "
        "se unknown-addresses.csv\n",
        f"skrev 16 forbindelser (duckdb) til {tmp_path / 'ud'}\n",
    ])
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "events-summary.csv", "events-summary.meta.json", "people.csv", "ties.csv", "unknown-addresses.csv", "unknown-addresses.meta.json",
        "written-by-orgnet.json",
    ]


def test_engine_errors_become_messages(run_cli, stories, tmp_path):
    broken = tmp_path / "mail.parquet"
    broken.write_bytes(b"PAR1garbage")
    result = run_cli("events", broken, "--people", stories / "people.csv", "-o", tmp_path / "out")
    assert (result.exit_code, result.output) == (
        1, f"Error: DuckDB could not read or run '{broken}': Invalid Input Error: File '{broken}' too small to be a Parquet file\n"
    )
    result = run_cli("events", stories / "email.csv", "--people", stories / "people.csv", "-o", tmp_path / "out",
                     "--memory-limit", "1MB", "--threads", "2")
    assert (result.exit_code, result.output) == (
        1, "Error: DuckDB ran out of memory in step 'classified' (memory limit 976.5 KiB, 2 threads): "
           "give it more with --memory-limit, or fewer --threads (each thread needs its share)\n"
    )
