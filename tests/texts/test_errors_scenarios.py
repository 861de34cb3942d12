"""The errors of ``orgnet whatif``, ``keyplayers``, ``diff`` and ``groups`` in the reader's language:
each refused command exits with status 1 and says why in Danish with ``--lang da``, and in exactly
today's English with ``--lang en`` (messages from texts/<lang>/errors-scenarios.toml)."""

from __future__ import annotations

import numpy as np
import pytest
from click.testing import CliRunner

import orgnet
from orgnet.cli import main
from orgnet.errors import OrgnetError, Said
from orgnet.groups.heuristic import Problem, violations
from orgnet.groups.proposal import _label
from orgnet.scenarios.changes import _RemoveWhere
from tests.scenarios.conftest import network


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    """A1, A2 in A; B1 in B; C1 in C (four people); a two-person network; scenario and groups files."""
    root = tmp_path_factory.mktemp("errors")
    people = [
        ("A1", "A", "A", "leader"),
        ("A2", "A", "A", "employee"),
        ("B1", "B", "B", "employee"),
        ("C1", "C", "C", "employee"),
    ]
    ties = [("A1", "A2", "informal"), ("A1", "B1", "informal"), ("B1", "C1", "formal")]
    orgnet.write(network(people, ties), root / "data")
    orgnet.write(network([("A1", "A", "A", "leader"), ("B1", "B", "B", "employee")], [("A1", "B1", "informal")]), root / "two")
    (root / "number.toml").write_bytes(b"[scenario.x]\nremove = 5\n")
    (root / "key.toml").write_bytes(b"[scenario.x]\nremov = 'A1'\n")
    (root / "latin.toml").write_bytes('[scenario."Søhøj lukker"]\nremove = ["A1"]\n'.encode("cp1252"))
    (root / "groups.csv").write_text("group,person\ng,A1\ng,Q7\n", encoding="utf-8")
    return root


CASES = [
    (
        ["whatif", "{data}", "--move", "A1=Nowhere"],
        "Error: --move A1=Nowhere: no organisation or unit 'Nowhere'",
        "Fejl: --move A1=Nowhere: der er ingen organisation eller enhed 'Nowhere'",
    ),
    (
        ["whatif", "{data}", "--merge", "A,Bx=C"],
        "Error: --merge \"A,Bx=C\": no organisation 'Bx' (did you mean 'B'?)",
        "Fejl: --merge \"A,Bx=C\": der er ingen organisation 'Bx' (mente du 'B'?)",
    ),
    (
        ["whatif", "{data}", "--merge", "A,A=C"],
        'Error: --merge "A,A=C": an organisation cannot be merged with itself',
        'Fejl: --merge "A,A=C": en organisation kan ikke fusioneres med sig selv',
    ),
    (
        ["whatif", "{data}", "--merge", "A"],
        'Error: --merge "A": write "A,B=C" (organisations A and B become C)',
        'Fejl: --merge "A": skriv "A,B=C" (organisationerne A og B bliver til C)',
    ),
    (
        ["whatif", "{data}", "--move", "A1"],
        'Error: --move A1: write ID=ORGANISATION, ID=UNIT or ID=ORGANISATION/UNIT, e.g. --move P0001="Bostedet Næsset"',
        'Fejl: --move A1: skriv ID=ORGANISATION, ID=ENHED eller ID=ORGANISATION/ENHED, f.eks. --move P0001="Bostedet Næsset"',
    ),
    (
        ["whatif", "{data}", "--remove", "Q9"],
        "Error: --remove Q9: no person has id 'Q9'",
        "Fejl: --remove Q9: ingen person har id 'Q9'",
    ),
    (
        ["whatif", "{data}", "--remove", "A1", "--move", "A1=B"],
        "Error: --move A1=B: A1 is removed by the same scenario",
        "Fejl: --move A1=B: A1 fjernes i det samme scenarie",
    ),
    (
        ["whatif", "{data}", "--scenarios", "{root}/number.toml"],
        "Error: {root}/number.toml: scenario 'x': remove = 5 must be a text or a list of texts, e.g. remove = [\"P0001\"]",
        "Fejl: {root}/number.toml: scenariet 'x': remove = 5 skal være en tekst eller en liste af tekster, f.eks. remove = [\"P0001\"]",
    ),
    (
        ["whatif", "{data}", "--scenarios", "{root}/key.toml"],
        "Error: {root}/key.toml: scenario 'x': unknown key 'remov'; use merge, move, remove, remove_where",
        "Fejl: {root}/key.toml: scenariet 'x': ukendt nøgle 'remov'; brug merge, move, remove, remove_where",
    ),
    (
        ["whatif", "{data}", "--scenarios", "{root}/latin.toml"],
        "Error: {root}/latin.toml: not UTF-8 text (byte 0xf8 on line 1, 'ø' in Windows-1252); a TOML file must be UTF-8: save it again as UTF-8",
        "Fejl: {root}/latin.toml: ikke UTF-8-tekst (byte 0xf8 på linje 1, 'ø' i Windows-1252); en TOML-fil skal være UTF-8: gem den igen som UTF-8",
    ),
    (
        ["whatif", "{data}", "--remove", "A1", "-o", "{root}/out.pdf"],
        "Error: {root}/out.pdf: write a folder (an HTML page and a workbook) or an .xlsx file, not '.pdf'",
        "Fejl: {root}/out.pdf: skriv til en mappe (en HTML-side og et regneark) eller en .xlsx-fil, ikke '.pdf'",
    ),
    (
        ["keyplayers", "{data}", "--size", "3"],
        "Error: --size 3: choose between 1 and 2 (the network has 4 people)",
        "Fejl: --size 3: vælg mellem 1 og 2 (netværket har 4 personer)",
    ),
    (
        ["keyplayers", "{root}/two", "--size", "1"],
        "Error: --size 1: the network has 2 people; key players need at least 3 people (the size can be 1 to n − 2, so that two remain)",
        "Fejl: --size 1: netværket har 2 personer; nøglepersoner kræver mindst 3 personer (størrelsen kan være 1 til n − 2, så der er to tilbage)",
    ),
    (
        ["keyplayers", "{data}", "--size", "1", "--goal", "reach", "--steps", "5"],
        "Error: --steps 5: use 1, 2 or 3",
        "Fejl: --steps 5: brug 1, 2 eller 3",
    ),
    (
        ["diff", "{data}", "{data}", "--groups", "{root}/groups.csv"],
        "Error: 1 problem in the input:\n  - {root}/groups.csv, row 3, column 'person': unknown person 'Q7' (in neither wave)",
        "Fejl: 1 problem i inddata:\n  - {root}/groups.csv, række 3, kolonne 'person': ukendt person 'Q7' (findes i ingen af målingerne)",
    ),
    (
        ["groups", "{data}", "--size", "5-3"],
        "Error: --size 5-3: give min-max with 2 ≤ min ≤ max, e.g. --size 3-10",
        "Fejl: --size 5-3: angiv min-max med 2 ≤ min ≤ max, f.eks. --size 3-10",
    ),
    (
        ["groups", "{data}", "--mode", "homogeneous"],
        "Error: --mode homogeneous needs --by ATTRIBUTE (e.g. --by level): the value every group shares",
        "Fejl: --mode homogeneous kræver --by KOLONNE (f.eks. --by level): den værdi, alle i en gruppe har til fælles",
    ),
    (
        ["groups", "{data}", "--mode", "homogeneous", "--by", "levl"],
        "Error: no attribute 'levl'. Attributes: organisation, unit, role, name",
        "Fejl: der er ingen kolonne 'levl'. Kolonner: organisation, unit, role, name",
    ),
    (
        ["groups", "{data}", "--where", "role=employee", "--size", "5-6"],
        "Error: only 3 people to place, fewer than the smallest group (5); choose more people or a smaller --size",
        "Fejl: kun 3 personer at fordele, færre end den mindste gruppe (5); vælg flere personer eller en mindre --size",
    ),
]


