"""The report says whether a group comparison is beyond chance: Krackhardt's E–I of each group of
at least k people against its permutation test, in words, with the test named; never a p-value
for a smaller group."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

import orgnet
from orgnet.analysis import Analysis
from orgnet.report import build_report
from orgnet.report.chance import chance_comparisons, chance_table, p_text, sentence
from orgnet.report.management import build_management_report

SHIPPED = Path(__file__).resolve().parents[2] / "datasets" / "skovbjerg"


@pytest.fixture(scope="module")
def teams(tmp_path_factory):
    """Teams A and B of six: everyone tied to everyone in the own team, one tie across; team C of
    three (under k = 5), tied to A."""
    folder = tmp_path_factory.mktemp("teams")
    people = [("a", i) for i in range(6)] + [("b", i) for i in range(6)] + [("c", i) for i in range(3)]
    rows = ["id,name,team"] + [f"{t}{i},{t.upper()}{i},{t.upper()}" for t, i in people]
    ties = ["source,target,relation,kind"]
    for team in "ab":
        ties += [f"{team}{i},{team}{j},advice,informal" for i, j in itertools.combinations(range(6), 2)]
    ties += ["a0,b0,advice,informal", "c0,c1,advice,informal", "c1,c2,advice,informal", "c2,a1,advice,informal"]
    (folder / "people.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (folder / "ties.csv").write_text("\n".join(ties) + "\n", encoding="utf-8")
    return orgnet.read(folder)


def test_a_team_that_keeps_to_itself_is_beyond_chance_in_words(teams):
    found = chance_comparisons(Analysis(teams, lang="da", k=5), ["team"])["team"]
    a = next(c for c in found if c.group == "A")

    # A's ties, each once (Krackhardt & Stern 1988): 15 within, 1 to B and 1 to C: E–I = (2 − 15) / 17, by hand
    assert a.value == pytest.approx((2 - 15) / 17)
    assert a.beyond_chance and a.direction == "inward" and a.test == "ei_permutation"
    expected = a.expected
    assert expected > a.value
    assert sentence(a, "da") == (
        "Personer med team A har flere forbindelser med hinanden, end tilfældet ville give "
        f"(E–I -0,76 mod {expected:.2f} ved tilfældig fordeling; permutationstest p < 0,001)."
    ).replace(f"{expected:.2f}", f"{expected:.2f}".replace(".", ","))
    assert sentence(a, "en").startswith("People with team A have more ties with each other than chance would give (E–I -0.76 against ")


def test_a_group_under_k_gets_no_sentence_and_no_p_value(teams):
    found = chance_comparisons(Analysis(teams, lang="da", k=5), ["team"])
    table = chance_table(found)

    assert sorted(c.group for c in found["team"]) == ["A", "B"]
    assert "C" not in set(table["group"])
    assert table["p"].notna().all()


@pytest.mark.parametrize(("p", "da", "en"), [(0.0004, "p < 0,001", "p < 0.001"), (0.004, "p < 0,01", "p < 0.01"), (0.0412, "p = 0,04", "p = 0.04")])
def test_a_p_value_is_written_as_papers_write_it(p, da, en):
    assert (p_text(p, "da"), p_text(p, "en")) == (da, en)


@pytest.fixture(scope="module")
def shipped_reports(tmp_path_factory):
    analysis = Analysis(orgnet.read(SHIPPED), lang="da")
    consultant = tmp_path_factory.mktemp("consultant")
    build_report(analysis, consultant)
    management = tmp_path_factory.mktemp("management")
    build_management_report(analysis, management)
    return (consultant / "index.html").read_text(encoding="utf-8"), (management / "index.html").read_text(encoding="utf-8")


def test_both_reports_say_which_differences_are_beyond_chance(shipped_reports):
    for page in shipped_reports:
        shown = re.search(r'<ul class="chance" id="chance-level">(.*?)</ul>', page, re.S).group(1)
        sentences = re.findall(r"<li>(.*?)</li>", shown)
        assert len(sentences) == 3
        assert sentences[2].startswith("Ledere på topniveau har flere forbindelser med hinanden, end tilfældet ville give (E–I 0,48 mod ")
        assert all("permutationstest p" in said for said in sentences)
        assert "2.000 tilfældige fordelinger af niveau" in page
