"""The command line's own errors and the guarded writer's refusals are said in the command's
language: each case below is run with ``--lang da`` (the exact Danish, exit status 1) and with
``--lang en`` (exactly the English orgnet wrote before its errors came from the catalogue)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from orgnet.cli import main
from orgnet.errors import OrgnetError, Said

DATA = str(Path(__file__).resolve().parents[2] / "datasets" / "skovbjerg")


def _cases(tmp: Path):
    shared = tmp / "shared"
    shared.mkdir()
    (shared / "notes.txt").write_text("x", encoding="utf-8")
    (tmp / "logs.csv").write_text("sender,recipients,sent_at\n", encoding="utf-8")
    return {
        "metrics for management": (
            ["metrics", DATA, "-o", str(tmp / "m.csv"), "--audience", "management"],
            "en tabel pr. person findes ikke i en udgave til ledelsen; brug orgnet compare eller orgnet report --audience management",
            "a per-person table has no management form; use orgnet compare or orgnet report --audience management",
        ),
        "graph for management": (
            ["graph", DATA, "-o", str(tmp / "g.html"), "--audience", "management"],
            "et billede af netværket viser enkeltpersoner, også uden navne, så der er intet til ledelsen; brug orgnet report --audience management",
            "a picture of the network shows individuals even without names, so there is none for management; use orgnet report --audience management",
        ),
        "whatif without a change": (
            ["whatif", DATA],
            'angiv en ændring: --remove ID, --remove-where ATTR=VALUE, --merge "A,B=C", --move ID=PLACE eller --scenarios FILE',
            'name a change: --remove ID, --remove-where ATTR=VALUE, --merge "A,B=C", --move ID=PLACE or --scenarios FILE',
        ),
        "k below 3": (
            ["compare", DATA, "--by", "level", "--k", "2"],
            "k = 2 ville vise grupper med færre end 3 personer; brug k ≥ 3",
            "k = 2 would show groups of fewer than 3 people; use k ≥ 3",
        ),
        "group size": (
            ["groups", DATA, "--size", "x"],
            "--size x: angiv min-max, fx --size 3-10",
            "--size x: give min-max, e.g. --size 3-10",
        ),
        "max per person": (
            ["suggest", DATA, "--max-per-person", "many"],
            "--max-per-person many: skriv et helt tal på mindst 1, eller 0 eller none for ingen grænse",
            "--max-per-person many: write a whole number of at least 1, or 0 or none for no limit",
        ),
        "unknown person": (
            ["profile", DATA, "--person", "nobody", "-o", str(tmp / "profiles")],
            "--person nobody: ingen person med det id",
            "--person nobody: no person with that id",
        ),
        "unknown column": (
            ["metrics", DATA, "-o", str(tmp / "m.csv"), "--columns", "shoe_size"],
            "--columns: ingen kolonne 'shoe_size' i persontabellen. Kolonner: name, organisation, unit, role, level, gender, "
            "tenure_years, profession, employer, municipality, former_municipality",
            "--columns: no column 'shoe_size' in the people table. Columns: name, organisation, unit, role, level, gender, "
            "tenure_years, profession, employer, municipality, former_municipality",
        ),
        "reidentify into a .txt": (
            ["reidentify", str(tmp / "m.csv"), "--key-file", str(tmp / "key"), "--data", DATA, "-o", str(tmp / "out.txt")],
            f"{tmp / 'out.txt'}: kan ikke skrive '.txt'; brug .csv eller .xlsx",
            f"{tmp / 'out.txt'}: cannot write '.txt'; use .csv or .xlsx",
        ),
        "an output onto an input": (
            ["metrics", DATA, "-o", f"{DATA}/people.csv"],
            f"{DATA}/people.csv: er inddata for denne kommando (læst fra DATA {DATA}); skriv uddata et andet sted",
            f"{DATA}/people.csv: is an input of this command (read from DATA {DATA}); write the output somewhere else",
        ),
        "a shared folder holding a file": (
            ["pseudonymise", DATA, "-o", str(shared), "--key-file", str(tmp / "key")],
            f"{shared}: indeholder notes.txt, som ikke er skrevet her af orgnet pseudonymise; den ville blive delt sammen med "
            "de pseudonymiserede data. Vælg en ny mappe, eller brug --replace for at erstatte den",
            f"{shared}: holds notes.txt, not written here by orgnet pseudonymise; it would be shared with the pseudonymised data. "
            "Choose a new folder, or give --replace to replace it",
        ),
        "a slashed file name": (
            ["metrics", DATA, "-o", f"{tmp / 'table.csv'}/"],
            f"{tmp / 'table.csv'}/: slutter med '/' og er derfor en mappe; angiv et filnavn",
            f"{tmp / 'table.csv'}/: ends in '/', so it names a folder; give a file name",
        ),
        "an event kind": (
            ["events", f"email={tmp / 'logs.csv'}", "--people", DATA, "-o", str(tmp / "net"), "--kind", "email=close"],
            "1 problem i inddata:\n  - --kind: 'email=close': forventede CHANNEL=KIND med CHANNEL blandt email, meeting, chat "
            "og KIND formal eller informal",
            "1 problem in the input:\n  - --kind: 'email=close': expected CHANNEL=KIND with channel email, meeting, chat "
            "and kind formal or informal",
        ),
    }


CASES = [
    "metrics for management", "graph for management", "whatif without a change", "k below 3", "group size", "max per person",
    "unknown person", "unknown column", "reidentify into a .txt", "an output onto an input", "a shared folder holding a file",
    "a slashed file name", "an event kind",
]


@pytest.mark.parametrize("case", CASES)
def test_the_error_in_danish_and_in_english(case, tmp_path):
    args, danish, english = _cases(tmp_path)[case]

    in_danish = CliRunner().invoke(main, [*args, "--lang", "da"])
    in_english = CliRunner().invoke(main, [*args, "--lang", "en"])

    assert (in_danish.exit_code, in_danish.output) == (1, f"Fejl: {danish}\n")
    assert (in_english.exit_code, in_english.output) == (1, f"Error: {english}\n")


def test_a_usage_error_names_the_problem_in_danish(tmp_path):
    """Click's own usage errors keep click's frame (status 2, 'Usage: …'); orgnet's sentence in it is Danish."""
    result = CliRunner().invoke(main, ["pseudonymise", DATA, "--lang", "da"])

    assert result.exit_code == 2
    assert result.output.endswith(": angiv DATA og -o OUTPUT (eller --new-key KEY for at lave en nøgle)\n")


def test_files_changed_since_are_said_with_their_number():
    held = Said("error.output.held.edited", edited="people.csv, ties.csv", command="demo", n=2)
    error = OrgnetError(Said("error.output.foreign", folder="out", held=held, effect=Said("error.output.effect.data", n=2), n=2))

    assert error.text("da") == (
        "out: indeholder people.csv, ties.csv, ændret siden orgnet demo skrev dem; de ville blive erstattet eller blive en del af "
        "de nye data. Vælg en ny mappe, eller brug --replace for at erstatte dem"
    )
    assert str(error) == (
        "out: holds people.csv, ties.csv, changed since orgnet demo wrote them; they would be replaced or become part of the new data. "
        "Choose a new folder, or give --replace to replace them"
    )
