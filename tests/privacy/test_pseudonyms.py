"""Keyed pseudonyms: metrics and flags unchanged, keys handled safely, codes mapped back only with the key."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pandas as pd
import pytest

import orgnet
from orgnet.analysis import Analysis
from orgnet.privacy.pseudonyms import load_key, pseudonymise

SHIPPED = Path(__file__).resolve().parents[2] / "datasets" / "skovbjerg"


@pytest.fixture
def key_file(tmp_path, run_cli):
    path = tmp_path / "secret" / "orgnet.key"
    path.parent.mkdir()
    assert run_cli("pseudonymise", "--new-key", path).exit_code == 0
    return path


@pytest.mark.parametrize("extra", [(), ("unit", "organisation", "group")])
def test_metrics_and_flags_are_unchanged(tmp_path, key_file, extra):
    original = orgnet.read(SHIPPED)
    columns = ["id", "name", *extra]
    coded, table = pseudonymise(original, load_key(key_file), columns=columns)
    orgnet.write(coded, tmp_path / "coded")
    reread = orgnet.read(tmp_path / "coded")  # through the files, as a colleague would get them
    back = dict(zip(table.loc[table["column"] == "id", "code"], table.loc[table["column"] == "id", "value"]))

    before, after = Analysis(original), Analysis(reread)

    after_metrics = after.metrics.rename(index=back)
    pd.testing.assert_frame_equal(after_metrics, before.metrics, check_names=False)
    flags_before = before.flags.drop(columns=["name", "reason"]).sort_values(["id", "flag"]).reset_index(drop=True)
    # single_bridge's value is the bridging person: an id, so a code too
    flags_after = after.flags.assign(id=after.flags["id"].map(back), value=after.flags["value"].map(lambda v: back.get(v, v)))
    flags_after = flags_after.drop(columns=["name", "reason"])
    # ids are text either way; the mapped column may come back as object rather than str dtype
    flags_after = flags_after.astype({"id": object})
    pd.testing.assert_frame_equal(flags_after.sort_values(["id", "flag"]).reset_index(drop=True), flags_before.astype({"id": object}))
    assert not set(original.people["name"]) & set(reread.people["name"])  # no name left


def test_key_file_is_owner_only_and_never_overwritten(key_file, run_cli):
    assert stat.S_IMODE(os.stat(key_file).st_mode) == 0o600
    assert len(key_file.read_text().strip()) == 64

    again = run_cli("pseudonymise", "--new-key", key_file)

    assert again.exit_code == 1
    assert again.output == f"Error: {key_file}: a file is already there; orgnet never overwrites a key (choose another name)\n"


def test_no_key_says_how_to_make_one(tmp_path, run_cli):
    result = run_cli("pseudonymise", SHIPPED, "-o", tmp_path / "out")

    assert result.exit_code == 1
    assert "pseudonymising needs a key file (--key-file KEY). Make one with: orgnet pseudonymise --new-key KEY" in result.output


def test_same_key_same_codes_across_waves_other_key_other_codes(tmp_path, key_file, run_cli):
    other = tmp_path / "secret" / "other.key"
    run_cli("pseudonymise", "--new-key", other)
    for name, key in (("a", key_file), ("b", key_file), ("c", other)):
        assert run_cli("pseudonymise", SHIPPED, "-o", tmp_path / name, "--key-file", key).exit_code == 0

    first, second, third = (pd.read_csv(tmp_path / n / "people.csv")["id"] for n in "abc")
    assert first.equals(second)
    assert not set(first) & set(third)


def test_key_and_table_never_land_in_the_output(tmp_path, key_file, run_cli):
    inside_key = run_cli("pseudonymise", SHIPPED, "-o", tmp_path / "out", "--key-file", key_file, "--table", tmp_path / "out" / "codes.csv")
    assert inside_key.exit_code == 1
    assert "the code table must not be written or kept inside the output folder" in inside_key.output

    result = run_cli("pseudonymise", SHIPPED, "-o", tmp_path / "out", "--key-file", key_file, "--table", tmp_path / "secret" / "codes.csv")

    assert result.exit_code == 0, result.output
    key_text = key_file.read_text().strip()
    names = set(orgnet.read(SHIPPED).people["name"])
    for file in (tmp_path / "out").iterdir():
        text = file.read_text(encoding="utf-8-sig")
        assert key_text not in text, file
        assert not any(name in text for name in names), file
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["groups.csv", "people.csv", "pseudonyms.json", "ties.csv", "written-by-orgnet.json"]


def test_reidentify_maps_back_with_the_key_and_refuses_a_wrong_key(tmp_path, key_file, run_cli):
    run_cli("pseudonymise", SHIPPED, "-o", tmp_path / "out", "--key-file", key_file)
    run_cli("flags", tmp_path / "out", "-o", tmp_path / "flags.csv")
    run_cli("flags", SHIPPED, "-o", tmp_path / "expected.csv")

    result = run_cli("reidentify", tmp_path / "flags.csv", "--key-file", key_file, "--data", SHIPPED, "-o", tmp_path / "back.csv")

    assert result.exit_code == 0, result.output
    back = pd.read_csv(tmp_path / "back.csv").sort_values(["id", "flag"]).reset_index(drop=True)
    expected = pd.read_csv(tmp_path / "expected.csv").sort_values(["id", "flag"]).reset_index(drop=True)
    pd.testing.assert_frame_equal(back, expected)  # names inside the reasons too

    wrong = tmp_path / "secret" / "wrong.key"
    run_cli("pseudonymise", "--new-key", wrong)
    refused = run_cli("reidentify", tmp_path / "flags.csv", "--key-file", wrong, "--data", SHIPPED, "-o", tmp_path / "x.csv")
    assert refused.exit_code == 1
    assert refused.output.startswith(f"Error: {tmp_path / 'flags.csv'}: no pseudonym in it was made with this key (fingerprint ")


def test_a_broken_key_file_is_named(tmp_path, run_cli):
    bad = tmp_path / "bad.key"
    bad.write_text("not a key")

    result = run_cli("pseudonymise", SHIPPED, "-o", tmp_path / "out", "--key-file", bad)

    assert result.exit_code == 1
    assert result.output == f"Error: {bad}: not an orgnet key (expected 64 hex digits, as orgnet pseudonymise --new-key writes)\n"


def test_outputs_carry_only_the_columns_asked_for(tmp_path, run_cli):
    import json

    plain = run_cli("metrics", SHIPPED, "-o", tmp_path / "m.csv")
    more = run_cli("flags", SHIPPED, "-o", tmp_path / "f.csv", "--columns", "gender,tenure_years")
    wrong = run_cli("metrics", SHIPPED, "-o", tmp_path / "x.csv", "--columns", "gendr")

    assert plain.exit_code == more.exit_code == 0
    columns = list(pd.read_csv(tmp_path / "m.csv", nrows=1).columns)
    assert columns[:6] == ["id", "name", "organisation", "unit", "role", "level"]
    assert not {"gender", "tenure_years", "profession", "municipality"} & set(columns)
    assert list(pd.read_csv(tmp_path / "f.csv", nrows=1).columns)[:4] == ["id", "gender", "tenure_years", "name"]
    assert json.loads((tmp_path / "m.meta.json").read_text(encoding="utf-8"))["audience"] == "consultant"
    assert wrong.exit_code == 1
    assert wrong.output.startswith("Error: --columns: no column 'gendr' in the people table. Columns: name, organisation")
