"""What `orgnet groups` writes, in Danish: the page, the workbook groups.xlsx, the terminal and the
report's section — on the shipped municipality and on a small network whose levels ("chef",
"souschef") and extra column ("team") orgnet does not know. Exact Danish words; no code of
orgnet's, no English word, no raw float and no "1 <plural>"."""

from __future__ import annotations

import ast
import json
import os
import re
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

import orgnet
from orgnet.analysis import Analysis
from orgnet.cli import main
from orgnet.groups.effect import measure_effect
from orgnet.groups.page import report_section
from orgnet.groups.proposal import GroupOptions, propose_groups
from orgnet.texts import catalogue, is_plural

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "datasets" / "skovbjerg"

# C and D have no informal contact outside their organisation: both are flagged
# no_informal_external and placed first; C's level and unit are missing
PEOPLE = """id,name,organisation,unit,role,level,team
A,Anna Holm,Nordhjem,Nord 1,leader,chef,blå
B,Bent Lund,Sydhjem,Syd 1,leader,souschef,blå
C,Carl Mørk,Østhjem,,leader,,blå
D,Dorte Vest,Vesthjem,Vest 1,leader,chef,rød
E,Ebba Skov,Midthjem,Midt 1,leader,souschef,rød
F,Finn Dal,Fjordhjem,Fjord 1,leader,chef,rød
"""
TIES = """source,target,relation,kind
A,B,sparring,informal
B,C,udvalg,formal
D,E,udvalg,formal
E,F,sparring,informal
"""

# orgnet's codes a reader must never see (the groups' own and the shared ones)
CODES = (
    "first_line", "employee", "(missing)", "informal_external", "no_informal_external", "most_contacts", "role_in_group",
    "share_", "mean_constraint", "new_ties", "known_pairs", "heterogeneous", "homogeneous", "chosen", "named", "nan", "NaN", "None",
)
ENGLISH = ("group", "groups", "members", "member", "before", "after", "coordinator", "why", "thin", "flag", "share", "new ties", "reason", "people")
FORBIDDEN_ONES = ("1 grupper", "1 ledere", "1 kontakter", "1 personer", "1 nye", "1 forbindelser")


def danish_plurals() -> set[str]:
    """The plural forms of a Danish plural entry: where its ``other`` form differs from its ``one``
    form, word by word, in a form of the same word ("1 ny kontakt" / "2 nye kontakter": "nye",
    "kontakter")."""
    def words(form):
        return re.findall(r"\{[^}]*\}|\w+", form)

    found = set()
    for entry in catalogue("da").values():
        if is_plural(entry) and len(words(entry["one"])) == len(words(entry["other"])):
            found |= {other for one, other in zip(words(entry["one"]), words(entry["other"])) if one != other and same_stem(one, other)}
    return found


def same_stem(one: str, other: str) -> bool:
    """Two forms of one word ("kontakt", "kontakter"; "kollega", "kolleger"), not two words."""
    common = len(os.path.commonprefix([one.lower(), other.lower()]))
    return not other.startswith("{") and common >= 2 and common * 2 >= min(len(one), len(other))


def test_the_plurals_searched_for_are_the_catalogues():
    assert {"grupper", "kontakter", "ledere", "personer", "nye"} <= danish_plurals()
    assert "til" not in danish_plurals()


def faults(text: str) -> dict[str, list[str]]:
    """Everything in ``text`` that a Dane should not read; empty when all is well."""
    text = re.sub(r"orgnet \d+\.\d+\.\d+", "orgnet", text)  # the version is not a decimal number
    ones = [found.group(0) for noun in sorted(danish_plurals()) for found in re.finditer(rf"(?<![\d,.])1 (?:[^\W\d]+ )?{noun}\b", text)]
    return {
        key: value
        for key, value in {
            "codes": [code for code in CODES if re.search(rf"(?<![\w-]){re.escape(code)}" + ("" if code.endswith("_") else r"(?!\w)"), text)],
            "english": [word for word in ENGLISH if re.search(rf"(?<![\w-]){word}(?!\w)", text, flags=re.I)],
            "raw floats": re.findall(r"\d+\.\d{4,}", text) + re.findall(r"(?<![\d.])\d+\.\d{1,2}(?![\d.])", text),
            "1 <plural>": ones + [one for one in FORBIDDEN_ONES if re.search(rf"(?<![\d,.]){one}\b", text)],
        }.items()
        if value
    }


