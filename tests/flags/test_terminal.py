"""The terminal tables of flags, bagland and compare in Danish (and English names, not codes), on the
shipped municipality and on data with attributes orgnet does not know."""

from __future__ import annotations

import pytest

from tests.report.unknown import SHIPPED, unknown_attributes_folder
from tests.report.wording import CLEAN, problems

NBSP = "\u00a0"
COMMANDS = {
    "flags": ["flags"],
    "flags-management": ["flags", "--audience", "management"],
    "bagland": ["bagland"],
    "bagland-management": ["bagland", "--audience", "management"],
    "compare": ["compare", "--by", "level", "--by", "gender"],
    "compare-team": ["compare", "--by", "team", "--by", "role"],
}


@pytest.fixture(scope="module")
def unknown_folder(tmp_path_factory):
    return unknown_attributes_folder(tmp_path_factory.mktemp("unknown") / "data")


def printed(run_cli, folder, command: str, lang: str = "da") -> str:
    result = run_cli(*COMMANDS[command][:1], folder, *COMMANDS[command][1:], "--lang", lang)
    assert result.exit_code == 0, result.output
    return result.output


def lines_of(text: str) -> list[list[str]]:
    """Each line as its cells (two spaces or more part them)."""
    import re

    return [re.split(r"\s{2,}", line.strip()) for line in text.splitlines()]


@pytest.mark.parametrize("command", [c for c in COMMANDS if c != "compare-team"])
def test_shipped_tables_read_as_danish(run_cli, command):
    assert problems(printed(run_cli, SHIPPED, command)) == CLEAN


@pytest.mark.parametrize("command", list(COMMANDS))
def test_tables_of_unknown_attributes_read_as_danish(run_cli, unknown_folder, command):
    assert problems(printed(run_cli, unknown_folder, command)) == CLEAN


def test_the_danish_flag_listing(run_cli):
    lines = printed(run_cli, SHIPPED, "flags").splitlines()

    assert lines[0].split() == ["id", "navn", "flag", "alvor", "begrundelse"]
    assert lines[1].split()[:4] == ["P1082", "Kristian", "Bækgaard", "isoleret"]
    assert lines[-1] == ("358 flag: ingen uformel ekstern kontakt 100, tyndt netværk 95, kun én bro 70, ingen ekstern kontakt 51, "
                         "ingen intern kontakt 21, svagt bagland 10, flaskehals 7, isoleret 4")


def test_the_management_flag_counts_name_levels_and_flags(run_cli, unknown_folder):
    rows = lines_of(printed(run_cli, unknown_folder, "flags-management"))

    assert rows[0] == ["niveau", "n", "flag", "personer", "andel"]
    assert rows[1] == ["(alle)", "ingen uformel ekstern kontakt", "100", f"8,5{NBSP}%"]
    assert ["direktør", "<5", "skjult"] in rows  # a level under k: no figures
    assert ["chef", "66", "flaskehals", "1", f"1,5{NBSP}%"] in rows  # the data's own level, as written


def test_the_danish_bagland_table(run_cli):
    rows = lines_of(printed(run_cli, SHIPPED, "bagland"))

    assert rows[0] == ["id", "navn", "enhed", "kolleger", "nået", "dækning", "forbindelser til ledelsen", "flag"]
    assert rows[5] == ["P0262", "Ærtrud Madsen", "Dagtilbuddet Skovbrynet, afd. Nord", "6", "1", f"17{NBSP}%", "3", "svagt bagland"]


def test_the_bagland_for_management(run_cli):
    rows = lines_of(printed(run_cli, SHIPPED, "bagland-management"))

    assert rows == [["tal", "værdi"], ["TR'er", "69"], ["median dækning", f"71{NBSP}%"], ["svagt bagland", f"10 (14{NBSP}%)"],
                    ["ingen forbindelse til ledelsen", f"0 (0{NBSP}%)"]]


def test_the_danish_comparison(run_cli, unknown_folder):
    rows = lines_of(printed(run_cli, SHIPPED, "compare"))
    team = lines_of(printed(run_cli, unknown_folder, "compare-team"))

    assert rows[0] == ["niveau", "køn", "n", "median kontakter", "median interne", "median eksterne", "median uformelle",
                       "ingen uformel ekstern", "tyndt netværk", "ρ intern/ekstern"]
    assert rows[1] == ["(ikke angivet)", "mand", "175", "9", "9", "0", "9", f"0{NBSP}%", f"9,1{NBSP}%", "—"]
    assert rows[3] == ["afdelingsleder", "mand", "44", "12", "9", "3", "5,5", f"32{NBSP}%", f"6,8{NBSP}%", "0,09"]
    assert team[0][:3] == ["team", "rolle", "n"]  # an attribute orgnet does not know, as the data names it
    assert ["rød", "leder", "<5", "skjult", "skjult", "skjult", "skjult"] in team
    assert any(row[:2] == ["blå", "pædagog"] for row in team)


def test_english_tables_name_codes_too(run_cli):
    flags = printed(run_cli, SHIPPED, "flags", "en")
    compare = lines_of(printed(run_cli, SHIPPED, "compare", "en"))

    assert flags.splitlines()[-1].startswith("358 flags: no informal external contact 100, thin network 95, ")
    assert "no_informal_external" not in flags and "first_line" not in flags
    assert compare[1][:3] == ["(not given)", "man", "175"]
    assert compare[3][:2] == ["department leader", "man"]


def test_written_files_keep_the_codes_and_the_line_is_danish(run_cli, tmp_path):
    result = run_cli("compare", SHIPPED, "--by", "level", "-o", tmp_path / "c.csv", "--lang", "da")

    assert result.output.splitlines()[-1] == f"skrev 4 rækker til {tmp_path / 'c.csv'}, {tmp_path / 'c.meta.json'}"
    assert "first_line" in (tmp_path / "c.csv").read_text(encoding="utf-8-sig")


def test_management_flag_counts_without_levels_are_counts_over_everyone(run_cli, write_folder):
    folder = write_folder(people="id,role\na,leader\nb,employee\nc,employee\nd,employee\ne,employee\nf,employee\n",
                          ties="source,target,relation\na,b,advice\nb,c,advice\nc,d,advice\nd,e,advice\n")

    rows = lines_of(run_cli("flags", folder, "--audience", "management", "--lang", "da").output)

    assert rows[0] == ["flag", "personer", "andel"]
    assert ["isoleret", "1", f"17{NBSP}%"] in rows
