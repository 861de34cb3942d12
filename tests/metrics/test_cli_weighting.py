"""``orgnet metrics`` options for the graph the metrics use, and what the output says about it."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from orgnet.metrics import compute_all

PEOPLE = "id,name\ne,Ærø\na,Åse\nb,Bo\nc,Cæcilie\no,Ole\n"
TIES = "source,target,relation,frequency\ne,a,advice,dagligt\na,e,advice,dagligt\ne,b,advice,ugentligt\nc,e,advice,ugentligt\na,b,advice,ugentligt\nb,a,advice,ugentligt\nb,o,advice,sjældnere\n"
TOML = '[columns.ties]\nfrequency = "weight"\n\n[values.weight]  # survey frequency → weight; non-ASCII keys in quotes\ndagligt = "2"\nugentligt = "1"\n"sjældnere" = "3"\n'


@pytest.fixture()
def survey(tmp_path):
    """The hand example of test_holes, with frequencies as a survey exports them."""
    folder = tmp_path / "survey"
    folder.mkdir()
    (folder / "people.csv").write_text(PEOPLE, encoding="utf-8")
    (folder / "ties.csv").write_text(TIES, encoding="utf-8")
    (folder / "orgnet.toml").write_text(TOML, encoding="utf-8")
    return folder


def test_frequencies_map_to_weights_and_burt_uses_them(run_cli, survey, tmp_path):
    result = run_cli("metrics", survey, "-o", tmp_path / "m.csv")
    table = pd.read_csv(tmp_path / "m.csv", index_col="id")

    assert result.exit_code == 0, result.output
    assert table.loc["e", "strength"] == 2 + 2 + 1 + 1  # e⇄a daily (2 each way), e→b and c→e weekly
    assert table.loc["e", "constraint"] == pytest.approx(254 / 324)  # the ego-network model (default)
    assert table.loc["e", "name"] == "Ærø"


@pytest.mark.parametrize(
    ("options", "expected"),
    [((), 254 / 324), (("--holes", "whole"), 227 / 324), (("--symmetric",), 1 / 4 + 16 / 81 + 1 / 9)],
    ids=["ego", "whole", "symmetric"],
)
def test_holes_options(run_cli, survey, tmp_path, options, expected):
    result = run_cli("metrics", survey, "-o", tmp_path / "m.csv", *options)

    assert result.exit_code == 0, result.output
    assert pd.read_csv(tmp_path / "m.csv", index_col="id").loc["e", "constraint"] == pytest.approx(expected)


def test_symmetric_with_holes_is_refused(run_cli, survey, tmp_path):
    result = run_cli("metrics", survey, "-o", tmp_path / "m.csv", "--symmetric", "--holes", "ego")

    assert result.exit_code == 2
    assert "Error: --symmetric is the binary symmetrised graph over the whole network; leave out --holes" in result.output


def test_path_weights_and_weighted_reach_compute_all(run_cli, survey, tmp_path):
    import orgnet

    result = run_cli("metrics", survey, "-o", tmp_path / "m.csv", "--path-weights", "inverse", "--weighted")
    table = pd.read_csv(tmp_path / "m.csv", index_col="id")
    expected = compute_all(orgnet.read(survey), path_weights="inverse", weighted=True)

    assert result.exit_code == 0, result.output
    pd.testing.assert_series_equal(table["closeness"], expected["closeness"], check_names=False)
    pd.testing.assert_series_equal(table["pagerank"], expected["pagerank"], check_names=False)


def test_the_metadata_states_the_conventions(run_cli, survey, tmp_path):
    run_cli("metrics", survey, "-o", tmp_path / "m.csv", "--holes", "whole", "--path-weights", "inverse")
    meta = json.loads((tmp_path / "m.meta.json").read_text(encoding="utf-8"))

    assert meta["holes"] == "whole"
    assert meta["path_weights"] == "inverse"
    assert "whole-network model" in meta["conventions"]["effective_size, efficiency, constraint, hierarchy"]
    assert meta["conventions"]["betweenness, closeness"] == "symmetrised graph, path length = Σ 1/(z_uv + z_vu)"


def test_the_workbook_about_sheet_states_the_conventions(run_cli, survey, tmp_path):
    run_cli("metrics", survey, "-o", tmp_path / "m.xlsx")
    about = pd.read_excel(tmp_path / "m.xlsx", sheet_name="about").set_index("key")["value"]

    assert about["holes"] == "ego"
    assert "ego-network model" in about["conventions.effective_size, efficiency, constraint, hierarchy"]