def test_the_checks_find_what_they_look_for():
    found = faults("nye forbindelser 0 1493.000000 | 0.28 | 1 grupper | 1 nye kontakter | level first_line | 2 members | orgnet 0.1.0")

    assert found == {
        "codes": ["first_line"], "english": ["members"], "raw floats": ["1493.000000", "0.28"], "1 <plural>": ["1 grupper", "1 nye kontakter", "1 nye", "1 grupper", "1 nye"],
    }


def visible(page: str) -> str:
    """The page's text, each element's apart ("Gruppe 1 | 66 nye kontakter i gruppen")."""
    text = re.sub(r"<[^>]*>", " | ", re.sub(r"<(script|style|title)[^>]*>.*?</\1>", "", page, flags=re.S))
    return re.sub(r"(\s*\|\s*)+", " | ", re.sub(r"[ \t\n]+", " ", text)).strip(" |")


def cells(path: Path) -> dict[str, list[tuple]]:
    workbook = openpyxl.load_workbook(path)
    return {sheet.title: list(sheet.iter_rows(values_only=True)) for sheet in workbook}


def text_of(sheets: dict[str, list[tuple]]) -> str:
    return " | ".join([*sheets, *(str(cell) for rows in sheets.values() for row in rows for cell in row if isinstance(cell, str))])


def run(*args) -> str:
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def shipped(tmp_path_factory):
    """The shipped municipality in Danish: the page and workbook, and the terminal with members."""
    out = tmp_path_factory.mktemp("shipped") / "groups"
    written = run("groups", SHIPPED, "-o", out, "--lang", "da")
    terminal = run("groups", SHIPPED, "--lang", "da")
    return written, terminal, (out / "index.html").read_text(encoding="utf-8"), cells(out / "groups.xlsx")


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    """The small network in Danish: two groups (--together team) as page and workbook, and one
    group of the "chef"s (--where level=chef) in the terminal."""
    data = tmp_path_factory.mktemp("small")
    (data / "people.csv").write_text(PEOPLE, encoding="utf-8")
    (data / "ties.csv").write_text(TIES, encoding="utf-8")
    out = data.parent / f"{data.name}-out"
    written = run("groups", data, "-o", out, "--lang", "da", "--together", "team")
    terminal = run("groups", data, "--lang", "da", "--where", "level=chef")
    return data, written, terminal, (out / "index.html").read_text(encoding="utf-8"), cells(out / "groups.xlsx")


# --- the shipped municipality ----------------------------------------------------------------------


def test_shipped_terminal_reads_as_danish(shipped):
    written, terminal, _, _ = shipped
    lines = terminal.splitlines()

    assert lines[0] == "32 grupper til 319 af 319 personer. Størrelse: omkring 10 pr. gruppe (8–12): mindst 40 personer (håndbogens store kommune)."
    assert lines[1].startswith("Hvert par i en gruppe giver +1, hvis de to ikke har kontakt i dag")
    assert lines[3] == "Hvad grupperne ville ændre:"
    assert re.fullmatch(r"tal +før +efter", lines[4])
    assert re.fullmatch(r"andel uden uformel ekstern kontakt +31,3\xa0% +0,0\xa0%", lines[5])
    assert re.fullmatch(r"medlemmernes gennemsnitlige begrænsning +0,280 +0,170", lines[8])
    assert re.fullmatch(r"nye forbindelser +0 +1\.493", lines[11])
    assert re.fullmatch(r"gruppe +id +navn +organisation +enhed +niveau +rolle i gruppen +begrundelse", lines[14])
    assert "tovholder: flest kontakter blandt medlemmerne (27 kontakter)" in lines[15]
    assert written.splitlines()[-1].startswith("skrev ") and written.splitlines()[-1].endswith("groups.xlsx")
    assert faults(terminal) == {}
    assert faults("\n".join(written.splitlines()[:-1])) == {}


