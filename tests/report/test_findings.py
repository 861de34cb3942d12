"""Main findings: each sentence appears exactly when its numbers support it, with count, base and link."""

from __future__ import annotations

import pytest

import orgnet
from orgnet.analysis import Analysis
from orgnet.report.findings import main_findings

NBSP = "\u00a0"


def leaders(write_folder, n: int, without: int):
    """n leaders of organisation A, each with a formal tie to colleague E; all but the first
    ``without`` also have an informal tie to X in organisation B."""
    people = ["id,organisation,role"] + [f"L{i},A,leader" for i in range(1, n + 1)] + ["E,A,employee", "X,B,employee"]
    ties = ["source,target,relation,kind"] + [f"L{i},E,line,formal" for i in range(1, n + 1)]
    ties += [f"L{i},X,advice,informal" for i in range(without + 1, n + 1)]
    return orgnet.read(write_folder(people="\n".join(people) + "\n", ties="\n".join(ties) + "\n"))


def trs(write_folder, n: int, weak: int):
    """n TRs, each alone in a unit with two colleagues; the first ``weak`` reach none of them."""
    people, ties = ["id,organisation,unit,role"], ["source,target,relation,kind"]
    for i in range(1, n + 1):
        people += [f"T{i},A,U{i},tr", f"C{i}a,A,U{i},employee", f"C{i}b,A,U{i},employee"]
        ties += [f"C{i}a,C{i}b,advice,informal"]
        if i > weak:
            ties += [f"T{i},C{i}a,advice,informal", f"T{i},C{i}b,advice,informal"]
    return orgnet.read(write_folder(people="\n".join(people) + "\n", ties="\n".join(ties) + "\n"))


def by_key(findings, key):
    return next((f for f in findings if f.key == key), None)


def test_leaders_without_informal_external_contact_beside_the_survey(write_folder):
    found = by_key(main_findings(Analysis(leaders(write_folder, 6, 2), k=5)), "no_informal_external")

    assert found.text == (
        "2 of 6 leaders (33%) have no informal contact outside their own organisation. "
        "In LederPejling, 41% of leaders felt they lacked informal networks outside their workplace."
    )
    assert (found.count, found.base, found.anchor) == (2, 6, "flag-no_informal_external")


def test_the_same_sentence_in_danish(write_folder):
    found = by_key(main_findings(Analysis(leaders(write_folder, 6, 2), k=5, lang="da")), "no_informal_external")

    assert found.text == (
        f"2 af 6 ledere (33{NBSP}%) har ingen uformel kontakt uden for egen organisation. "
        f"I LederPejling savnede 41{NBSP}% af lederne uformelle netværk uden for arbejdspladsen."
    )


def test_no_leader_without_contact_links_to_the_flag_counts(write_folder):
    found = by_key(main_findings(Analysis(leaders(write_folder, 6, 0), k=5)), "no_informal_external")

    assert found.text.startswith("0 of 6 leaders (0%)")
    assert found.anchor == "flag-counts"  # there is no table of that flag to link to


@pytest.mark.parametrize(("k", "present"), [(4, True), (5, False)], ids=["base-equals-k", "base-under-k"])
def test_no_sentence_about_fewer_leaders_than_k(write_folder, k, present):
    findings = main_findings(Analysis(leaders(write_folder, 4, 1), k=k))

    assert (by_key(findings, "no_informal_external") is not None) is present


def test_no_leader_sentence_without_organisation(write_folder):
    network = orgnet.read(write_folder(people="id,role\nA,leader\nB,leader\nC,leader\nD,leader\nE,leader\n", ties="source,target,relation\nA,B,advice\nC,D,advice\nD,E,advice\n"))

    assert by_key(main_findings(Analysis(network, k=3)), "no_informal_external") is None


def test_weak_bagland_counts_trs_under_the_threshold(write_folder):
    found = by_key(main_findings(Analysis(trs(write_folder, 5, 2), k=5)), "weak_bagland")

    assert found.text == "2 of 5 TRs (40%) are in contact with fewer than 50% of the colleagues in their own unit (weak bagland)."
    assert (found.count, found.base, found.anchor) == (2, 5, "bagland")


