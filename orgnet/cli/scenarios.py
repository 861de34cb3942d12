"""``orgnet whatif``, ``orgnet keyplayers`` and ``orgnet diff``: what breaks if this happens,
who holds the network together, and what changed between two waves."""

from __future__ import annotations

from pathlib import Path

import click
import pandas as pd

from orgnet.cli.options import (
    WHERE_COMPUTES_ON_THEM,
    config_option,
    data_argument,
    flag_rules,
    k_option,
    lang_option,
    missing_option,
    open_analysis,
    output_option,
    read_data,
    read_treated,
    rules_option,
    selection_note,
    where_option,
)
from orgnet.cli.paths import InputPath, folder_or_file, page_folder, single_file, table_file
from orgnet.cli.progress import progress_reporter
from orgnet.compare import DEFAULT_K
from orgnet.errors import OrgnetError
from orgnet.export import check_table_path, write_table
from orgnet.scenarios import parse_scenario, read_scenarios
from orgnet.scenarios.diff import compare_waves, read_groups
from orgnet.scenarios.keyplayer import DEFAULT_CANDIDATES, key_players
from orgnet.scenarios.pages import check_output, diff_tables, whatif_tables, write_results
from orgnet.scenarios.whatif import affected, what_if

SHIPPED_WAVE2 = Path(__file__).resolve().parents[2] / "datasets" / "skovbjerg-2008"
WAVE2_SEED = 2008  # datasets/skovbjerg-2008 is `generate --wave2-of datasets/skovbjerg --seed 2008`

results_option = output_option(
    folder_or_file(page_folder("index.html", "tables.xlsx"), single_file), "A folder (index.html and tables.xlsx) or an .xlsx file."
)


@click.command()
@data_argument
@click.option(
    "--remove", multiple=True, metavar="ID", help="A person who leaves (with their ties); repeat, or list ids with commas."
)
@click.option(
    "--remove-where", multiple=True, metavar="ATTR=VALUE", help="Everyone with this attribute leaves, e.g. employer=amt."
)
@click.option(
    "--merge", multiple=True, metavar='"A,B=C"', help="Organisations A and B become C (their ties between them turn internal)."
)
@click.option(
    "--move", multiple=True, metavar="ID=PLACE", help="A person moves to a unit (and its organisation) or an organisation."
)
@click.option(
    "--scenarios",
    "scenarios_file",
    type=InputPath(),
    default=None,
    help="A TOML file of named scenarios, compared in one table.",
)
@results_option
@lang_option
@rules_option
@config_option
@missing_option
def whatif(data: Path, remove, remove_where, merge, move, scenarios_file, output, lang, rules, config, missing) -> None:
    """What breaks if people leave, organisations merge or people move: DATA before and after."""
    if output:
        check_output(output)
    scenarios = read_scenarios(scenarios_file) if scenarios_file else []
    if remove or remove_where or merge or move:
        scenarios.insert(0, parse_scenario("scenario", remove=remove, remove_where=remove_where, merge=merge, move=move))
    if not scenarios:
        raise OrgnetError(
            'name a change: --remove ID, --remove-where ATTR=VALUE, --merge "A,B=C", --move ID=PLACE or --scenarios FILE'
        )
    network, _ = read_treated(data, config, missing)
    with progress_reporter() as report:
        result = what_if(network, scenarios, rules=flag_rules(data, config, rules), lang=lang, progress=report)
    click.echo(_figures_text(result.figures))
    for scenario in result.results:
        people = affected(scenario.people)
        click.echo(
            f"\n{scenario.name}: {scenario.outcome.scenario.describe()}\n"
            f"  removed {len(scenario.outcome.removed)}; {int((people['lost_reach3'] > 0).sum())} lose reach within 3 steps; "
            f"{int(people['cut_off'].sum())} cut off; {int(people['isolated'].sum())} isolated; "
            f"{int((people['turned_internal'] > 0).sum())} with external ties turned internal; "
            f"{int((scenario.bagland['coverage_change'] < 0).sum())} TRs with lower bagland coverage"
        )
    if output:
        files = write_results(whatif_tables(result, lang), output, title_key="whatif_title", lang=lang, source=str(data))
        click.echo("\nwrote " + ", ".join(map(str, files)))