def test_shipped_page_reads_as_danish(shipped):
    _, _, page, _ = shipped
    shown = visible(page)

    assert '<p class="confidential" id="confidential">' in page  # the frame's banner: the page names people
    assert '<footer class="note page-footer" id="footer">Lavet med orgnet' in page and "Data: " in shown
    assert "<h1>Forslag til ledernetværksgrupper</h1>" in page
    assert "Gruppe 1 | 66 nye kontakter i gruppen" in shown
    assert "Dagsorden for første møde (håndbogens tjekliste for opstart)" in shown
    assert "Motiv og behov: hvorfor dette netværk, og hvad hvert medlem har brug for" in shown
    assert page.count("<li>") == 9
    assert faults(shown.replace("datasets/skovbjerg", "")) == {}


def test_shipped_workbook_reads_as_danish(shipped):
    _, _, _, sheets = shipped
    members = sheets["grupper"]

    assert list(sheets) == ["grupper", "virkning", "om forslaget"]
    assert members[0] == ("gruppe", "id", "navn", "organisation", "enhed", "niveau", "rolle i gruppen", "begrundelse", "kontakter")
    assert {row[5] for row in members[1:]} == {"topniveau", "mellemniveau", "afdelingsniveau"}
    assert {row[6] for row in members[1:]} == {"tovholder", "medlem"}
    assert {re.sub(r"\(\d+ kontakter\)", "(N kontakter)", row[7]) for row in members[1:]} == {
        "ingen uformel ekstern kontakt: placeret først", "tovholder: flest kontakter blandt medlemmerne (N kontakter)", "blandt de valgte",
    }
    assert sheets["virkning"][0] == ("tal", "før", "efter")
    assert sheets["virkning"][1][0] == "andel uden uformel ekstern kontakt"
    assert sheets["virkning"][-1] == ("par i en gruppe, der kendte hinanden i forvejen", 0, 0)
    about = dict(sheets["om forslaget"][1:])
    assert about["størrelse"] == "omkring 10 pr. gruppe (8–12): mindst 40 personer (håndbogens store kommune)"
    assert about["sammensætning"] == "blandede" and about["aldrig to med samme"] == "organisation" and about["ens efter"] == "—"
    assert faults(text_of(sheets)) == {}


# --- a network orgnet does not know the words of -----------------------------------------------------


def test_small_terminal_counts_one_group_in_the_singular(small):
    _, _, terminal, _, _ = small
    lines = terminal.splitlines()

    assert lines[0] == "1 gruppe til 3 af 3 personer. Størrelse: 3–4 pr. gruppe: færre end 15 personer (håndbogens lille kommune)."
    assert re.fullmatch(r"nye forbindelser +0 +3", lines[11])
    members = {line.split()[1]: line for line in lines[15:]}
    assert sorted(members) == ["A", "D", "F"]
    assert re.search(r"Anna Holm +Nordhjem +Nord 1 +chef +tovholder +tovholder: flest kontakter blandt medlemmerne \(1 kontakt\)$", members["A"])
    assert re.search(r"Dorte Vest +Vesthjem +Vest 1 +chef +medlem +ingen uformel ekstern kontakt: placeret først$", members["D"])
    assert re.search(r"Finn Dal +Fjordhjem +Fjord 1 +chef +medlem +blandt de valgte$", members["F"])
    assert faults(terminal) == {}


def test_small_page_names_the_users_own_values(small):
    _, _, _, page, _ = small
    shown = visible(page)

    assert "2 grupper til 6 af 6 personer. Størrelse: 3–4 pr. gruppe: færre end 15 personer (håndbogens lille kommune)." in shown
    assert shown.count("| 1 ny kontakt i gruppen |") == 2
    assert "Gruppe 1 | 1 ny kontakt i gruppen | navn | organisation | niveau | begrundelse | Bent Lund — tovholder | Sydhjem | souschef | " \
        "tovholder: flest kontakter blandt medlemmerne (2 kontakter) | Anna Holm | Nordhjem | chef | blandt de valgte | " \
        "Carl Mørk | Østhjem | — | ingen uformel ekstern kontakt: placeret først | Gruppe 2" in shown
    assert faults(shown) == {}


def test_small_workbook_keeps_the_users_words_and_names_orgnets(small):
    _, _, _, _, sheets = small
    members = {row[1]: row for row in sheets["grupper"][1:]}
    about = dict(sheets["om forslaget"][1:])

    assert members["B"] == (1, "B", "Bent Lund", "Sydhjem", "Syd 1", "souschef", "tovholder", "tovholder: flest kontakter blandt medlemmerne (2 kontakter)", 2)
    assert members["C"][4:8] == (None, None, "medlem", "ingen uformel ekstern kontakt: placeret først")
    assert about["kun inden for samme"] == "team" and about["grupper"] == 2 and about["personer"] == 6
    assert faults(text_of(sheets)) == {}


