"""Every command on data that is not orgnet's own: ids and ties only, and the published networks.

Any valid input gives metrics, flags, comparisons, a graph and a report; what the data cannot
support is said in the report, not failed on.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from tests.conftest import shared_dataset

MINIMAL_PEOPLE = "id\na\nb\nc\nd\ne\nf\n"
MINIMAL_TIES = "source,target,relation\na,b,advice\nb,c,advice\nc,a,advice\nc,d,advice\nd,e,advice\ne,f,advice\n"

# name: (relations that need a kind, attribute to compare by, people, ties as read)
PUBLISHED = {
    "krackhardt_hightech": ({}, "level", 21, 312),
    "lazega_lawfirm": ({"cowork": "informal"}, "office", 71, 2223),
    "bank_wiring_room": ({r: "informal" for r in ("games", "controversy", "antagonism", "helping", "job_trading")}, "role_code", 14, 189),
}


def run_pipeline(run_cli, data: Path, out: Path, config: Path | None, by: str | None) -> dict:
    """Run every command on ``data``; return each one's result."""
    options = ["--config", config] if config else []
    results = {
        "validate": run_cli("validate", data, *options),
        "metrics": run_cli("metrics", data, "-o", out / "metrics.csv", *options),
        "flags": run_cli("flags", data, "-o", out / "flags.csv", *options),
        "bagland": run_cli("bagland", data, *options),
        "graph_html": run_cli("graph", data, "-o", out / "graph.html", *options),
        "graph_png": run_cli("graph", data, "-o", out / "graph.png", *options),
        "report": run_cli("report", data, "-o", out / "report", *options),
        "report_da": run_cli("report", data, "-o", out / "rapport", "--lang", "da", *options),
    }
    if by:
        results["compare"] = run_cli("compare", data, "--by", by, "-o", out / "compare.csv", *options)
    return results


def check_outputs(results: dict, out: Path, people: int, ties: int) -> str:
    for name, result in results.items():
        assert result.exit_code == 0, f"{name}: {result.output}"
    assert re.search(rf"^people:\s+{people:,}$", results["validate"].output, re.M)
    assert re.search(rf"^ties:\s+{ties:,}$", results["validate"].output, re.M)
    assert len(pd.read_csv(out / "metrics.csv")) == people
    assert (out / "flags.csv").exists()
    assert results["bagland"].output.strip() == "no TRs in the data (role 'tr')"
    assert f"wrote {people} people and {ties} ties" in results["graph_html"].output
    assert "<!DOCTYPE html>" in (out / "graph.html").read_text(encoding="utf-8")[:200]
    assert (out / "graph.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert (out / "report" / "orgnet.xlsx").exists() and (out / "rapport" / "orgnet.xlsx").exists()
    page = (out / "report" / "index.html").read_text(encoding="utf-8")
    assert f'<div class="value">{people}</div><div class="label">people</div>' in page
    assert 'id="findings"' in page and 'id="graph"' in page
    danish = (out / "rapport" / "index.html").read_text(encoding="utf-8")
    assert "Ingen kolonne organisation: alle forbindelser regnes som interne" in danish
    return page


def test_ids_and_ties_only(run_cli, write_folder, tmp_path):
    data = write_folder(people=MINIMAL_PEOPLE, ties=MINIMAL_TIES)

    results = run_pipeline(run_cli, data, tmp_path, None, None)

    page = check_outputs(results, tmp_path, 6, 6)
    for note in ("No organisation column: every tie counts as internal", "No role column", "No level column", "No name column",
                 "Every tie is informal", "None of the attributes the report compares by"):
        assert note in page
    assert "2 of 6 people are bottlenecks" in page  # c and d hold the chain together
    assert "Colour: community" in page  # no attribute tells people apart


def test_compare_on_ids_only_names_what_is_missing(run_cli, write_folder):
    result = run_cli("compare", write_folder(people=MINIMAL_PEOPLE, ties=MINIMAL_TIES), "--by", "role")

    assert result.exit_code == 1
    assert result.output == "Error: no attribute 'role' to compare by. Attributes: none (the people table has only ids)\n"


@pytest.mark.parametrize("name", list(PUBLISHED))
def test_published_network(run_cli, tmp_path, name):
    data = shared_dataset(name)
    relations, by, people, ties = PUBLISHED[name]
    config = None
    if relations:
        config = tmp_path / "orgnet.toml"
        config.write_text("[relations]\n" + "".join(f'{r} = "{kind}"\n' for r, kind in relations.items()), encoding="utf-8")

    results = run_pipeline(run_cli, data, tmp_path, config, by)

    page = check_outputs(results, tmp_path, people, ties)
    assert "No organisation column" in page and "No role column" in page
    assert "No name column: people are shown by their id." in page
    comparison = pd.read_csv(tmp_path / "compare.csv")
    assert comparison[by].nunique() == len(comparison) >= 2
    assert comparison.loc[~comparison["suppressed"], "n"].sum() <= people
