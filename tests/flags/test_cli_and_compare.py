"""The TR view, comparisons with suppression of small groups (every format), and the flags command."""

from __future__ import annotations

import json
import math

import openpyxl
import pandas as pd
import pytest

from orgnet.compare import compare
from orgnet.errors import OrgnetError
from orgnet.flags import bagland, flag_people
from orgnet.metrics import compute_all


def test_bagland_table_by_hand(workplace):
    table = bagland(workplace)

    assert table.loc["T", ["colleagues", "reached", "coverage", "management_ties"]].tolist() == [4, 1, 0.25, 2]
    assert table.loc["T", "not_reached"] == "Else Å (E2); Erik Æ (E3); Inger Sø (ISO)"
    assert table.loc["T2", ["colleagues", "reached", "coverage", "management_ties"]].tolist() == [1, 1, 1.0, 0]
    assert table.loc["T3", ["colleagues", "reached", "management_ties"]].tolist() == [0, 0, 0]
    assert math.isnan(table.loc["T3", "coverage"])


def test_bagland_cli_prints_and_writes(workplace_folder, run_cli, tmp_path):
    printed = run_cli("bagland", workplace_folder)
    written = run_cli("bagland", workplace_folder, "-o", tmp_path / "b.json")

    assert printed.exit_code == written.exit_code == 0
    assert "25%" in printed.output and "weak bagland" in printed.output and "weak_bagland" not in printed.output  # names, not codes
    rows = {row["id"]: row for row in json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))["bagland"]}
    assert rows["T3"]["coverage"] is None
    # most severe first; W has no other person and no leader, so no no_internal or no_management_tie
    assert rows["T3"]["flags"] == "thin, single_bridge"


def test_flags_cli_exit_zero_with_flags_and_danish_reasons(workplace_folder, run_cli, tmp_path):
    printed = run_cli("flags", workplace_folder, "--lang", "da")
    result = run_cli("flags", workplace_folder, "-o", tmp_path / "f.csv")

    assert printed.exit_code == result.exit_code == 0
    assert "Ingen forbindelser: ingen i data har kontakt med Inger Sø." in printed.output
    table = pd.read_csv(tmp_path / "f.csv", encoding="utf-8-sig")
    assert list(table.columns) == ["id", "name", "flag", "severity", "value", "threshold", "reason"]
    assert (table["flag"] == "weak_bagland").sum() == 1


def test_the_danish_listing_names_columns_flags_and_severities_in_danish(workplace_folder, run_cli):
    printed = run_cli("flags", workplace_folder, "--lang", "da")
    english = run_cli("flags", workplace_folder)
    lines = printed.output.splitlines()

    assert printed.exit_code == english.exit_code == 0
    assert lines[0].split() == ["id", "navn", "flag", "alvor", "begrundelse"]
    assert "svagt bagland                  høj" in printed.output and "weak_bagland" not in printed.output
    assert lines[-1].startswith(f"{len(lines) - 3} flag: tyndt netværk 9, ")
    # English names the flags too on the terminal (the CSV files keep the codes)
    assert english.output.splitlines()[0].split() == ["id", "name", "flag", "severity", "reason"]
    assert english.output.splitlines()[-1].startswith(f"{len(lines) - 3} flags: thin network 9, ")
    assert "weak bagland" in english.output and "weak_bagland" not in english.output


def test_flags_cli_rules_from_orgnet_toml(workplace_folder, run_cli):
    (workplace_folder / "orgnet.toml").write_text("[flags.weak_bagland]\nmin_coverage = 0.2\n", encoding="utf-8")

    result = run_cli("flags", workplace_folder)

    assert "weak_bagland" not in result.output


def _comparison(workplace, **options):
    metrics = compute_all(workplace, extra_layers=("informal+external",))
    return compare(workplace, metrics, flag_people(workplace, metrics), **options)


