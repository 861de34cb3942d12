"""Inputs that used to be read wrongly without a word: now read right, or refused by row."""

from __future__ import annotations

import pytest

import orgnet

HEADER = "id,name,organisation,unit,role,level\n"
TIES = "source,target,relation,kind\nA,B,advice,informal\n"


def write(folder, people: bytes, ties: bytes = TIES.encode()):
    folder.mkdir(exist_ok=True)
    (folder / "people.csv").write_bytes(people)
    (folder / "ties.csv").write_bytes(ties)
    return folder


# --- 1. encodings, decided per file ----------------------------------------------------------


def test_a_latin1_row_in_a_utf8_file_is_refused_by_row(tmp_path, run_cli):
    people = (HEADER + "A,Søren Ærø,Org1,U1,leader,top\nB,Åse Øster,Org1,U1,employee,\n").encode("utf-8")
    people += "C,Bjørn Læsø,Org1,U1,employee,\n".encode("latin-1")
    folder = write(tmp_path / "d", people)

    result = run_cli("validate", folder)

    assert result.exit_code == 1
    assert result.output == (
        "Error: 1 problem in the input:\n"
        f"  - {folder}/people.csv, row 4: not UTF-8 like the rest of the file (this row looks like Windows-1252/Latin-1: "
        "'C,Bjørn Læsø,Org1,U1,employee,'); save the whole file again as UTF-8\n"
    )


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "utf-16-le", "utf-16-be", "utf-16"])
def test_each_whole_file_encoding_keeps_danish_letters(tmp_path, encoding):
    text = HEADER + "A,Søren Ærø,Org1,U1,leader,top\nB,Åse Øster,Org1,U1,employee,\n"
    folder = write(tmp_path / "d", text.encode(encoding))

    network = orgnet.read(folder)

    assert list(network.people["name"]) == ["Søren Ærø", "Åse Øster"]


# --- 2. a stray separator on the first data row ------------------------------------------------


def test_a_stray_separator_on_the_first_data_row_is_a_ragged_row(tmp_path, run_cli):
    folder = write(tmp_path / "d", (HEADER + "A,Anna Holm,Org1,U1,leader,top,\nB,Bo Berg,Org1,U1,employee,\n").encode())

    result = run_cli("validate", folder)

    assert result.exit_code == 1
    assert result.output == f"Error: 1 problem in the input:\n  - {folder}/people.csv, row 2: 7 values, but the header has 6 columns\n"


# --- 3. weights must be finite and stay finite --------------------------------------------------


@pytest.mark.parametrize(
    ("weight", "message"),
    [
        ("inf", "weight 'inf' is not a finite number (at most 1e+290)"),
        ("1e309", "weight '1e309' is not a finite number (at most 1e+290)"),
        ("1e300", "weight '1e300' is larger than 1e+290, the largest weight orgnet accepts"),
    ],
)
def test_weights_that_are_not_finite_are_refused(tmp_path, run_cli, weight, message):
    people = (HEADER + "A,Anna,Org1,U1,leader,top\nB,Bo,Org1,U1,employee,\n").encode()
    folder = write(tmp_path / "d", people, f"source,target,relation,kind,weight\nA,B,advice,informal,{weight}\n".encode())

    result = run_cli("validate", folder)

    assert result.exit_code == 1
    assert result.output == f"Error: 1 problem in the input:\n  - {folder}/ties.csv, row 2, column 'weight': {message}\n"


def test_merged_duplicate_weights_stay_finite(tmp_path, recwarn):
    people = (HEADER + "A,Anna,Org1,U1,leader,top\nB,Bo,Org1,U1,employee,\n").encode()
    ties = "source,target,relation,kind,weight\n" + "A,B,advice,informal,1e290\n" * 3
    network = orgnet.read(write(tmp_path / "d", people, ties.encode()))

    assert network.ties["weight"].tolist() == [3e290]
    assert not [w for w in recwarn if "overflow" in str(w.message)]


# --- 10. no formula from the data reaches a spreadsheet ------------------------------------------