def run(arguments: list[str], root, lang: str):
    filled = [argument.format(data=root / "data", root=root) for argument in arguments]
    return CliRunner().invoke(main, [*filled, "--lang", lang])


@pytest.mark.parametrize(("arguments", "english", "danish"), CASES, ids=[" ".join(case[0][:1] + case[0][2:4]) for case in CASES])
def test_the_error_reads_in_danish_and_in_todays_english(folder, arguments, english, danish):
    in_danish, in_english = run(arguments, folder, "da"), run(arguments, folder, "en")

    assert in_danish.exit_code == 1 and in_english.exit_code == 1
    assert in_danish.output.strip() == danish.format(root=folder)
    assert in_english.output.strip() == english.format(root=folder)


def test_one_person_is_one_person_in_danish():
    one = Said("error.scenarios.keyplayer_few", n=1, size="1")
    few = Said("error.groups.too_few", n=1, low=3)

    assert one.text("da").startswith("--size 1: netværket har 1 person; nøglepersoner")
    assert one.text("en").startswith("--size 1: the network has 1 person; key players")
    assert few.text("da").startswith("kun 1 person at fordele, færre end den mindste gruppe (3)")
    assert str(few).startswith("only 1 people to place")  # today's English, kept


def test_a_selection_message_is_said_of_remove_where_in_every_language():
    error = OrgnetError(_RemoveWhere("--where role=boss: no person has role 'boss'"))

    assert error.text("da") == error.text("en") == "--remove-where role=boss: no person has role 'boss'"


def test_the_rules_a_plan_breaks_are_said_in_danish():
    """Two people of one organisation in one group of three, one left out, with --apart."""
    problem = Problem(
        np.zeros((4, 4)),
        np.array(["A", "A", "B", "C"], dtype=object),
        np.array([0, 0, 0, 0]),
        1,
        3,
        3,
        apart=True,
    )
    broken = violations(problem, np.array([0, 0, 0, -1]))

    assert [rule.text("da") for rule in broken] == ["gruppe 0: to medlemmer fra samme organisation"]
    assert [str(rule) for rule in broken] == ["group 0: two members of one organisation"]


def test_the_chosen_people_and_the_solver_messages_in_danish():
    from orgnet.groups.proposal import GroupOptions

    label = _label(None, GroupOptions())
    no_plan = Said("error.groups.no_plan", label=label, broken=Said("error.groups.group_size", group=1, size=2))

    assert no_plan.text("da") == (
        "de valgte personer: ingen plan overholder alle regler (gruppe 1 har 2 medlemmer); "
        "prøv andre størrelser (--size), eller tillad to fra samme organisation (--apart none)"
    )
    assert str(no_plan) == (
        "the chosen people: no plan meets every rule (group 1 has 2 members); "
        "try other sizes (--size), or allow two of one organisation (--apart none)"
    )
    assert Said("error.groups.solver_limit", message="Time limit reached").text("da") == (
        "ingen gyldig plan fundet, før løseren nåede sin grænse (Time limit reached)"
    )
