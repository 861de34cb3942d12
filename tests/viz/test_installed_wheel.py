"""orgnet as a user installs it: build the wheel, install it into a fresh venv (not editable,
outside the source tree), run ``orgnet demo`` there, and open what it wrote.

The editable install that ``make test`` uses hides missing package data (templates, scripts);
this test does not, because the installed package has nothing but what the wheel carries.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.viz.test_browser import embedded_graph, ready

ROOT = Path(__file__).resolve().parents[2]


def _run(*args, cwd: Path | None = None, timeout: int = 600) -> subprocess.CompletedProcess:
    environment = {key: value for key, value in os.environ.items() if not key.startswith(("PYTHON", "VIRTUAL_ENV"))}
    return subprocess.run([str(a) for a in args], cwd=cwd, capture_output=True, text=True, timeout=timeout, env=environment)


@pytest.fixture(scope="module")
def installed_demo(tmp_path_factory):
    """The demo's output folder, written by orgnet installed from its wheel in a fresh venv."""
    work = tmp_path_factory.mktemp("wheel")
    built = _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", work / "dist", ROOT)
    assert built.returncode == 0, built.stderr
    (wheel,) = (work / "dist").glob("orgnet_sna-*.whl")
    venv = work / "venv"
    created = _run(sys.executable, "-m", "venv", venv)
    assert created.returncode == 0, created.stderr
    installed = _run(venv / "bin" / "python", "-m", "pip", "install", "--quiet", wheel)
    assert installed.returncode == 0, installed.stderr
    # run from a folder with no source tree and no datasets beside it, as a user would
    user = work / "user"
    user.mkdir()
    demo = _run(venv / "bin" / "orgnet", "demo", "-o", "out", cwd=user)
    assert demo.returncode == 0, demo.stdout + demo.stderr
    location = _run(venv / "bin" / "python", "-c", "import orgnet, pathlib; print(pathlib.Path(orgnet.__file__).parent)", cwd=user)
    return user / "out", Path(location.stdout.strip()), demo.stdout


def test_the_installed_package_is_the_wheel_not_the_source_tree(installed_demo):
    _, package, _ = installed_demo

    assert "site-packages" in package.parts
    assert ROOT not in package.parents


def test_demo_from_the_wheel_writes_report_graph_and_tables(installed_demo):
    out, _, printed = installed_demo

    for name in ("report/index.html", "report/orgnet.xlsx", "graph.html", "metrics.xlsx", "flags.xlsx"):
        assert (out / name).stat().st_size > 1_000, name
    assert "skovbjerg (generated: no datasets folder in this installation)" in printed
    assert "vis-network" in (out / "graph.html").read_text(encoding="utf-8")


def test_demo_pages_from_the_wheel_open_offline(visit, installed_demo):
    out, _, _ = installed_demo

    graph = visit(out / "graph.html")
    ready(graph.page)
    report = visit(out / "report" / "index.html")
    frame = ready(report.page, embedded_graph(report.page))

    assert graph.page.evaluate("window.orgnetGraph.network.body.nodeIndices.length") == 1170
    assert frame.evaluate("window.orgnetGraph.network.body.nodeIndices.length") == 1170
    assert graph.errors == report.errors == []
    assert graph.outside_requests() == report.outside_requests() == []