HOSTILE = ['=HYPERLINK("http://x.invalid","klik")', "=cmd|' /C calc'!A0", "@SUM(1+1)", "+45 1234", "-cmd"]


@pytest.fixture
def hostile_folder(tmp_path):
    rows = [f'P{i},"{name.replace(chr(34), chr(34) * 2)}",Org1,U1,employee,' for i, name in enumerate(HOSTILE)]
    people = HEADER + "\n".join(rows) + "\n"
    ties = "source,target,relation,kind\n" + "".join(f"P{i},P{i + 1},advice,informal\n" for i in range(len(HOSTILE) - 1))
    return write(tmp_path / "d", people.encode(), ties.encode())


@pytest.mark.parametrize("command", ["metrics", "flags"])
def test_formulas_are_neutralised_in_csv_and_kept_with_raw(hostile_folder, tmp_path, run_cli, command):
    import pandas as pd

    safe_run = run_cli(command, hostile_folder, "-o", tmp_path / "safe.csv")
    raw_run = run_cli(command, hostile_folder, "-o", tmp_path / "raw.csv", "--raw")

    assert safe_run.exit_code == raw_run.exit_code == 0, safe_run.output
    safe = pd.read_csv(tmp_path / "safe.csv", dtype=str, keep_default_na=False)
    raw = pd.read_csv(tmp_path / "raw.csv", dtype=str, keep_default_na=False)
    assert set(safe["name"]) <= {"'" + name for name in HOSTILE}
    cells = [cell for column in safe.columns for cell in safe[column] if not _number(cell)]
    assert not [cell for cell in cells if cell.startswith(("=", "+", "-", "@"))]
    assert set(raw["name"]) <= set(HOSTILE)


def test_negative_numbers_stay_numbers(tmp_path):
    import pandas as pd

    from orgnet.io.text import write_csv

    write_csv(pd.DataFrame({"ei": [-0.5, 0.25], "text": ["-0.5", "-x"]}), tmp_path / "t.csv")

    assert (tmp_path / "t.csv").read_text(encoding="utf-8-sig") == "ei,text\n-0.5,-0.5\n0.25,'-x\n"


def test_a_data_folder_round_trips_hostile_text_and_is_safe_on_disk(hostile_folder, tmp_path):
    network = orgnet.read(hostile_folder)
    orgnet.write(network, tmp_path / "copy")

    on_disk = (tmp_path / "copy" / "people.csv").read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK" in on_disk and "'@SUM" in on_disk
    assert not any(marker in on_disk for marker in (",=", ',"=', ",@", ",+", ",-"))
    assert list(orgnet.read(tmp_path / "copy").people["name"]) == HOSTILE


def _number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


# --- 4. look-alike ids --------------------------------------------------------------------------


def test_composed_and_decomposed_ids_are_the_same_person(tmp_path):
    import unicodedata

    composed, decomposed = unicodedata.normalize("NFC", "Måne"), unicodedata.normalize("NFD", "Måne")
    assert composed != decomposed
    people = (HEADER + f"{composed},Anna,Org1,U1,leader,top\nB,Bo,Org1,U1,employee,\n").encode()
    ties = f"source,target,relation,kind\n{decomposed},B,advice,informal\n".encode()

    network = orgnet.read(write(tmp_path / "d", people, ties))

    assert list(network.ties["source"]) == [composed]


def test_invisible_characters_are_shown_escaped(tmp_path, run_cli):
    people = (HEADER + "A,Anna,Org1,U1,leader,top\nB,Bo,Org1,U1,employee,\n").encode()
    folder = write(tmp_path / "d", people, "source,target,relation,kind\nA,\u200bB,advice,informal\nA,B\ufeff,advice,informal\n".encode())

    result = run_cli("validate", folder)

    assert result.exit_code == 1
    assert "column 'target': unknown person id '\\u200bB' (not in" in result.output
    assert "column 'target': unknown person id 'B\\ufeff' (not in" in result.output