def test_every_tr_reaching_the_bagland_is_said_too(write_folder):
    findings = main_findings(Analysis(trs(write_folder, 5, 0), k=5, lang="da"))

    assert by_key(findings, "weak_bagland") is None
    assert by_key(findings, "strong_bagland").text == f"Alle 5 TR'er har kontakt med mindst 50{NBSP}% af kollegerne i egen enhed."


def test_no_bagland_sentence_about_fewer_trs_than_k(write_folder):
    assert by_key(main_findings(Analysis(trs(write_folder, 4, 2), k=5)), "weak_bagland") is None


def test_bottlenecks_of_a_path(write_folder):
    # a–b–c–d–e–f: c and d have the highest betweenness (6/10 each, networkx) and are cut points
    network = orgnet.read(write_folder(
        people="id\na\nb\nc\nd\ne\nf\n",
        ties="source,target,relation\na,b,advice\nb,c,advice\nc,d,advice\nd,e,advice\ne,f,advice\n",
    ))

    found = by_key(main_findings(Analysis(network, k=5)), "bottleneck")

    # without c and d, a–b and e–f remain: 2 people apart from the largest part; c alone cuts off a and b
    assert found.text == (
        "2 of 6 people are bottlenecks: cut points among the 5% with the highest betweenness. "
        "Without them, 2 people are cut off from the rest of the network; one of them alone cuts off 2 people."
    )
    assert found.anchor == "flag-bottleneck"


def test_no_bottleneck_sentence_when_there_is_none(write_folder):
    pairs = [(a, b) for a in "abcdef" for b in "abcdef" if a < b]  # a complete graph has no cut point
    network = orgnet.read(write_folder(people="id\na\nb\nc\nd\ne\nf\n", ties="source,target,relation\n" + "".join(f"{a},{b},advice\n" for a, b in pairs)))

    assert by_key(main_findings(Analysis(network, k=5)), "bottleneck") is None


def test_groups_differ_names_only_groups_of_at_least_k(write_folder):
    # level top: 5 people in a 5-clique (4 contacts each); level middle: 5 in a path (median 2);
    # level tiny: 2 people tied to everyone (most contacts of all) — under k, never named
    top = [f"T{i}" for i in range(5)]
    middle = [f"M{i}" for i in range(5)]
    tiny = ["Y1", "Y2"]
    people = "id,level\n" + "".join(f"{p},top\n" for p in top) + "".join(f"{p},middle\n" for p in middle) + "".join(f"{p},tiny\n" for p in tiny)
    ties = [(a, b) for i, a in enumerate(top) for b in top[i + 1:]] + list(zip(middle, middle[1:]))
    ties += [(y, p) for y in tiny for p in top + middle]
    network = orgnet.read(write_folder(people=people, ties="source,target,relation\n" + "".join(f"{a},{b},advice\n" for a, b in ties)))

    findings = main_findings(Analysis(network, k=5))
    found = by_key(findings, "groups_differ")

    assert found.text == "Median contacts differ most by level: 6 for top leader (n = 5) against 4 for middle manager (n = 5)."  # labels, not codes
    assert found.anchor == "compare-level"
    assert not [f.text for f in findings if "tiny" in f.text]


def test_groups_differ_in_danish_names_attribute_and_values(write_folder):
    people = "id,level\n" + "".join(f"A{i},top\n" for i in range(5)) + "".join(f"B{i},first_line\n" for i in range(5))
    ties = [(f"A{i}", f"A{j}") for i in range(5) for j in range(i + 1, 5)] + [(f"B{i}", f"B{i + 1}") for i in range(4)]
    network = orgnet.read(write_folder(people=people, ties="source,target,relation\n" + "".join(f"{a},{b},advice\n" for a, b in ties)))

    found = by_key(main_findings(Analysis(network, k=5, lang="da")), "groups_differ")

    assert found.text == "Medianen for kontakter varierer mest efter niveau: 4 for topleder (n = 5) mod 2 for afdelingsleder (n = 5)."


def test_every_finding_has_a_number_under_it(write_folder):
    findings = main_findings(Analysis(leaders(write_folder, 8, 3), k=5))

    assert findings
    assert all(f.base >= 5 and 0 <= f.count <= f.base and str(f.count) in f.text for f in findings)
