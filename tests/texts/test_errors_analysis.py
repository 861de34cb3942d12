"""The analysis's errors (events, privacy, metrics, drawings, statistics, suggestions, comparisons)
on the terminal in the command's language: whole Danish sentences with --lang da, and with
--lang en exactly the English they have always had."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from orgnet.cli import main
from orgnet.errors import OrgnetError
from orgnet.metrics.centrality import plan_paths
from orgnet.stats.qap import permutation_plan
from orgnet.suggestions.suggest import unknown_person

PEOPLE = "id,name,level,unit\na,A,top,U1\nb,B,middle,U1\nc,C,middle,U2\nd,D,first_line,U2\ne,E,first_line,U2\n"
TIES = "source,target,relation,kind\na,b,work,formal\nb,c,work,formal\nc,d,advice,informal\nd,e,advice,informal\ne,a,work,formal\n"


@pytest.fixture
def data(tmp_path, monkeypatch):
    """A small organisation in ./d, an e-mail log and a roster that gives one address twice."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "people.csv").write_text(PEOPLE, encoding="utf-8")
    (tmp_path / "d" / "ties.csv").write_text(TIES, encoding="utf-8")
    (tmp_path / "mail.csv").write_text("sender,recipients,timestamp\na@x.dk,b@x.dk,2026-01-05 09:00\n", encoding="utf-8")
    (tmp_path / "roster.csv").write_text("id,email\na,a@x.dk\nb,a@x.dk\n", encoding="utf-8")
    (tmp_path / "notakey").write_text("not hex\n", encoding="utf-8")
    return tmp_path


CASES = [
    (["homophily", "d", "--by", "nope"],
     "Fejl: --by: ingen kolonne 'nope' i persontabellen. Kolonner: name, level, unit",
     "Error: --by: no column 'nope' in the people table. Columns: name, level, unit"),
    (["qap", "d", "--y", "work", "--x", "work"],
     "Fejl: 'work' er både Y og et led",
     "Error: 'work' is both Y and a term"),
    (["qap", "d", "--y", "work", "--x", "diff:unit"],
     "Fejl: diff:unit: 'unit' er ikke et tal for hver person; brug same:unit",
     "Error: diff:unit: 'unit' is not a number for every person; use same:unit"),
    (["pseudonymise", "d", "-o", "out"],
     "Fejl: pseudonymisering kræver en nøglefil (--key-file KEY). Lav en med: orgnet pseudonymise --new-key KEY — gem den "
     "uden for de data, du deler, og pas godt på den: den samme nøgle giver de samme koder i næste runde",
     "Error: pseudonymising needs a key file (--key-file KEY). Make one with: orgnet pseudonymise --new-key KEY — keep it "
     "outside the data you share, and keep it safe: the same key gives the same codes in the next wave"),
    (["pseudonymise", "d", "--key-file", "notakey", "-o", "out"],
     "Fejl: notakey: ikke en orgnet-nøgle (forventede 64 hexcifre, som orgnet pseudonymise --new-key skriver)",
     "Error: notakey: not an orgnet key (expected 64 hex digits, as orgnet pseudonymise --new-key writes)"),
    (["graph", "d", "--ego", "zz", "-o", "g.html"],
     "Fejl: ingen person med id 'zz' til --ego",
     "Error: no person with id 'zz' for --ego"),
    (["graph", "d", "-o", "g.bmp"],
     "Fejl: g.bmp: kan ikke tegne til '.bmp'; brug .html, .png, .svg, .pdf",
     "Error: g.bmp: cannot draw to '.bmp'; use .html, .png, .svg, .pdf"),
    (["metrics", "d", "-o", "m.txt"],
     "Fejl: m.txt: kan ikke skrive '.txt'; brug .csv, .xlsx eller .json",
     "Error: m.txt: cannot write '.txt'; use .csv, .xlsx or .json"),
    (["compare", "d", "--by", "nope"],
     "Fejl: ingen egenskab 'nope' at sammenligne efter. Egenskaber: name, level, unit",
     "Error: no attribute 'nope' to compare by. Attributes: name, level, unit"),
    (["events", "mail.csv", "--people", "d/people.csv", "--window", "3x", "-o", "ev"],
     "Fejl: --window '3x': forventede et positivt antal dage, uger eller timer, fx 28d, 4w eller 12h",
     "Error: --window '3x': expected a positive number of days, weeks or hours, e.g. 28d, 4w or 12h"),
    (["events", "mail.csv", "--people", "d/people.csv", "-o", "ev"],
     "Fejl: 1 problem i inddata:\n  - d/people.csv: ingen kolonne 'email' (medarbejderlisten knytter adresser til personer); "
     "kolonner: id, name, level, unit",
     "Error: 1 problem in the input:\n  - d/people.csv: no column 'email' (the roster maps addresses to people); "
     "columns: id, name, level, unit"),
    (["events", "mail.csv", "--people", "roster.csv", "-o", "ev"],
     "Fejl: 1 problem i inddata:\n  - roster.csv, række 2, kolonne 'email': e-mailadressen 'a@x.dk' står ved 2 personer (række 2, 3)",
     "Error: 1 problem in the input:\n  - roster.csv, row 2, column 'email': e-mail 'a@x.dk' is given for 2 people (rows 2, 3)"),
]


@pytest.mark.parametrize(("arguments", "danish", "english"), CASES, ids=[" ".join(case[0][:3]) for case in CASES])
def test_the_error_reads_in_the_commands_language(data, arguments, danish, english):
    in_danish = CliRunner().invoke(main, [*arguments, "--lang", "da"])
    in_english = CliRunner().invoke(main, [*arguments, "--lang", "en"])

    assert (in_danish.exit_code, in_danish.output) == (1, danish + "\n")
    assert (in_english.exit_code, in_english.output) == (1, english + "\n")


def test_unknown_ids_are_counted_in_each_language():
    assert str(unknown_person(["x"])) == "no person with id 'x'"
    assert str(unknown_person(["x", "y"])) == "no person with id 'x' (and 1 more unknown ids)"
    assert unknown_person(["x", "y"]).text("da") == "ingen person med id 'x' (og 1 ukendt id mere)"
    assert unknown_person(["x", *"y" * 1200]).text("da") == "ingen person med id 'x' (og 1.200 ukendte id'er mere)"
    assert str(unknown_person(["x", *"y" * 1200])) == "no person with id 'x' (and 1200 more unknown ids)"


def test_library_errors_read_in_each_language():
    with pytest.raises(OrgnetError) as raised:
        permutation_plan(5, 0, 0)
    assert (str(raised.value), raised.value.text("da")) == ("--permutations must be at least 1", "--permutations skal være mindst 1")
    with pytest.raises(OrgnetError) as raised:
        plan_paths(10, exact=False, sample_size=-1, seed=0)
    assert raised.value.text("da") == "stikprøven skal være på mindst 1"
