"""``whatif``, ``diff`` and ``keyplayers`` in Danish, as a Danish consultant reads them: on the
shipped municipality and its second wave, and on a workplace with attributes orgnet does not know.
Page, workbook and terminal: the exact Danish words, and no code, no English word and no
"1 <plural>" anywhere."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

import orgnet
from orgnet.cli import main
from orgnet.flags.rules import FLAGS
from tests.scenarios.conftest import network
from tests.texts.test_rendered import CODES, one_with_plural, visible

DATASETS = Path(__file__).resolve().parents[2] / "datasets"
MERGER = "Aktivitetscentret Møllegården,Værestedet Skovbrynet=Møllegården og Skovbrynet"
# English words that must not reach a Danish reader (the old output had "Scenarie: scenario",
# "merge … into …", "flag: thin").
# "flag" is Danish too (et flag, to flag: docs/glossary.md); "flag:" followed by a code is what users saw
ENGLISH = ("scenario", "merge", "into", "remove", "thin", "people", "and", "with", "leaves", "wave", "figure", "ties")
SNAKE_CASE = re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b")  # a code such as lost_with_leaver or no_internal
PATH = re.compile(r"(?<![\w])/\S+")  # file paths (the data's folder, the files written)


def run(*args) -> str:
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def problems(text: str) -> list[str]:
    """Codes, English words and "1 <plural>" in a Danish text (paths left out)."""
    text = PATH.sub(" ", text)
    found = [word for word in ENGLISH if re.search(rf"\b{word}\b", text, re.IGNORECASE)]
    found += [code for code in (*FLAGS, *CODES, "flag:", "informal+external") if code in text]
    found += SNAKE_CASE.findall(text)
    return found + one_with_plural(text, "da")


def workbook_text(path: Path) -> str:
    """Every sheet name and text cell of a workbook, one line each."""
    book = openpyxl.load_workbook(path, read_only=True)
    lines = list(book.sheetnames)
    for sheet in book.worksheets:
        lines += [str(value) for row in sheet.iter_rows(values_only=True) for value in row if isinstance(value, str)]
    return "\n".join(lines)


def sheet_rows(path: Path, position: int) -> list[tuple]:
    book = openpyxl.load_workbook(path, read_only=True)
    return [tuple(row) for row in book.worksheets[position].iter_rows(values_only=True)]


def test_the_check_finds_what_the_old_output_had():
    old = "Scenarie: scenario\nmerge A + B into C\nflag: thin 8\n1 kontakter\nlost_with_leaver"

    assert set(problems(old)) == {"scenario", "merge", "into", "thin", "flag:", "lost_with_leaver", "1 kontakter"}


# --- the shipped municipality ---------------------------------------------------------------


@pytest.fixture(scope="module")
def shipped_whatif(tmp_path_factory):
    out = tmp_path_factory.mktemp("whatif") / "out"
    output = run(
        "whatif",
        DATASETS / "skovbjerg",
        "--lang",
        "da",
        "--merge",
        MERGER,
        "--remove",
        "P0133",
        "--remove-where",
        "role=tr",
        "-o",
        out,
    )
    return output, (out / "index.html").read_text(encoding="utf-8"), out / "tables.xlsx"


@pytest.fixture(scope="module")
def shipped_diff(tmp_path_factory):
    out = tmp_path_factory.mktemp("diff") / "change"
    output = run("diff", DATASETS / "skovbjerg", DATASETS / "skovbjerg-2008", "--lang", "da", "-o", out)
    return output, (out / "index.html").read_text(encoding="utf-8"), out / "tables.xlsx"


TITLE = (
    "Maria Jensen stopper; Alle med rolle TR stopper; "
    "Fusion: Aktivitetscentret Møllegården og Værestedet Skovbrynet → Møllegården og Skovbrynet"
)


def test_whatif_names_its_scenario_by_what_it_does_in_danish(shipped_whatif):
    output, page, _ = shipped_whatif

    assert f"\nscenarie 1: {TITLE}\n" in output
    assert "\n  70 personer fjernet; " in output
    assert f'<h2 id="changes-1">Scenarie — {TITLE}</h2>' in page
    assert (
        "<td>fusion</td><td>Fusion: Aktivitetscentret Møllegården og Værestedet Skovbrynet → Møllegården og Skovbrynet</td>"
        in page
    )
    assert "<td>personer stopper</td><td>Maria Jensen stopper</td>" in page
    assert "<td>alle med en egenskab stopper</td><td>Alle med rolle TR stopper</td>" in page


def test_whatif_terminal_in_danish(shipped_whatif):
    output, _, _ = shipped_whatif
    lines = output.splitlines()

    assert lines[0].split() == ["nøgletal", "før", "scenarie", "1"]
    assert lines[1].split() == ["personer", "1.170", "1.100"]
    assert "markeret: tyndt netværk" in output and "tæthed, alle" in output
    assert lines[-1].startswith("skrev ")
    assert problems(output) == []


def test_whatif_page_and_workbook_in_danish(shipped_whatif):
    _, page, workbook = shipped_whatif

    assert "<title>Hvad nu hvis: netværket før og efter</title>" in page
    assert 'id="confidential"' in page and 'id="footer"' in page  # the frame's banner and footer
    assert (
        "<th>slags ændring</th>" in page and "<th>tabt rækkevidde (3 skridt)</th>" not in page
    )  # a numeric header is right-aligned
    assert '<th class="num">tabt rækkevidde (3 skridt)</th>' in page
    assert problems(visible(page)) == []
    assert openpyxl.load_workbook(workbook, read_only=True).sheetnames[:3] == ["1 Nøgletal", "2 Scenarie", "3 Berørte personer"]
    assert sheet_rows(workbook, 1)[0] == ("slags ændring", "ændring")
    assert problems(workbook_text(workbook)) == []


def test_diff_terminal_in_danish(shipped_diff):
    output, _, _ = shipped_diff

    assert output.startswith("personer: 1.170 → 1.170 (1.080 i begge målinger, 90 kommet til, 90 stoppet)\n")
    assert re.search(r"\nmarkeret: tyndt netværk +95 +103 +\+8\n", output)
    assert re.search(r"\nforbindelser \(par\) +6\.385 +5\.754 +-631\n", output)
    assert re.search(r"\ntyndt netværk +55 +13 +34\n", output)  # resolved, new, persisting
    assert "\nForbindelser (par) pr. lag:\n" in output and "\nMarkeringer blandt personerne i begge målinger:\n" in output
    assert problems(output) == []


@pytest.mark.parametrize(
    ("row", "cells"),
    [
        # more people flagged thin is bad, although the number went up
        ("markeret: tyndt netværk", '<td class="num">95</td><td class="num">103</td><td class="num bad">+8</td>'),
        ("forbindelser (par)", '<td class="num">6.385</td><td class="num">5.754</td><td class="num bad">-631</td>'),
        ("isolerede personer", '<td class="num">4</td><td class="num">4</td><td class="num">0</td>'),
        ("gennemsnitlig afstand", '<td class="num">3,999</td><td class="num">4,172</td><td class="num bad">+0,173</td>'),
        # the E–I index is neither good nor bad
        ("E–I-indeks (organisation)", '<td class="num">-0,706</td><td class="num">-0,677</td><td class="num">+0,0294</td>'),
        # a flag resolved for 55 is good, new for 13 bad
        ("tyndt netværk", '<td class="num good">55</td><td class="num bad">13</td><td class="num">34</td>'),
    ],
)
def test_diff_page_colours_a_change_by_good_or_bad(shipped_diff, row, cells):
    _, page, _ = shipped_diff

    assert f"<td>{row}</td>{cells}" in page


def test_diff_page_and_workbook_in_danish(shipped_diff):
    _, page, workbook = shipped_diff

    assert "<title>Udvikling over tid: to målinger sammenlignet</title>" in page
    assert '<h2 id="in_both">Personer i begge målinger</h2>' in page
    assert problems(visible(page)) == []
    assert openpyxl.load_workbook(workbook, read_only=True).sheetnames == [
        "1 Nøgletal",
        "2 Forbindelser",
        "3 Markeringer",
        "4 Personer i begge målinger",
        "5 Kommet til",
        "6 Stoppet",
    ]
    flags = sheet_rows(workbook, 2)
    assert flags[0] == ("flag", "løst", "nye", "vedvarende")
    assert ("tyndt netværk", 55, 13, 34) in flags
    figures = sheet_rows(workbook, 0)
    assert figures[0] == ("nøgletal", "skovbjerg", "skovbjerg-2008", "ændring")
    assert ("markeret: tyndt netværk", 95, 103, 8) in figures
    assert problems(workbook_text(workbook)) == []


def test_keyplayers_in_danish_says_what_fragmentation_is():
    output = run("keyplayers", DATASETS / "skovbjerg", "--size", "3", "--lang", "da")
    lines = output.splitlines()

    assert re.fullmatch(r"3 nøglepersoner \(mål: fragmentering\): P\d{4}, P\d{4}, P\d{4}", lines[0])
    assert re.fullmatch(r"  fragmentering 0,\d{3} \(hele netværket 0,732\)", lines[1])
    assert lines[4].startswith("I begge sæt: ") and lines[4].endswith(" af 3")
    assert re.search(
        r"\nFragmentering 0,\d{3}: fjernes disse 3, er tallet 1 minus den gennemsnitlige nærhed mellem dem, der er tilbage "
        r"\(to personers nærhed er 1 divideret med afstanden mellem dem, 0 hvis de ikke kan nå hinanden\)\. 0 betyder, at alle "
        r"kender alle, og 1, at ingen kan nå nogen; hele netværket har 0,732 \(afstandsvægtet fragmentering, Borgatti 2006\)\.\n",
        output,
    )
    assert "navn" in lines[8].split() and "nøgleperson" in lines[8].split()
    assert problems(output) == []


# --- a workplace with attributes orgnet does not know -----------------------------------------

PEOPLE = [
    ("K1", "Køkkenet", "Køkken", "kok", "nat"),
    ("K2", "Køkkenet", "Køkken", "kok", "dag"),
    ("K3", "Køkkenet", "Køkken", "pædagog", "dag"),
    ("S1", "Stuen", "Stue", "pædagog", "nat"),
    ("S2", "Stuen", "Stue", "pædagog", "dag"),
    ("S3", "Stuen", "Stue", "medhjælper", "dag"),
]
TIES = [
    ("K1", "K2", "informal"),
    ("K2", "K3", "informal"),
    ("K3", "S1", "informal"),
    ("S1", "S2", "formal"),
    ("S2", "S3", "informal"),
]
COLUMNS = ("id", "organisation", "unit", "role", "skift")


@pytest.fixture(scope="module")
def own_words(tmp_path_factory):
    folder = tmp_path_factory.mktemp("egne")
    orgnet.write(network(PEOPLE, TIES, columns=COLUMNS), folder / "første")
    later = [*TIES[:2], ("K3", "S2", "informal"), ("S2", "S3", "informal"), ("K1", "S3", "informal")]
    orgnet.write(network(PEOPLE, later, columns=COLUMNS), folder / "anden")
    return folder


def test_whatif_on_attributes_orgnet_does_not_know(own_words):
    out = own_words / "whatif"
    output = run("whatif", own_words / "første", "--remove-where", "skift=nat", "--move", "K3=Stue", "--lang", "da", "-o", out)
    page = (out / "index.html").read_text(encoding="utf-8")

    title = "Alle med skift nat stopper; Navn K3 flytter til Stue"
    assert f"\nscenarie 1: {title}\n  2 personer fjernet; " in output
    assert f"Scenarie — {title}" in page
    assert "<td>pædagog</td>" in page  # the user's own role, as she wrote it
    for text in (output, visible(page), workbook_text(out / "tables.xlsx")):
        assert problems(text) == []


def test_one_of_everything_takes_the_singular(own_words):
    output = run("whatif", own_words / "første", "--remove", "K1", "--lang", "da")

    assert "\nNavn K1 stopper\n  1 person fjernet; " in output  # a short name heads its own column
    assert one_with_plural(output, "da") == []


def test_diff_on_attributes_orgnet_does_not_know(own_words):
    out = own_words / "diff"
    groups = own_words / "grupper.csv"
    groups.write_text("group,person\nMadklubben,K1\nMadklubben,K2\nMadklubben,K3\n", encoding="utf-8")
    output = run("diff", own_words / "første", own_words / "anden", "--groups", groups, "--k", "3", "--lang", "da", "-o", out)
    page = (out / "index.html").read_text(encoding="utf-8")

    assert output.startswith("personer: 6 → 6 (6 i begge målinger, 0 kommet til, 0 stoppet)\n")
    # K1–K2, K2–K3, S2–S3 kept; K3–S1, S1–S2 lost; K3–S2, K1–S3 gained; nobody left or joined
    assert re.search(r"\nalle +5 +5 +3 +2 +0 +2 +0\n", output)
    assert "<td>Stuen</td>" in page
    # K3 had one informal external contact (S1) and has one (S2); K1 gains one (S3): mean 1/3 before,
    # mean change +1/3, one in three gained. Outside: S1 loses K3, S2 and S3 gain one each.
    assert re.search(r"\nMadklubben +nej +3 +0,333 +\+0,333 +33,3\xa0%\n", output)
    assert re.search(r"\n\(ikke i en gruppe\) +nej +3 +0,333 +\+0,333 +66,7\xa0%\n", output)
    assert "<td>(ikke i en gruppe)</td><td>nej</td>" in page
    for text in (output, visible(page), workbook_text(out / "tables.xlsx")):
        assert problems(text) == []


def test_keyplayers_of_one_in_danish(own_words):
    output = run("keyplayers", own_words / "første", "--size", "1", "--lang", "da")

    assert output.startswith("Nøgleperson (mål: fragmentering): ")
    assert "\nPersonen med højest mellemliggende centralitet: " in output
    assert "I begge sæt: 1 af 1" in output
    assert "Fragmentering 0," in output and ": fjernes denne person, er tallet 1 minus" in output
    assert "pædagog" in output or "kok" in output  # roles as the data has them
    assert problems(output) == []


def test_keyplayers_reach_in_danish(own_words):
    output = run("keyplayers", own_words / "første", "--size", "2", "--goal", "reach", "--steps", "1", "--lang", "da")

    assert output.startswith("2 nøglepersoner (mål: rækkevidde): ")
    assert "Rækkevidde 100,0\xa0%: andelen af alle, der er en af disse 2 eller højst 1 skridt fra en af dem" in output
    assert problems(output) == []
