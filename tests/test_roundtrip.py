"""Writing any form and reading it back loses nothing: people, ties, groups, Danish letters."""

from __future__ import annotations

import pandas as pd
import pandas.testing as pdt
import pytest

import orgnet
from orgnet.generate import generate_municipality

FORMS = ["folder", "network.xlsx", "network.graphml", "network.gexf"]


@pytest.fixture(scope="module")
def municipality():
    return generate_municipality(people=300, seed=11)


def _comparable(frame: pd.DataFrame, key: list[str]) -> pd.DataFrame:
    frame = frame.sort_values(key).reset_index(drop=True)
    return frame[sorted(frame.columns)]


@pytest.mark.parametrize("form", FORMS)
def test_round_trip_keeps_people_and_ties(municipality, tmp_path, form):
    path = orgnet.write(municipality, tmp_path / form)

    back = orgnet.read(path)

    pdt.assert_frame_equal(back.people.sort_index(), municipality.people.sort_index(), check_dtype=False, check_like=True)
    key = ["source", "target", "relation"]
    pdt.assert_frame_equal(_comparable(back.ties, key), _comparable(municipality.ties, key), check_dtype=False)
    assert back.duplicates_merged == 0


@pytest.mark.parametrize("form", ["folder", "network.xlsx"])
def test_round_trip_keeps_groups(municipality, tmp_path, form):
    back = orgnet.read(orgnet.write(municipality, tmp_path / form))

    key = ["group", "person"]
    pdt.assert_frame_equal(_comparable(back.groups, key), _comparable(municipality.groups, key), check_dtype=False)


@pytest.mark.parametrize("form", FORMS)
def test_round_trip_of_merged_duplicates_and_hostile_text(write_folder, tmp_path, form):
    source = write_folder(
        people='id;name;organisation\n1;"=HYPERLINK(""x"")";Ærø\n2;<b>Åse</b> & Øjvind;Ærø\n007;  Ålborg  ;Fanø\n',
        ties="source;target;relation;kind;weight\n1;2;advice;informal;0,5\n1;2;advice;informal;1\n2;007;line;formal;2\n",
    )
    network = orgnet.read(source)

    back = orgnet.read(orgnet.write(network, tmp_path / form))

    assert back.people.loc["1", "name"] == '=HYPERLINK("x")'
    assert back.people.loc["2", "name"] == "<b>Åse</b> & Øjvind"
    assert back.people.loc["007", "name"] == "Ålborg"
    tie = back.ties.set_index(["source", "target", "relation"]).loc[("1", "2", "advice")]
    assert (tie["weight"], tie["reports"]) == (1.5, 2)