def test_compare_figures_and_suppression(workplace):
    table = _comparison(workplace, by=["role"]).set_index("role")

    # leaders L1 L2 L3 O1 O2: contacts 6, 6, 1, 2, 1
    assert table.loc["leader", ["suppressed", "n", "median_degree", "mean_degree"]].tolist() == [False, 5, 2.0, 3.2]
    assert table.loc["leader", "share_no_external"] == pytest.approx(1 / 5)
    assert table.loc["tr", "suppressed"]  # three TRs
    assert table.loc["tr"].drop("suppressed").isna().all()


def test_compare_k_below_three_is_refused(workplace):
    with pytest.raises(OrgnetError, match="k = 2 would show groups of fewer than 3 people"):
        _comparison(workplace, by=["role"], k=2)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".json", None])
def test_no_output_reveals_a_group_under_k(workplace_folder, run_cli, tmp_path, suffix):
    args = ["compare", workplace_folder, "--by", "role"]
    if suffix:
        args += ["-o", tmp_path / f"c{suffix}"]

    result = run_cli(*args)

    assert result.exit_code == 0
    if suffix is None:
        line = next(line for line in result.output.splitlines() if line.strip().startswith("TR"))  # the role's label
        assert line.split() == ["TR", "<5", "suppressed", "suppressed", "suppressed", "suppressed"]
        return
    if suffix == ".csv":
        rows = pd.read_csv(tmp_path / "c.csv", encoding="utf-8-sig").set_index("role")
        values = rows.loc["tr"].drop("suppressed")
        assert values.isna().all()
    elif suffix == ".xlsx":
        sheet = openpyxl.load_workbook(tmp_path / "c.xlsx")["comparison"]
        header = [cell.value for cell in sheet[1]]
        tr = next(row for row in sheet.iter_rows(min_row=2, values_only=True) if row[0] == "tr")
        assert [value for name, value in zip(header, tr) if name not in ("role", "suppressed")] == [None] * (len(header) - 2)
    else:
        rows = {row["role"]: row for row in json.loads((tmp_path / "c.json").read_text(encoding="utf-8"))["comparison"]}
        assert [v for k, v in rows["tr"].items() if k not in ("role", "suppressed")] == [None] * (len(rows["tr"]) - 2)


def test_compare_by_two_attributes_and_role(run_cli, tmp_path):
    result = run_cli("compare", "datasets/skovbjerg", "--by", "level", "--by", "gender", "--role", "leader", "-o", tmp_path / "c.json")

    assert result.exit_code == 0
    rows = json.loads((tmp_path / "c.json").read_text(encoding="utf-8"))["comparison"]
    assert {(r["level"], r["gender"]) for r in rows} == {(lv, g) for lv in ("top", "middle", "first_line") for g in ("woman", "man")}
    assert all(r["n"] is None or r["n"] >= 5 for r in rows)


def test_flags_cli_does_not_ask_the_impossible(write_folder, run_cli, tmp_path):
    """S1 is Solsikken's only person (no no_internal); K2 has colleagues she does not reach. The
    TR T1's Solsikken has no leader (no no_management_tie)."""
    folder = write_folder(
        people="id,name,organisation,unit,role\nK1,Karen,Kærholm,Ledelse,leader\nK2,Kim,Kærholm,Køkken,employee\n"
        "K3,Kaj,Kærholm,Køkken,employee\nS1,Sofie,Solsikken,Ledelse,tr\n",
        ties="source,target,relation,kind\nS1,K1,advice,informal\nK2,S1,advice,informal\nK1,K3,advice,informal\n",
    )
    files = {path.name: path.read_bytes() for path in folder.iterdir()}

    result = run_cli("flags", folder, "-o", tmp_path / "flags.json")
    rows = pd.DataFrame(json.loads((tmp_path / "flags.json").read_text(encoding="utf-8"))["flags"])

    assert result.exit_code == 0, result.output
    assert set(rows.loc[rows["flag"] == "no_internal", "id"]) == {"K2"}
    # thin: 2 contacts of 3 possible, below the floor of 3; K2 hangs on S1, K3 is reached through K1
    assert rows.loc[rows["id"] == "S1", "flag"].tolist() == ["thin", "single_bridge", "bottleneck"]
    assert {path.name: path.read_bytes() for path in folder.iterdir()} == files
