"""Messy but valid files, as Danish Excel writes them: they are read, with exact counts."""

from __future__ import annotations

import pandas as pd
import pytest

import orgnet

PEOPLE = "id;name;organisation;tenure_years\r\n 1 ; Søren Ærø ;Ålum Kommune; 3,5\r\n2;Åse Øster;Ålum Kommune;12\r\n3;Bjørn Kjær;Region Østerland;0,25\r\n"
TIES = "source;target;relation;kind;weight\r\n1;2;line;formal;1,5\r\n1;2;line;formal;2\r\n2;3;advice;informal;1\r\n 1 ;3 ;advice;informal;1\r\n1;2;advice;informal;1\r\n"


@pytest.mark.parametrize(
    "encoding",
    ["utf-8", "utf-8-sig", "cp1252"],
    ids=["utf8", "utf8-bom", "windows-1252"],
)
def test_danish_semicolon_file_reads_with_names_intact(write_folder, encoding):
    network = orgnet.read(write_folder(encoding=encoding, people=PEOPLE, ties=TIES))

    assert list(network.people.index) == ["1", "2", "3"]
    assert list(network.people["name"]) == ["Søren Ærø", "Åse Øster", "Bjørn Kjær"]
    assert list(network.people["organisation"]) == ["Ålum Kommune", "Ålum Kommune", "Region Østerland"]
    assert list(network.people["tenure_years"]) == [3.5, 12.0, 0.25]
    assert len(network.ties) == 4
    assert network.duplicates_merged == 1


def test_duplicate_ties_are_merged_with_weights_added_and_counted(write_folder):
    network = orgnet.read(write_folder(people=PEOPLE, ties=TIES))

    line = network.ties[network.ties["relation"] == "line"].iloc[0]
    assert (line["source"], line["target"], line["weight"], line["reports"]) == ("1", "2", 3.5, 2)
    assert network.duplicates_merged == 1


def test_scope_follows_organisation(write_folder):
    network = orgnet.read(write_folder(people=PEOPLE, ties=TIES))

    scope = network.ties.set_index(["source", "target", "relation"])["scope"]
    assert scope[("1", "2", "line")] == "internal"
    assert scope[("2", "3", "advice")] == "external"


def test_tab_separated_utf16_from_excel_unicode_text(write_folder, tmp_path):
    folder = tmp_path / "utf16"
    folder.mkdir()
    (folder / "people.csv").write_bytes("id\tname\nA\tGørild\nB\tKåre\n".encode("utf-16"))
    (folder / "ties.csv").write_bytes("source\ttarget\tkind\nA\tB\tinformal\n".encode("utf-16"))

    network = orgnet.read(folder)

    assert list(network.people["name"]) == ["Gørild", "Kåre"]
    assert network.ties[["source", "target", "kind"]].values.tolist() == [["A", "B", "informal"]]


def test_comma_file_with_quoted_decimal_comma_and_blank_lines(write_folder):
    people = 'id,name,score\nx,"Jensen, Mette","2,5"\n\ny,Ole,4\n'
    ties = "source,target,relation\nx,y,friendship\n"

    network = orgnet.read(write_folder(people=people, ties=ties))

    assert list(network.people["name"]) == ["Jensen, Mette", "Ole"]
    assert list(network.people["score"]) == [2.5, 4.0]
    assert network.ties["kind"].tolist() == ["informal"]  # friendship is informal by default


def test_relation_column_alone_is_enough_when_orgnet_toml_maps_it(write_folder):
    folder = write_folder(
        people="id\na\nb\n",
        ties="source,target,relation\na,b,supervision\n",
        orgnet_toml='[relations]\nsupervision = "formal"\n',
    )

    network = orgnet.read(folder)

    assert network.ties["kind"].tolist() == ["formal"]


def test_danish_column_names_renamed_by_orgnet_toml(write_folder):
    folder = write_folder(
        people="id;navn;enhed;rolle;niveau;organisation\n1;Søs Ørum;Vuggestuen;leder;øverste;K\n2;Åge Bø;Vuggestuen;medarbejder;;K\n",
        ties="fra;til;relation\n2;1;linje\n",
        orgnet_toml=(
            '[columns.people]\nnavn = "name"\nenhed = "unit"\nrolle = "role"\nniveau = "level"\n'
            '[columns.ties]\nfra = "source"\ntil = "target"\n'
            '[relations]\nlinje = "formal"\n'
            '[values.role]\nleder = "leader"\nmedarbejder = "employee"\n'
            '[values.level]\n"øverste" = "top"\n'
        ),
    )

    network = orgnet.read(folder)

    assert network.people.loc["1", ["name", "unit", "role", "level"]].tolist() == ["Søs Ørum", "Vuggestuen", "leader", "top"]
    assert network.people.loc["2", "role"] == "employee"
    assert pd.isna(network.people.loc["2", "level"])
    assert network.ties[["source", "target", "relation", "kind"]].values.tolist() == [["2", "1", "linje", "formal"]]


def test_isolates_are_people_without_ties(write_folder):
    network = orgnet.read(write_folder(people="id\na\nb\nc\n", ties="source,target,kind\na,b,formal\n"))

    assert list(network.isolates()) == ["c"]
