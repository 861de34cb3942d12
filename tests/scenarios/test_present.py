"""How the scenario tables are shown: names from the catalogue, cells as a reader writes them,
changes coloured by good or bad, and a scenario named by what it does."""

from __future__ import annotations

import pandas as pd
import pytest

from orgnet.scenarios import parse_scenario
from orgnet.scenarios.present import cell, label, scenario_title, t, terminal_table, tone, word


@pytest.mark.parametrize(
    ("name", "english", "danish"),
    [
        ("flag:thin", "flagged: thin network", "markeret: tyndt netværk"),  # the flag's name, never its code
        ("flag:no_informal_external", "flagged: no informal external contact", "markeret: ingen uformel ekstern kontakt"),
        ("unit_first", "unit, first wave", "enhed, første måling"),
        ("degree_informal_external", "contacts (informal external)", "kontakter (uformelle eksterne)"),
        ("degree_informal_external_change", "contacts (informal external), change", "kontakter (uformelle eksterne), ændring"),
        ("betweenness_change", "betweenness, change", "mellemliggende centralitet, ændring"),
        ("informal+external", "informal external", "uformelle eksterne"),
        ("pædagogtimer", "pædagogtimer", "pædagogtimer"),  # a name orgnet does not know, as it is
        ("skovbjerg-2008", "skovbjerg-2008", "skovbjerg-2008"),  # a wave's folder name
    ],
)
def test_a_label_in_each_language(name, english, danish):
    assert (label(name, "en"), label(name, "da")) == (english, danish)


@pytest.mark.parametrize(
    ("name", "change", "expected"),
    [
        ("flag:thin", 8, "bad"),  # more people flagged thin: worse, although the number went up
        ("flag:thin", -8, "good"),
        ("isolates", -1, "good"),  # fewer isolated people
        ("isolates", 2, "bad"),
        ("ties", 5, "good"),  # more contacts
        ("degree_change", -3, "bad"),
        ("degree_informal_external_change", 1, "good"),
        ("mean_distance", 0.2, "bad"),  # further apart
        ("components", 1, "bad"),
        ("constraint_change", 0.1, "bad"),
        ("coverage_change", -0.25, "bad"),
        ("new", 3, "bad"),
        ("resolved", 3, "good"),
        ("lost_reach3", 12, "bad"),
        ("people", 5, ""),  # neither good nor bad
        ("betweenness_change", 0.01, ""),
        ("ei_index", 0.03, ""),
        ("flag:thin", 0, ""),
        ("ties", float("nan"), ""),
    ],
)
def test_a_change_is_coloured_by_good_or_bad_not_by_sign(name, change, expected):
    assert tone(name, change) == expected


@pytest.mark.parametrize(
    ("column", "value", "lang", "expected"),
    [
        ("people", 1170, "da", "1.170"),
        ("people", 1170, "en", "1,170"),
        ("density_all", 0.00927, "da", "0,0093"),
        ("density_external", -0.0000123, "da", "-0,000012"),
        ("mean_distance", 4.1722, "da", "4,172"),
        ("largest_component_share", 0.9966, "da", "99,7\xa0%"),
        ("isolated", True, "da", "ja"),
        ("betweenness_change", -0.00000044, "da", "0,0000"),  # never −0,0000
        ("new_flags", "single_bridge, thin", "da", "kun én bro, tyndt netværk"),
        ("flag", "weak_bagland", "da", "svagt bagland"),
        ("role", "employee", "da", "medarbejder"),
        ("role", "pædagog", "da", "pædagog"),  # the user's own value, as she wrote it
        ("group", "(not in a group)", "da", "(ikke i en gruppe)"),
        ("organisation", None, "da", "—"),
    ],
)
def test_a_cell_as_the_reader_writes_it(column, value, lang, expected):
    assert cell(column, value, lang) == expected


def test_a_change_is_written_with_its_sign():
    assert [cell("change", value, "da", signed=True) for value in (8, -631, 0, 0.0294)] == ["+8", "-631", "0", "+0,0294"]


def test_a_code_cell_becomes_a_word_and_a_number_stays_a_number():
    assert word("kind", "merge", "da") == "fusion"
    assert word("people", 3, "da") == 3


@pytest.mark.parametrize(
    ("changes", "english", "danish"),
    [
        ({"merge": ["A,B=C"]}, "Merger: A and B → C", "Fusion: A og B → C"),
        ({"merge": ["A,B,D=C"]}, "Merger: A, B and D → C", "Fusion: A, B og D → C"),
        ({"remove": ["P1"]}, "Navn P1 leaves", "Navn P1 stopper"),
        ({"remove": ["P1,P2"]}, "Navn P1 and Navn P2 leave", "Navn P1 og Navn P2 stopper"),
        (
            {"remove": ["P1,P2,P3,P4,P5"]},
            "Navn P1, Navn P2, Navn P3 and 2 others leave",
            "Navn P1, Navn P2, Navn P3 og 2 andre stopper",
        ),
        ({"remove": ["Z9"]}, "Z9 leaves", "Z9 stopper"),  # no name known: the id
        ({"remove_where": ["employer=amt"]}, "Everyone with employer amt leaves", "Alle med arbejdsgiver amt stopper"),
        (
            {"remove_where": ["skift=nat"]},
            "Everyone with skift nat leaves",
            "Alle med skift nat stopper",
        ),  # the user's own attribute
        ({"remove_where": ["role=tr,leader"]}, "Everyone with role tr or leader leaves", "Alle med rolle TR eller leder stopper"),
        ({"remove_where": ["level!=top"]}, "Everyone without level top leaves", "Alle uden niveau topleder stopper"),
        (
            {"move": ["P1=Bostedet Næsset"], "merge": ["A,B=C"]},
            "Merger: A and B → C; Navn P1 moves to Bostedet Næsset",
            "Fusion: A og B → C; Navn P1 flytter til Bostedet Næsset",
        ),
    ],
)
def test_a_scenario_is_named_by_what_it_does(changes, english, danish):
    people = pd.DataFrame({"name": [f"Navn P{i}" for i in range(1, 6)]}, index=[f"P{i}" for i in range(1, 6)])
    scenario = parse_scenario("", **changes)

    assert (scenario_title(scenario, people, "en"), scenario_title(scenario, people, "da")) == (english, danish)


def test_one_count_takes_the_singular():
    assert t("change.others", "da", n=1) == "1 anden"
    assert t("terminal.removed", "da", n=1) == "1 person fjernet"
    assert t("terminal.lower_coverage", "da", n=2) == "2 TR'er med lavere dækning af baglandet"


def test_a_terminal_table_has_words_and_local_numbers():
    figures = pd.DataFrame(
        {"before": [1170, 0.5, 95], "Fusion": [1169, 0.25, 103]},
        index=pd.Index(["people", "largest_component_share", "flag:thin"], name="figure"),
    )

    assert terminal_table(figures, "da", figure_rows=True).splitlines() == [
        "nøgletal                    før  Fusion",
        "personer                  1.170   1.169",
        "største komponent        50,0\xa0%  25,0\xa0%",
        "markeret: tyndt netværk      95     103",
    ]