@click.command()
@data_argument
@click.option("-k", "k", type=int, default=5, show_default=True, help="How many key players.")
@click.option(
    "--goal",
    type=click.Choice(["fragment", "reach"]),
    default="fragment",
    show_default=True,
    help="fragment: KPP-Neg (removal fragments most); reach: KPP-Pos.",
)
@click.option(
    "--steps", type=int, default=2, show_default=True, help="For --goal reach: reach within this many steps (1, 2 or 3)."
)
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the random restarts of the search.")
@click.option(
    "--restarts",
    type=click.IntRange(min=0),
    default=None,
    help="Random restarts besides the greedy start [default: 10 up to 200 people, 1 above].",
)
@click.option(
    "--candidates",
    type=click.IntRange(min=1),
    default=DEFAULT_CANDIDATES,
    show_default=True,
    help="Fragmentation on larger networks: consider only this many people of highest betweenness.",
)
@where_option(WHERE_COMPUTES_ON_THEM)
@output_option(table_file, "Write .csv, .xlsx or .json instead of printing.")
@config_option
@missing_option
def keyplayers(data: Path, k, goal, steps, seed, restarts, candidates, where, output, config, missing) -> None:
    """The k people whose removal most fragments the network, or who together reach most (Borgatti 2006)."""
    if output:
        check_table_path(output)
    analysis = open_analysis(data, config, where=where, missing=missing)
    note = selection_note(analysis)
    if note:
        click.echo(note, err=True)
    result = key_players(analysis.graph, k, goal=goal, steps=steps, seed=seed, restarts=restarts, candidates=candidates)
    people = analysis.network.people
    table = result.people.join(people[[c for c in ("name", "organisation", "role") if c in people]])
    table = table[
        [
            *[c for c in ("name", "organisation", "role") if c in table],
            "key_player",
            "top_betweenness",
            "betweenness",
            "betweenness_rank",
        ]
    ]
    metadata = {**result.metadata, **analysis.selection, **analysis.missing_metadata}
    if output:
        written = write_table(table.reset_index(), output, metadata=metadata, sheet="keyplayers")
        click.echo(f"wrote {len(table)} rows to {', '.join(map(str, written))}")
        return
    measure = "distance-weighted fragmentation" if goal == "fragment" else f"{steps}-step reach (share of everyone)"
    lines = [
        f"key players (k = {k}, goal {goal}): {', '.join(result.ids)}",
        f"  {measure}: {result.score:.4f}" + (f" (whole network {result.baseline:.4f})" if goal == "fragment" else ""),
        f"top {k} by betweenness: {', '.join(result.betweenness_ids)}",
        f"  {measure}: {result.betweenness_score:.4f}",
        f"in both sets: {len(set(result.ids) & set(result.betweenness_ids))} of {k}",
    ]
    if goal == "fragment" and result.candidates < analysis.graph.n:
        lines.append(f"searched among the {result.candidates} people of highest betweenness (--candidates)")
    click.echo("\n".join(lines) + "\n\n" + table.reset_index().to_string(index=False))


@click.command()
@click.argument("wave1", type=InputPath())
@click.argument("wave2", type=InputPath())
@click.option(
    "--groups",
    "groups_file",
    type=InputPath(),
    default=None,
    help="groups.csv (group, person) to evaluate: did members gain informal external ties?",
)
@k_option("Suppress groups with fewer members in both waves.")
@results_option
@lang_option
@rules_option
def diff(wave1: Path, wave2: Path, groups_file, k, output, lang, rules) -> None:
    """Compare two waves of the same population, people matched by id."""
    if output:
        check_output(output)
    result = diff_waves(wave1, wave2, groups_file=groups_file, k=k, lang=lang, rules=rules)
    click.echo(format_diff(result))
    if output:
        files = write_results(
            diff_tables(result, lang), output, title_key="diff_title", lang=lang, source=f"{wave1}, {wave2}", cards=result.counts
        )
        click.echo("\nwrote " + ", ".join(map(str, files)))


def diff_waves(
    wave1: Path, wave2: Path, *, groups_file: Path | None = None, k: int = DEFAULT_K, lang: str = "en", rules: Path | None = None
):
    """Read both waves (and a groups file) and compare them; shared by ``diff`` and ``demo``."""
    first, second = read_data(wave1, None), read_data(wave2, None)
    groups = read_groups(groups_file, first.people.index.union(second.people.index)) if groups_file else None
    labels = (Path(wave1).name or str(wave1), Path(wave2).name or str(wave2))
    if labels[0] == labels[1]:
        labels = (f"{labels[0]} (1)", f"{labels[1]} (2)")
    with progress_reporter() as report:
        return compare_waves(
            first, second, groups=groups, k=k, labels=labels, rules=flag_rules(wave1, None, rules), lang=lang, progress=report
        )


def demo_diff(analysis, output: Path, lang: str) -> list[Path]:
    """``orgnet demo``'s last step: the shipped municipality against its second wave."""
    from orgnet.scenarios.wave import simulate_wave2

    wave2 = SHIPPED_WAVE2 if SHIPPED_WAVE2.exists() else None
    second = read_data(wave2, None) if wave2 else simulate_wave2(analysis.data, seed=WAVE2_SEED)[0]
    with progress_reporter() as report:
        result = compare_waves(
            analysis, second, labels=("skovbjerg", "skovbjerg-2008"), rules=analysis.rules, lang=lang, progress=report
        )
    counts, ties = result.counts, result.ties.loc["all"]
    click.echo(
        f"\nand change over time (orgnet diff datasets/skovbjerg datasets/skovbjerg-2008): {counts['joined']} joined, "
        f"{counts['left']} left; ties kept {ties['kept']}, lost {ties['lost']} (+{ties['lost_with_leaver']} with leavers), "
        f"gained {ties['gained']} (+{ties['gained_with_newcomer']} with newcomers)"
    )
    return write_results(
        diff_tables(result, lang), output, title_key="diff_title", lang=lang, source="skovbjerg, skovbjerg-2008", cards=counts
    )


def format_diff(result) -> str:
    counts = result.counts
    lines = [
        f"people: {counts['people_first']} → {counts['people_second']} ({counts['in_both']} in both, {counts['joined']} joined, {counts['left']} left)",
        "",
        _figures_text(result.figures),
        "",
        "ties (symmetrised pairs) by layer:",
        result.ties.to_string(),
        "",
        "flags among people in both waves:",
        result.flags.to_string() if len(result.flags) else "no flags",
    ]
    if result.groups is not None:
        shown = result.groups.assign(
            suppressed=result.groups["suppressed"].map({True: "suppressed", False: ""}),
            n=result.groups["n"].astype(object).fillna(""),
        )
        lines += ["", "groups: change in informal external contacts", shown.to_string(index=False, na_rep="")]
    return "\n".join(lines)


def _figures_text(figures: pd.DataFrame) -> str:
    return figures.map(lambda v: f"{v:.4f}".rstrip("0").rstrip(".") if isinstance(v, float) and not pd.isna(v) else v).to_string()


COMMANDS = (whatif, keyplayers, diff)
