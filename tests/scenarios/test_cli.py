"""``orgnet whatif``, ``keyplayers`` and ``diff`` as a user meets them: output, files, and every
bad option refused with one exact message and exit status 1."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

import orgnet
from tests.scenarios.conftest import network

DATASETS = Path(__file__).resolve().parents[2] / "datasets"


@pytest.fixture
def data(tmp_path, merger):
    orgnet.write(merger, tmp_path / "data")
    return tmp_path / "data"


@pytest.fixture
def danish(tmp_path):
    """Organisations with Danish letters and markup in their names."""
    people = [
        ("L1", "Bostedet Ærø", "Ærø Nord", "leader"),
        ("L2", "Bostedet Ærø", "Ærø Nord", "employee"),
        ("L3", "<script>Søhøj</script>", "Søhøj", "leader"),
        ("L4", "Åhuset", "Åhuset", "tr"),
        ("L5", "Åhuset", "Åhuset", "employee"),
    ]
    ties = [("L1", "L2", "informal"), ("L1", "L3", "informal"), ("L3", "L4", "formal"), ("L4", "L5", "informal")]
    orgnet.write(network(people, ties), tmp_path / "dansk")
    return tmp_path / "dansk"


def test_whatif_prints_figures_and_who_is_affected(run_cli, data):
    result = run_cli("whatif", data, "--merge", "A,B=AB")

    assert result.exit_code == 0, result.output
    assert "density, internal" in result.output and "0.167" in result.output and "0.333" in result.output
    assert "\nMerger: A and B → AB\n" in result.output  # named by what it does
    assert "2 people with external ties turned internal" in result.output


def test_whatif_writes_a_danish_page_and_a_workbook(run_cli, danish, tmp_path):
    result = run_cli(
        "whatif",
        danish,
        "--merge",
        "Bostedet Ærø,<script>Søhøj</script>=Ærø-Søhøj",
        "--remove",
        "L5",
        "-o",
        tmp_path / "out",
        "--lang",
        "da",
    )
    page = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")

    assert result.exit_code == 0, result.output
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert "<script>Søhøj" not in page and "&lt;script&gt;Søhøj&lt;/script&gt;" in page
    assert "Ærø-Søhøj" in page and "Nøgletal for netværket" in page
    # Density: 4 ties among 5 people before (4/10), 3 among 4 after (3/6), with a decimal comma.
    assert '<td class="num">0,400</td><td class="num good">0,500</td>' in page  # denser: better
    assert "http://" not in page and "https://" not in page
    sheets = openpyxl.load_workbook(tmp_path / "out" / "tables.xlsx").sheetnames
    assert sheets[:3] == ["1 Nøgletal", "2 Scenarie", "3 Berørte personer"]


def test_whatif_scenarios_file_gives_one_table(run_cli, data, tmp_path):
    scenarios = tmp_path / "s.toml"
    scenarios.write_text('[scenario.fusion]\nmerge = ["A,B=AB"]\n[scenario."C går"]\nremove = ["C1"]\n', encoding="utf-8")

    result = run_cli("whatif", data, "--scenarios", scenarios, "-o", tmp_path / "out.xlsx")

    assert result.exit_code == 0, result.output
    header = result.output.splitlines()[0].split()
    assert header == ["figure", "before", "fusion", "C", "går"]
    assert openpyxl.load_workbook(tmp_path / "out.xlsx").sheetnames[:3] == [
        "1 Network figures",
        "2 Scenario (1)",
        "3 People affected (1)",
    ]


@pytest.mark.parametrize(
    "arguments, message",
    [
        (["--remove", "Z9"], "Error: --remove Z9: no person has id 'Z9'"),
        (["--merge", "A,A=C"], 'Error: --merge "A,A=C": an organisation cannot be merged with itself'),
        (["--merge", "A,Cc=D"], "Error: --merge \"A,Cc=D\": no organisation 'Cc' (did you mean 'C'?)"),
        (["--move", "A1=Nowhere"], "Error: --move A1=Nowhere: no organisation or unit 'Nowhere'"),
        (
            ["--remove-where", "colour=red"],
            "Error: --remove-where: no attribute 'colour'. Attributes: id, organisation, unit, role, name",
        ),
        (
            [],
            'Error: name a change: --remove ID, --remove-where ATTR=VALUE, --merge "A,B=C", --move ID=PLACE or --scenarios FILE',
        ),
        (
            ["--remove", "A1", "-o", "out.pdf"],
            "Error: out.pdf: write a folder (an HTML page and a workbook) or an .xlsx file, not '.pdf'",
        ),
    ],
)
def test_whatif_refuses_bad_options(run_cli, data, arguments, message):
    result = run_cli("whatif", data, *arguments)

    assert result.exit_code == 1
    assert result.output.strip() == message


def snapshot(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(Path(folder).iterdir())}


def test_whatif_refuses_a_unit_name_two_organisations_have(run_cli, tmp_path, two_ledelse):
    orgnet.write(two_ledelse, tmp_path / "data")
    before = snapshot(tmp_path / "data")

    refused = run_cli("whatif", tmp_path / "data", "--move", "E1=Ledelse")
    accepted = run_cli("whatif", tmp_path / "data", "--move", "E1=Solsikken/Ledelse")

    assert refused.exit_code == 1
    assert refused.output.strip() == (
        "Error: --move E1=Ledelse: 2 organisations have a unit 'Ledelse' (Kærholm/Ledelse, Solsikken/Ledelse); "
        'name one as ORGANISATION/UNIT, e.g. --move E1="Kærholm/Ledelse"'
    )
    assert accepted.exit_code == 0, accepted.output
    assert "scenario 1: Navn E1 moves to Solsikken/Ledelse" in accepted.output
    assert snapshot(tmp_path / "data") == before


@pytest.mark.parametrize(
    "content, message",
    [
        (
            '[scenario."Søhøj lukker"]\nremove = ["A1"]\n'.encode("cp1252"),
            "not UTF-8 text (byte 0xf8 on line 1, 'ø' in Windows-1252); a TOML file must be UTF-8: save it again as UTF-8",
        ),
        (b"[scenario.x]\nremove = 5\n", "scenario 'x': remove = 5 must be a text or a list of texts, e.g. remove = [\"P0001\"]"),
    ],
    ids=["windows-1252", "number"],
)
def test_whatif_refuses_a_bad_scenarios_file(run_cli, data, tmp_path, content, message):
    scenarios = tmp_path / "s.toml"
    scenarios.write_bytes(content)
    before = snapshot(data)

    result = run_cli("whatif", data, "--scenarios", scenarios)

    assert result.exit_code == 1
    assert result.output.strip() == f"Error: {scenarios}: {message}"
    assert scenarios.read_bytes() == content and snapshot(data) == before


def test_keyplayers_prints_both_sets(run_cli, data):
    result = run_cli("keyplayers", data, "--size", "1")

    assert result.exit_code == 0, result.output
    # Removing A1 or B1 leaves 3 people with one tie: DF = 1 − 2/6. Both are optimal; the search
    # keeps the first found in the order of betweenness (A1 and B1 tie).
    # The whole path A2–A1–B1–C1: 1/d summed over ordered pairs is 2 × (1 + 1/2 + 1/3 + 1 + 1/2 + 1), DF = 1 − 8.667/12.
    assert "  fragmentation 0.667 (whole network 0.278)" in result.output
    assert "In both sets: 1 of 1" in result.output
    assert "Fragmentation 0.667: with this person removed, the figure is 1 minus the mean closeness" in result.output


def test_keyplayers_writes_a_table(run_cli, data, tmp_path):
    result = run_cli("keyplayers", data, "--size", "2", "--goal", "reach", "--steps", "1", "-o", tmp_path / "kp.csv")

    assert result.exit_code == 0, result.output
    assert (tmp_path / "kp.csv").read_text(encoding="utf-8-sig").splitlines()[
        0
    ] == "id,name,organisation,role,key_player,top_betweenness,betweenness,betweenness_rank"


@pytest.mark.parametrize(
    "arguments, message",
    [
        (["--size", "3"], "Error: --size 3: choose between 1 and 2 (the network has 4 people)"),
        (["--size", "1", "--goal", "reach", "--steps", "5"], "Error: --steps 5: use 1, 2 or 3"),
        (
            ["--size", "1", "--where", "role=boss"],
            "Error: --where role=boss: no person has role 'boss'. Values of role: employee, leader",
        ),
        (["--size", "1", "-o", "kp.pdf"], "Error: kp.pdf: cannot write '.pdf'; use .csv, .xlsx or .json"),
    ],
)
def test_keyplayers_refuses_bad_options(run_cli, data, arguments, message):
    before = snapshot(data)

    result = run_cli("keyplayers", data, *arguments)

    assert result.exit_code == 1
    assert result.output.strip() == message
    assert snapshot(data) == before


@pytest.mark.parametrize(
    "size, message",
    [
        ("0", "Error: --size 0: choose between 1 and 2 (the network has 4 people)"),
        ("-1", "Error: --size -1: choose between 1 and 2 (the network has 4 people)"),
        ("4", "Error: --size 4: choose between 1 and 2 (the network has 4 people)"),
        ("9", "Error: --size 9: choose between 1 and 2 (the network has 4 people)"),
    ],
    ids=["zero", "negative", "the-whole-network", "more-than-the-network"],
)
def test_keyplayers_refuses_a_size_outside_the_network(run_cli, data, size, message):
    result = run_cli("keyplayers", data, "--size", size)

    assert result.exit_code == 1
    assert result.output.strip() == message


@pytest.mark.parametrize("size", ["1", "2"])
def test_keyplayers_on_two_people_says_how_many_there_are(run_cli, tmp_path, size):
    orgnet.write(
        network([("A1", "A", "A", "leader"), ("B1", "B", "B", "employee")], [("A1", "B1", "informal")]), tmp_path / "two"
    )
    before = snapshot(tmp_path / "two")

    result = run_cli("keyplayers", tmp_path / "two", "--size", size)

    assert result.exit_code == 1
    assert result.output.strip() == (
        f"Error: --size {size}: the network has 2 people; key players need at least 3 people (the size can be 1 to n − 2, so that two remain)"
    )
    assert snapshot(tmp_path / "two") == before


def test_diff_of_the_shipped_waves(run_cli, tmp_path):
    result = run_cli("diff", DATASETS / "skovbjerg", DATASETS / "skovbjerg-2008", "--lang", "da", "-o", tmp_path / "change")
    page = (tmp_path / "change" / "index.html").read_text(encoding="utf-8")

    assert result.exit_code == 0, result.output
    assert result.output.startswith("personer: 1.170 → 1.170 (1.080 i begge målinger, 90 kommet til, 90 stoppet)")
    assert "Udvikling over tid" in page and "1.080" in page and "Aktivitetscentret Møllegården og Skovbrynet" in page
    assert openpyxl.load_workbook(tmp_path / "change" / "tables.xlsx").sheetnames[:3] == [
        "1 Nøgletal",
        "2 Forbindelser",
        "3 Markeringer",
    ]


def test_diff_refuses_waves_without_a_common_person(run_cli, data, danish):
    result = run_cli("diff", data, danish)

    assert result.exit_code == 1
    assert result.output.strip() == "Error: data and dansk have no person in common (people are matched by id)"


def test_diff_refuses_a_small_k_and_unknown_group_members(run_cli, data, tmp_path):
    groups = tmp_path / "groups.csv"
    groups.write_text("group,person\ng,A1\ng,Q7\n", encoding="utf-8")

    small = run_cli("diff", data, data, "--k", "2")
    unknown = run_cli("diff", data, data, "--groups", groups)

    assert small.exit_code == 1 and small.output.strip() == "Error: k = 2 would show groups of fewer than 3 people; use k ≥ 3"
    assert unknown.exit_code == 1
    assert (
        unknown.output.strip()
        == f"Error: 1 problem in the input:\n  - {groups}, row 3, column 'person': unknown person 'Q7' (in neither wave)"
    )
