"""`make bench`: the full per-person table, orgnet against a networkx-only pipeline, same run.

Each measurement runs in a fresh child process so that its peak memory (ru_maxrss, which
includes Python, the libraries and the generated network) is its own. networkx is timed on
a sample of sources or people where the full computation would take too long, and scaled
linearly to the whole network; the output marks those figures "est.".

Beside the in-process figure (``compute_all`` alone), the command line is timed end to end:
the network is written as a data folder by ``orgnet generate`` and ``orgnet metrics DIR -o
out.csv`` runs as a subprocess, reading and writing included. The machine is shared, so a
fixed single-core reference workload is timed in the same run, before and after the tables,
and every orgnet time is also given as a multiple of it ("× ref").

Usage: python benchmarks/run.py [--sizes 1000 10000 100000] [--million] [--no-networkx]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import time

SEED = 1


def build(people: int):
    from orgnet.generate import generate_municipality

    return generate_municipality(people=people, seed=SEED)


def run_orgnet(people: int, paths: bool = True) -> dict:
    from orgnet.metrics import compute_all
    from orgnet.metrics.graph import SymGraph

    network = build(people)
    graph = SymGraph.from_network(network)
    start = time.perf_counter()
    table = compute_all(network, paths=paths)
    seconds = time.perf_counter() - start
    return {
        "people": len(network.people),
        "ties": len(network.ties),
        "mean_degree": 2 * len(graph.edges) / graph.n,
        "seconds": seconds,
        "columns": table.shape[1],
        "paths": table.attrs["orgnet"]["paths"],
    }


def run_cli(people: int) -> dict:
    """``orgnet metrics`` end to end in a subprocess on a generated data folder (same seed)."""
    import tempfile
    from pathlib import Path

    orgnet = str(Path(sys.executable).with_name("orgnet"))
    with tempfile.TemporaryDirectory(prefix="orgnet-bench-") as folder:
        data = Path(folder) / "network"
        subprocess.run([orgnet, "generate", "-o", str(data), "--people", str(people), "--seed", str(SEED)], check=True, capture_output=True)
        start = time.perf_counter()
        process = subprocess.Popen([orgnet, "metrics", str(data), "-o", str(Path(folder) / "metrics.csv")], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)  # this command's own peak (its workers included), not the generator's
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode:
            raise SystemExit(f"orgnet metrics failed with status {process.returncode}")
    return {"people": people, "seconds": seconds, "command_peak_rss_mb": usage.ru_maxrss / 1024}


def run_reference() -> dict:
    """A fixed single-core workload (igraph betweenness, a numpy sort): the yardstick for a busy machine."""
    import random

    import igraph as ig
    import numpy as np

    ig.set_random_number_generator(random.Random(0))
    graph = ig.Graph.Barabasi(30_000, 6)
    values = np.random.default_rng(0).random(5_000_000)
    start = time.perf_counter()
    graph.betweenness(sources=list(range(300)))
    np.sort(values)
    return {"seconds": time.perf_counter() - start}


def run_networkx(people: int, sources: int) -> dict:
    """The same columns with networkx (and plain Python where networkx has no such metric)."""
    import random

    import networkx as nx

    from tests.metrics import reference

    network = build(people)
    graph = nx.Graph()
    graph.add_nodes_from(network.people.index)
    graph.add_edges_from(zip(network.ties["source"], network.ties["target"]))
    digraph = nx.DiGraph()
    digraph.add_nodes_from(network.people.index)
    digraph.add_edges_from(zip(network.ties["source"], network.ties["target"]))
    n = len(graph)
    sample = random.Random(SEED).sample(list(graph), min(sources, n))
    scale = n / len(sample)
    group = network.people["organisation"].to_dict()
    parts: dict[str, tuple[float, bool]] = {}

    def timed(name, work, scaled=False):
        start = time.perf_counter()
        work()
        parts[name] = ((time.perf_counter() - start) * (scale if scaled else 1.0), scaled)

    def degrees():
        dict(graph.degree()), dict(digraph.in_degree()), dict(digraph.out_degree())
        for spec in ("internal", "external", "formal", "informal"):
            ties = network.layer(spec).ties
            layer = nx.Graph()
            layer.add_nodes_from(network.people.index)
            layer.add_edges_from(zip(ties["source"], ties["target"]))
            dict(layer.degree())

    sampled = len(sample) < n
    timed("degrees", degrees)
    # betweenness with k sources costs k/n of the exact run
    timed("betweenness", lambda: nx.betweenness_centrality(graph, k=len(sample), seed=SEED) if sampled else nx.betweenness_centrality(graph), scaled=sampled)
    timed("closeness", lambda: nx.harmonic_centrality(graph, sources=sample), scaled=sampled)
    timed("eigenvector", lambda: nx.eigenvector_centrality(graph, max_iter=1000))
    timed("pagerank", lambda: nx.pagerank(graph))
    # networkx's fastest path for everyone is a dense n × n matrix (0.8 GB at 10,000 people,
    # 74.5 GiB at 100,000); beyond 20,000 people it is timed per person on the sample
    if n <= 20_000:
        timed("effective_size", lambda: nx.effective_size(graph))
    else:
        timed("effective_size", lambda: nx.effective_size(graph, nodes=sample), scaled=True)
    timed("constraint+hierarchy", lambda: [nx.local_constraint(graph, v, w) for v in sample for w in graph[v]], scaled=sampled)
    sub = digraph.subgraph(set(sample) | {w for v in sample for w in digraph.predecessors(v)} | {w for v in sample for w in digraph.successors(v)})
    timed("gould_fernandez", lambda: reference.gould_fernandez(_brokers_only(sub, digraph, sample), group), scaled=sampled)
    timed("ei_index", lambda: reference.ei_index(graph, group))
    timed("reach2", lambda: [len(nx.single_source_shortest_path_length(graph, v, cutoff=2)) for v in sample], scaled=sampled)
    timed("kcore", lambda: nx.core_number(graph))
    timed("community", lambda: nx.community.louvain_communities(graph, seed=SEED))
    timed("articulation", lambda: list(nx.articulation_points(graph)))
    return {
        "people": n,
        "seconds": sum(seconds for seconds, _ in parts.values()),
        "estimated": any(scaled for _, scaled in parts.values()),
        "sample": len(sample),
        "parts": {name: {"seconds": s, "estimated": e} for name, (s, e) in parts.items()},
    }


def _brokers_only(sub, digraph, brokers):
    """A view in which only the sampled brokers' two-paths are counted (the rest have no in-ties)."""
    import networkx as nx

    view = nx.DiGraph()
    view.add_nodes_from(sub)
    for b in brokers:
        view.add_edges_from((a, b) for a in digraph.predecessors(b))
        view.add_edges_from((b, c) for c in digraph.successors(b))
    # the closing tie a → c must be seen too
    for b in brokers:
        for a in digraph.predecessors(b):
            view.add_edges_from((a, c) for c in digraph.successors(a) if c in view)
    return view


