"""The management audience: no person can be picked out of anything it writes.

Every name, id, unit, organisation, relation, group name and other free-text value is a
distinctive canary; the management report (HTML with its embedded charts, and the workbook)
must contain none of them, in either language.
"""

from __future__ import annotations

import base64
import re
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest

import orgnet
from orgnet.analysis import Analysis
from orgnet.generate import generate_municipality
from orgnet.model import scope_of_ties
from orgnet.report.management import build_management_report

FREE_TEXT = ("name", "organisation", "unit", "profession", "municipality", "former_municipality", "tenure_years")


SHIPPED = Path(__file__).resolve().parents[2] / "datasets" / "skovbjerg"


def canary_network(source: str = "generated"):
    """A municipality (a small generated one, or the shipped one) with every identifying value
    replaced by a canary string carrying hostile markup."""
    network = orgnet.read(SHIPPED) if source == "shipped" else generate_municipality(people=160, seed=11)
    people = network.people.copy()
    ids = {person: f"IDCANARY{i:04d}Q" for i, person in enumerate(people.index)}
    canaries = set(ids.values())
    for column in FREE_TEXT:
        values = {value: f"{column.upper()[:4]}CANARY{i:04d}Q<b>" for i, value in enumerate(people[column].dropna().unique())}
        people[column] = people[column].map(values)
        canaries |= {v.removesuffix("<b>") for v in values.values()}
    people.index = people.index.map(ids)
    relations = {value: f"RELCANARY{i:02d}Q" for i, value in enumerate(network.ties["relation"].unique())}
    canaries |= set(relations.values())
    ties = network.ties.assign(source=network.ties["source"].map(ids), target=network.ties["target"].map(ids), relation=network.ties["relation"].map(relations))
    ties = ties.assign(scope=scope_of_ties(people, ties))
    groups_named = {value: f"GRPCANARY{i:03d}Q" for i, value in enumerate(network.groups["group"].unique())}
    canaries |= set(groups_named.values())
    groups = network.groups.assign(person=network.groups["person"].map(ids), group=network.groups["group"].map(groups_named))
    return replace(network, people=people, ties=ties, groups=groups), canaries


def everything_written(folder) -> str:
    """All text in the output: the HTML, every data: URI inside it decoded, every XML part of the workbook."""
    html = (folder / "index.html").read_text(encoding="utf-8")
    decoded = [base64.b64decode(uri).decode("utf-8", "replace") for uri in re.findall(r"data:[^;\"']+;base64,([A-Za-z0-9+/=]+)", html)]
    with zipfile.ZipFile(folder / "orgnet.xlsx") as workbook:
        parts = [workbook.read(name).decode("utf-8", "replace") for name in workbook.namelist()]
    return "\n".join([html, *decoded, *parts])


@pytest.mark.parametrize(("source", "lang"), [("generated", "en"), ("generated", "da"), ("shipped", "da")])
def test_no_canary_in_the_management_report(tmp_path, source, lang):
    network, canaries = canary_network(source)
    analysis = Analysis(network, lang=lang, k=5)
    assert len(analysis.flags) and len(analysis.bagland)  # there is something to leak

    build_management_report(analysis, tmp_path / "out")

    text = everything_written(tmp_path / "out")
    leaked = sorted(c for c in canaries if c in text)
    assert leaked == []
    assert "CANARY" not in text


def test_the_consultant_report_of_the_same_network_does_show_them(tmp_path):
    """The canary check can fail: the full report names people."""
    from orgnet.report import build_report

    network, canaries = canary_network()
    build_report(Analysis(network, k=5), tmp_path / "out")

    text = everything_written(tmp_path / "out")
    assert sum(c in text for c in canaries) > 100


def test_groups_under_k_are_suppressed_and_shown_groups_have_k(tmp_path):
    network, _ = canary_network()
    analysis = Analysis(network, k=5)
    from orgnet.privacy.audience import flag_counts

    table = flag_counts(analysis, by="level", k=5)
    shown = table[~table["suppressed"].astype(bool)]

    assert (shown["n"] >= 5).all()
    sizes = network.people["level"].value_counts()
    assert set(table.loc[table["suppressed"].astype(bool), "level"]) == set(sizes[sizes < 5].index.astype(str))


def test_bagland_is_withheld_below_k_trs():
    network, _ = canary_network()
    analysis = Analysis(network, k=5)
    from orgnet.privacy.audience import bagland_overview

    trs = len(analysis.bagland)
    assert bagland_overview(analysis, k=trs)["trs"] == trs
    assert bagland_overview(analysis, k=trs + 1) == {"trs": None, "suppressed": True}


@pytest.fixture
def canary_folder(tmp_path):
    network, canaries = canary_network()
    return orgnet.write(network, tmp_path / "data"), canaries


@pytest.mark.parametrize(
    "command",
    [
        ("report", "-o", "{out}/report"),
        ("flags", "-o", "{out}/flags.csv"),
        ("flags", "-o", "{out}/flags.xlsx"),
        ("bagland", "-o", "{out}/bagland.json"),
        ("compare", "--by", "level", "--by", "gender", "-o", "{out}/compare.csv"),
    ],
)
def test_management_outputs_from_the_cli_hold_no_canary(canary_folder, tmp_path, run_cli, command):
    folder, canaries = canary_folder
    out = tmp_path / "out"
    args = [part.format(out=out) for part in command]

    result = run_cli(args[0], folder, *args[1:], "--audience", "management")

    assert result.exit_code == 0, result.output
    written = [p for p in out.rglob("*") if p.is_file()]
    assert written
    for path in written:
        if path.suffix == ".xlsx":
            with zipfile.ZipFile(path) as workbook:
                text = "".join(workbook.read(name).decode("utf-8", "replace") for name in workbook.namelist())
        elif path.name == "index.html":
            text = everything_written(path.parent)
        else:
            text = path.read_text(encoding="utf-8-sig")
        assert "CANARY" not in text, path
        if path.suffix == ".json":  # the metadata says who the output is for
            assert '"audience": "management"' in text and '"names": "none"' in text, path
    assert "CANARY" not in result.output


@pytest.mark.parametrize(
    ("command", "message"),
    [
        (("metrics", "-o", "m.csv"), "a per-person table has no management form; use orgnet compare or orgnet report --audience management"),
        (
            ("graph", "-o", "g.html"),
            "a picture of the network shows individuals even without names, so there is none for management; use orgnet report --audience management",
        ),
    ],
)
def test_per_person_outputs_are_refused_for_management(canary_folder, tmp_path, run_cli, command, message):
    folder, _ = canary_folder
    result = run_cli(command[0], folder, command[1], tmp_path / command[2], "--audience", "management")

    assert result.exit_code == 1
    assert result.output == f"Error: {message}\n"
    assert not (tmp_path / command[2]).exists()