def test_small_report_section_is_danish(small):
    data = small[0]
    analysis = Analysis(orgnet.read(data), lang="da")
    chosen = analysis.network.people.index
    members, summary = propose_groups(analysis, chosen, GroupOptions(together="team"))

    section = report_section(members, measure_effect(analysis, members, chosen), summary, "da")

    assert section["title"] == "Forslag til ledernetværksgrupper"
    assert section["labels"] == {"figure": "tal", "before": "før", "after": "efter", "group": "Gruppe", "effect": "Hvad grupperne ville ændre"}
    assert [g["members"] for g in section["groups"]] == ["Bent Lund (tovholder), Anna Holm, Carl Mørk", "Ebba Skov (tovholder), Dorte Vest, Finn Dal"]
    assert section["figures"][-2] == {"figure": "nye forbindelser", "before": "0", "after": "2"}
    assert faults(" | ".join([section["title"], section["intro"], section["objective"], *(f"{r['figure']} {r['before']} {r['after']}" for r in section["figures"])])) == {}


# --- the producers return codes; English reads as English -------------------------------------------


def test_the_table_holds_codes_and_the_metadata_the_words(small, tmp_path):
    data = small[0]
    coordinators = tmp_path / "c.csv"
    coordinators.write_text("id\nC\n", encoding="utf-8")

    printed = run("groups", data, "--where", "team=blå", "--coordinators", coordinators, "-o", tmp_path / "plan.csv")

    table = (tmp_path / "plan.csv").read_text(encoding="utf-8-sig").splitlines()
    meta = json.loads((tmp_path / "plan.meta.json").read_text(encoding="utf-8"))
    assert table[0] == "group,id,name,organisation,unit,level,role_in_group,reason,degree"
    # C is flagged and named: placed first wins; the coordinator named is no longer "most contacts"
    assert table[1:] == ["1,C,Carl Mørk,Østhjem,,,coordinator,no_informal_external,1", "1,A,Anna Holm,Nordhjem,Nord 1,chef,member,chosen,1",
                         "1,B,Bent Lund,Sydhjem,Syd 1,souschef,member,chosen,2"]
    assert (meta["rule"], meta["low"], meta["high"]) == ("small", 3, 4)
    assert meta["rule_text"] == "3–4 per group: fewer than 15 people (the handbook's small municipality)"
    assert set(meta["effect"]) == {"share_no_informal_external", "share_thin", "share_isolated", "mean_constraint", "mean_effective_size", "components", "new_ties", "known_pairs"}
    assert printed.splitlines()[0] == "1 group for 3 of 3 people. Size: 3–4 per group: fewer than 15 people (the handbook's small municipality)."


def test_a_named_coordinator_is_said_to_be_named(small, tmp_path):
    data = small[0]
    coordinators = tmp_path / "c.csv"
    coordinators.write_text("id\nB\n", encoding="utf-8")

    english = run("groups", data, "--where", "team=blå", "--coordinators", coordinators)
    danish = run("groups", data, "--where", "team=blå", "--coordinators", coordinators, "--lang", "da")

    assert re.search(r"Bent Lund .* coordinator +coordinator: named \(--coordinators\)$", english, flags=re.M)
    assert re.search(r"Bent Lund .* tovholder +tovholder: udpeget$", danish, flags=re.M)
    assert re.search(r"^share with no informal external contact +33\.3% +0\.0%$", english, flags=re.M)


def test_no_words_in_the_groups_python():
    """The words are the catalogue's: no Danish string literal (docstrings aside) and no "da": dict."""
    files = [*sorted((ROOT / "orgnet" / "groups").glob("*.py")), ROOT / "orgnet" / "cli" / "groups.py"]
    found = []
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {id(node.body[0].value) for node in ast.walk(tree) if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef)) and node.body
                      and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
                if re.search(r"[æøåÆØÅ]", node.value) or node.value == "da":
                    found.append(f"{path.name}:{node.lineno} {node.value[:40]!r}")
    assert found == []
