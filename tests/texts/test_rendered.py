"""What users read, rendered on a workplace where counts of one are everywhere (people with one
contact, a TR with one colleague): no "1 <plural>", and no code of orgnet's shown as a word."""

from __future__ import annotations

import re

import pytest

import orgnet
from orgnet.analysis import Analysis
from orgnet.flags import flag_people
from orgnet.profiles.profile import write_profiles
from orgnet.suggestions.suggest import suggest_contacts
from orgnet.texts import LANGUAGES, catalogue, is_plural

# L3 and E1 have one contact each; the TR T4 has one colleague (C2) and reaches none; H is a
# leader at a level orgnet does not know, P a person whose role is the data's own word
PEOPLE = """id,name,organisation,unit,role,level
L1,Lone Ågård,X,X1,leader,top
L2,Søren Bøg,X,X1,leader,first_line
L3,Åse Kjær,X,X1,leader,first_line
E1,Ebbe Ø,X,X1,employee,
O1,Ole Nørby,Y,Y1,leader,top
O2,Ida Møn,Y,Y1,leader,middle
T4,Tom Vang,V,V1,tr,
C2,Cille Vang,V,V1,employee,
H,Hans Holm,V,V1,leader,forstander
P,Pia Lind,Y,Y1,pædagog,
"""
TIES = """source,target,relation,kind
L2,L1,line,formal
L3,L1,line,formal
E1,L2,line,formal
L1,O1,sparring,informal
O2,O1,advice,informal
T4,H,committee,formal
H,O1,advice,informal
P,O2,advice,informal
"""
CODES = ("no_informal_external", "first_line", "employee", "safety_rep", "(missing)", "weak_bagland", "single_bridge")


def plural_nouns(lang: str) -> set[str]:
    """The words a plural entry's ``other`` form has and its ``one`` form lacks ("kontakter", "ledere")."""
    nouns = set()
    for entry in catalogue(lang).values():
        if is_plural(entry):
            words = lambda form: set(re.findall(r"\w+", re.sub(r"\{[^}]*\}", " ", form)))  # noqa: E731
            nouns |= words(entry["other"]) - words(entry["one"])
    return nouns


def one_with_plural(text: str, lang: str) -> list[str]:
    """Every "1 <plural>" in ``text``, also with one word between ("1 union representatives", "dine 1 interne kontakter")."""
    return [found.group(0) for noun in sorted(plural_nouns(lang)) for found in re.finditer(rf"(?<![\d,.])1 (?:[^\W\d]+ )?{noun}\b", text)]


def visible(page: str) -> str:
    return re.sub(r"<[^>]*>", " ", re.sub(r"<(script|style)[^>]*>.*?</\1>", "", page, flags=re.S))


@pytest.fixture(scope="module")
def workplace(tmp_path_factory):
    folder = tmp_path_factory.mktemp("workplace")
    (folder / "people.csv").write_text(PEOPLE, encoding="utf-8")
    (folder / "ties.csv").write_text(TIES, encoding="utf-8")
    return orgnet.read(folder)


@pytest.fixture(scope="module", params=LANGUAGES)
def rendered(request, workplace, tmp_path_factory):
    lang = request.param
    flags = flag_people(workplace, lang=lang)
    suggestions = suggest_contacts(workplace, n=3, lang=lang)
    written = write_profiles(Analysis(workplace, lang=lang, k=1), tmp_path_factory.mktemp(lang), persons=list(workplace.people.index))
    pages = [visible(path.read_text(encoding="utf-8")) for path in [*written.pages.values(), written.index]]
    return lang, flags, suggestions, pages


def test_the_nouns_searched_for_are_the_catalogues():
    assert {"kontakter", "ledere", "personer", "kolleger"} <= plural_nouns("da")
    assert {"contacts", "leaders", "people", "colleagues"} <= plural_nouns("en")


def test_the_workplace_has_counts_of_one_to_write(rendered):
    lang, flags, suggestions, _ = rendered

    assert set(flags.loc[flags["value"].eq(1) & flags["flag"].eq("thin"), "id"]) >= {"L3", "E1"}
    assert flags.loc[flags["flag"] == "weak_bagland", "id"].tolist() == ["T4"]


def test_no_reason_says_one_of_a_plural(rendered):
    lang, flags, suggestions, _ = rendered

    assert one_with_plural(" | ".join(flags["reason"]), lang) == []
    assert one_with_plural(" | ".join(suggestions["reason"]), lang) == []


def test_no_profile_page_says_one_of_a_plural(rendered):
    lang, _, _, pages = rendered

    assert [found for page in pages for found in one_with_plural(page, lang)] == []


def test_no_code_is_shown_as_a_word(rendered):
    lang, flags, suggestions, pages = rendered
    shown = " | ".join([*flags["reason"], *suggestions["reason"], *pages])

    # "employee" is an English word as well as a code: English is searched for the codes no word looks like
    codes = CODES if lang == "da" else [code for code in CODES if not code.isalpha()]
    assert [code for code in codes if re.search(rf"(?<!\w){re.escape(code)}(?!\w)", shown)] == []


def test_a_count_of_one_reads_as_one(rendered):
    lang, flags, _, pages = rendered
    thin = flags.set_index(["id", "flag"]).loc[("L3", "thin"), "reason"]
    bagland = flags.set_index(["id", "flag"]).loc[("T4", "weak_bagland"), "reason"]

    if lang == "da":
        assert thin == "1 kontakt, færre end 3; ledere på afdelingsniveau har en median på 1,5."
        assert bagland == "Kontakt med 0 af 1 kollega i V1 (0\u00a0%; mindst 50\u00a0% forventet)."
    else:
        assert thin == "1 contact, fewer than 3; leaders at department level have a median of 1.5."
        assert bagland == "In contact with 0 of 1 colleague in V1 (0%; at least 50% expected)."


def test_the_users_own_words_appear_as_she_wrote_them(rendered):
    lang, flags, _, pages = rendered
    thin = flags.set_index(["id", "flag"])["reason"]

    own_role = "personer med rollen pædagog" if lang == "da" else "people with role pædagog"
    own_level = "ledere på forstander" if lang == "da" else "leaders at forstander"
    assert own_role in thin[("P", "thin")]
    assert own_level in thin[("H", "thin")]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", {"isolated": "1 of 10 people (10%) has no tie at all.",
                "bottleneck": "1 of 10 people is a bottleneck: a cut point among the 5% with the highest betweenness. Without that person, 4 people are cut off from the rest of the network."}),
        ("da", {"isolated": "1 af 10 personer (10\u00a0%) har ingen forbindelser overhovedet.",
                "bottleneck": "1 af 10 personer er en flaskehals: et skillepunkt blandt de 5\u00a0% med højest mellemliggende centralitet. Uden vedkommende er 4 personer afskåret fra resten af netværket."}),
    ],
)
def test_a_finding_about_one_person_speaks_of_one(workplace, lang, expected):
    from orgnet.report.findings import main_findings

    found = {finding.key: finding.text for finding in main_findings(Analysis(workplace, lang=lang, k=3))}

    assert {key: found[key] for key in expected} == expected