def child(kind: str, people: int, extra: int) -> dict:
    command = [sys.executable, __file__, "--child", kind, str(people), str(extra)]
    completed = subprocess.run(command, capture_output=True, text=True, check=True)
    return json.loads(completed.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000, 100000])
    parser.add_argument("--million", action="store_true", help="also 1,000,000 people without betweenness and closeness")
    parser.add_argument("--no-networkx", action="store_true", help="orgnet only (in-process and command line)")
    parser.add_argument("--child", nargs=3)
    args = parser.parse_args()
    if args.child:
        kind, people, extra = args.child[0], int(args.child[1]), int(args.child[2])
        runs = {"orgnet": lambda: run_orgnet(people, paths=bool(extra)), "networkx": lambda: run_networkx(people, extra),
                "cli": lambda: run_cli(people), "reference": run_reference}
        result = runs[kind]()
        # the largest of this process and its worker processes (forked for the path searches)
        peak = max(resource.getrusage(who).ru_maxrss for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
        result["peak_rss_mb"] = peak / 1024
        print(json.dumps(result))
        return

    print(f"machine: {platform.machine()}, {platform.processor() or '?'}; python {platform.python_version()}; "
          f"{_cores()} cores; {_memory_gb():.0f} GB")
    before = child("reference", 0, 0)["seconds"]
    print(f"reference workload: {before:.2f} s")
    print(f"{'people':>9} {'ties':>9} {'deg':>5} | {'orgnet s':>9} {'MB':>6} | {'networkx s':>12} {'MB':>6} | {'ratio':>7}  paths")
    sources = {1000: 10**9, 10000: 200, 100000: 50}  # at 1,000 people networkx runs in full
    command_line = []
    for people in args.sizes:
        ours = child("orgnet", people, 1)
        cli = child("cli", people, 0)
        command_line.append((ours, cli))
        if args.no_networkx:
            print(f"{ours['people']:>9} {ours['ties']:>9} {ours['mean_degree']:>5.1f} | {ours['seconds']:>9.2f} {ours['peak_rss_mb']:>6.0f} | "
                  f"{'—':>12} {'':>6} | {'':>7}  {ours['paths']['method']} ({ours['paths']['sources']} sources)")
            continue
        theirs = child("networkx", people, sources.get(people, 50))
        mark = " est." if theirs["estimated"] else ""
        print(f"{ours['people']:>9} {ours['ties']:>9} {ours['mean_degree']:>5.1f} | {ours['seconds']:>9.2f} {ours['peak_rss_mb']:>6.0f} | "
              f"{theirs['seconds']:>7.1f}{mark:<5} {theirs['peak_rss_mb']:>6.0f} | {theirs['seconds'] / ours['seconds']:>6.0f}×  "
              f"{ours['paths']['method']} ({ours['paths']['sources']} sources)")
        slowest = sorted(theirs["parts"].items(), key=lambda item: -item[1]["seconds"])[:4]
        print("          networkx's slowest: " + ", ".join(f"{name} {p['seconds']:.1f}s{'*' if p['estimated'] else ''}" for name, p in slowest)
              + (f"   (* timed on {theirs['sample']} sampled sources/people, scaled)" if theirs["estimated"] else ""))
    after = child("reference", 0, 0)["seconds"]
    reference = (before + after) / 2
    print(f"reference workload: {after:.2f} s (mean {reference:.2f} s)")
    print(f"{'people':>9} | {'in-process s':>12} {'× ref':>6} | {'command line s':>14} {'MB':>6} {'× ref':>6}   (orgnet metrics DIR -o out.csv, reading and writing included)")
    for ours, cli in command_line:
        print(f"{ours['people']:>9} | {ours['seconds']:>12.2f} {ours['seconds'] / reference:>6.2f} | "
              f"{cli['seconds']:>14.2f} {cli['command_peak_rss_mb']:>6.0f} {cli['seconds'] / reference:>6.2f}")
    if args.million:
        ours = child("orgnet", 1_000_000, 0)
        print(f"{ours['people']:>9} {ours['ties']:>9} {ours['mean_degree']:>5.1f} | {ours['seconds']:>9.2f} {ours['peak_rss_mb']:>6.0f} | "
              f"{'—':>12} {'':>6} | {'':>7}  without betweenness and closeness")


def _cores() -> int:
    import os

    return os.cpu_count() or 0


def _memory_gb() -> float:
    with open("/proc/meminfo", encoding="ascii") as meminfo:
        return int(meminfo.readline().split()[1]) / 1024 / 1024


if __name__ == "__main__":
    sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[1]))
    main()
