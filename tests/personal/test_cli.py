"""``orgnet suggest`` and ``orgnet profile`` as a user meets them: default persons, outputs,
and the exact messages for bad input."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pandas as pd
import pytest

import orgnet
from orgnet.analysis import Analysis
from tests.personal.conftest import make_network

SKOVBJERG = Path(__file__).resolve().parents[2] / "datasets" / "skovbjerg"


@pytest.fixture(scope="module")
def flagged_leaders():
    analysis = Analysis(orgnet.read(SKOVBJERG))
    people = analysis.network.people
    flagged = set(analysis.flags["id"])
    return [person for person in people.index if person in flagged and people.at[person, "role"] == "leader"]


def test_suggest_defaults_to_every_flagged_leader_and_writes_json(run_cli, tmp_path, flagged_leaders):
    result = run_cli("suggest", SKOVBJERG, "-o", tmp_path / "s.json", "--lang", "da")
    written = json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))
    table = pd.DataFrame(written["suggestions"])

    assert result.exit_code == 0
    changed = int(table["capped"].sum())
    assert result.stdout == (
        f"skrev {3 * len(flagged_leaders)} forslag til {len(flagged_leaders)} personer i {tmp_path / 's.json'}; "
        f"højst 5 pr. foreslået person (--max-per-person), hvilket ændrede {changed} forslag\n"
    )
    assert list(dict.fromkeys(table["person"])) == flagged_leaders
    assert written["metadata"]["suggestions_per_person"] == 3
    assert (written["metadata"]["max_per_person"], written["metadata"]["changed_by_cap"]) == (5, changed)
    assert table["suggested"].value_counts().max() == written["metadata"]["most_suggested_to_one"] == 5
    assert changed > 0 and table.loc[table["capped"], "instead_of"].notna().all() and table.loc[~table["capped"], "instead_of"].isna().all()


@pytest.mark.parametrize("value", ["0", "none", "None"])
def test_suggest_without_a_limit(run_cli, tmp_path, value, flagged_leaders):
    result = run_cli("suggest", SKOVBJERG, "--max-per-person", value, "-o", tmp_path / "s.json")
    written = json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))

    assert result.exit_code == 0
    assert result.stdout.endswith("; no limit per suggested person (--max-per-person)\n")
    assert written["metadata"]["max_per_person"] == "none" and written["metadata"]["changed_by_cap"] == 0
    # the concentration the limit exists for: one leader is 93 of the 441 suggestions
    assert written["metadata"]["most_suggested_to_one"] == 93


@pytest.mark.parametrize("value", ["-3", "many", "2.5", ""])
def test_suggest_refuses_a_limit_that_is_not_a_whole_number(run_cli, value):
    files = {path.name: path.read_bytes() for path in SKOVBJERG.iterdir()}

    result = run_cli("suggest", SKOVBJERG, "--max-per-person", value)

    assert result.exit_code == 1
    assert result.output == f"Error: --max-per-person {value}: write a whole number of at least 1, or 0 or none for no limit\n"
    assert {path.name: path.read_bytes() for path in SKOVBJERG.iterdir()} == files


def test_suggest_for_one_person_prints_the_table(run_cli):
    result = run_cli("suggest", SKOVBJERG, "--person", "P0002", "-n", "2")

    assert result.exit_code == 0
    assert result.stdout.endswith("\n\n2 suggestions for 1 person; at most 5 per suggested person (--max-per-person), which changed 0 suggestions\n")
    assert "your constraint falls from" in result.stdout


def test_suggest_where_limits_persons_and_candidates(run_cli, tmp_path):
    result = run_cli("suggest", SKOVBJERG, "--where", "role=leader", "--where", "level=top", "--any-level", "-o", tmp_path / "s.csv")
    table = pd.read_csv(tmp_path / "s.csv", encoding="utf-8-sig")
    people = orgnet.read(SKOVBJERG).people

    assert result.exit_code == 0
    assert "computed on 110 of 1,170 people (role=leader level=top) and the ties among them" in result.stderr
    assert set(people.loc[table["suggested"], "level"]) == {"top"}


def test_an_unknown_person_is_named(run_cli):
    result = run_cli("suggest", SKOVBJERG, "--person", "P9999")

    assert result.exit_code == 1
    assert result.output == "Error: --person P9999: no person with that id\n"


def test_a_person_outside_the_where_choice_is_named(run_cli, tmp_path):
    result = run_cli("profile", SKOVBJERG, "-o", tmp_path, "--where", "role=leader", "--person", "P1000")

    assert result.exit_code == 1
    assert result.output == "Error: --person P1000: no person with that id among the people --where chose\n"


def test_a_wrong_output_format_is_refused_before_any_work(run_cli, tmp_path):
    result = run_cli("suggest", SKOVBJERG, "-o", tmp_path / "s.txt")

    assert result.exit_code == 1
    assert result.output == f"Error: {tmp_path / 's.txt'}: cannot write '.txt'; use .csv, .xlsx or .json\n"


def test_profile_writes_every_leader_and_the_index(run_cli, tmp_path):
    result = run_cli("profile", SKOVBJERG, "-o", tmp_path / "p", "--lang", "da", "--where", "organisation=Specialbørnehaven Mågeøen")
    leaders = orgnet.read(SKOVBJERG).people.query("role == 'leader' and organisation == 'Specialbørnehaven Mågeøen'").index

    assert result.exit_code == 0
    assert result.stdout == f"skrev {len(leaders)} profiler til {tmp_path / 'p'}; oversigten er {tmp_path / 'p' / 'index.html'}\n"
    assert sorted(path.stem for path in (tmp_path / "p").glob("P*.html")) == sorted(leaders)


def test_profile_pdf_without_chromium_says_how_to_get_it(run_cli, tmp_path, monkeypatch):
    monkeypatch.delenv("ORGNET_CHROMIUM", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))

    result = run_cli("profile", SKOVBJERG, "-o", tmp_path / "p", "--person", "P0002", "--pdf")

    assert result.exit_code == 1
    assert result.output == (
        "Error: --pdf prints the profiles with headless Chromium, which is not installed: install it "
        "(Debian/Ubuntu: apt-get install chromium) or set ORGNET_CHROMIUM to its path\n"
    )
    assert not (tmp_path / "p").exists()


def test_profile_pdf_with_a_wrong_chromium_path_is_named(run_cli, tmp_path, monkeypatch):
    monkeypatch.setenv("ORGNET_CHROMIUM", str(tmp_path / "no-such-browser"))

    result = run_cli("profile", SKOVBJERG, "-o", tmp_path / "p", "--pdf")

    assert result.exit_code == 1
    assert result.output == f"Error: ORGNET_CHROMIUM is '{tmp_path / 'no-such-browser'}', which does not exist\n"


def test_profile_of_a_person_with_a_300_character_id(run_cli, tmp_path):
    long_id = "P" + "0" * 299
    people = [{"id": long_id, "name": "Lang Id", "role": "leader"}, {"id": "P2", "name": "Kort", "role": "leader"}]
    orgnet.write(make_network(people, [(0, 1)]), tmp_path / "data")
    files = {path.name: path.read_bytes() for path in (tmp_path / "data").iterdir()}

    result = run_cli("profile", tmp_path / "data", "-o", tmp_path / "p")
    page = f"P{'0' * 99}-{hashlib.sha256(long_id.encode('utf-8')).hexdigest()[:12]}.html"

    assert result.exit_code == 0, result.output
    assert result.stdout == f"wrote 2 profiles to {tmp_path / 'p'}; the list is {tmp_path / 'p' / 'index.html'}\n"
    assert (tmp_path / "p" / page).exists()
    assert f'<a href="{page}">' in (tmp_path / "p" / "index.html").read_text(encoding="utf-8")
    assert {path.name: path.read_bytes() for path in (tmp_path / "data").iterdir()} == files


def test_suggest_prints_its_table_in_danish(run_cli):
    result = run_cli("suggest", SKOVBJERG, "--person", "P0002", "-n", "2", "--lang", "da")
    header, *rows = result.stdout.split("\n\n")[0].splitlines()

    assert result.exit_code == 0
    assert header.split() == ["person", "navn", "nr.", "foreslået", "foreslået", "navn", "begrundelse"]
    assert len(rows) == 2 and all("din begrænsning falder fra" in row for row in rows)
    assert result.stdout.endswith("\n\n2 forslag til 1 person; højst 5 pr. foreslået person (--max-per-person), hvilket ændrede 0 forslag\n")
