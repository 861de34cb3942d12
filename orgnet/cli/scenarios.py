"""``orgnet whatif``, ``orgnet keyplayers`` and ``orgnet diff``: what breaks if this happens,
who holds the network together, and what changed between two waves."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import click

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
from orgnet.errors import OrgnetError, Said
from orgnet.export import check_table_path, write_table
from orgnet.i18n import format_number
from orgnet.scenarios import parse_scenario, read_scenarios
from orgnet.scenarios.diff import compare_waves, read_groups
from orgnet.scenarios.keyplayer import DEFAULT_CANDIDATES, key_players
from orgnet.scenarios.pages import check_output, diff_tables, whatif_tables, write_results
from orgnet.scenarios.present import cell, scenario_title, t, terminal_table
from orgnet.scenarios.whatif import affected, what_if

SHIPPED_WAVE2 = Path(__file__).resolve().parents[2] / "datasets" / "skovbjerg-2008"
SHORT_NAME = 24  # longest scenario name that heads a column of the terminal table
WAVE2_SEED = 2008  # datasets/skovbjerg-2008 is `generate --wave2-of datasets/skovbjerg --seed 2008`

results_option = output_option(
    folder_or_file(page_folder("index.html", "tables.xlsx"), single_file),
    "A folder (index.html and tables.xlsx) or an .xlsx file.",
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
    """What breaks if people leave, organisations merge or people move: DATA before and after.

    A change given here is named by what it does ("Merger: A and B → C"); a scenarios file names
    its own."""
    if output:
        check_output(output)
    scenarios = read_scenarios(scenarios_file) if scenarios_file else []
    given = parse_scenario("", remove=remove, remove_where=remove_where, merge=merge, move=move)
    if given.is_empty and not scenarios:
        raise OrgnetError(Said("error.cli.no_change"))
    network, _ = read_treated(data, config, missing)
    if not given.is_empty:
        scenarios.insert(0, replace(given, name=scenario_title(given, network.people, lang)))
    with progress_reporter() as report:
        result = what_if(network, scenarios, rules=flag_rules(data, config, rules), lang=lang, progress=report)
    # a long name (a change named by what it does) heads its column by number, and is written in full below
    short = {
        s.name: s.name if len(s.name) <= SHORT_NAME else t("terminal.scenario_number", lang, number=i)
        for i, s in enumerate(result.results, 1)
    }
    click.echo(terminal_table(result.figures.rename(columns=short), lang, figure_rows=True))
    for scenario in result.results:
        name = scenario.name if short[scenario.name] == scenario.name else f"{short[scenario.name]}: {scenario.name}"
        click.echo(f"\n{name}\n  " + whatif_summary(scenario, lang))
    if output:
        files = write_results(whatif_tables(result, lang), output, title_key="whatif_title", lang=lang, source=str(data))
        click.echo("\n" + t("terminal.wrote", lang, files=", ".join(map(str, files))))


def whatif_summary(scenario, lang: str) -> str:
    """One scenario's consequences in a line: removed, reach lost, cut off, isolated, ties turned, TRs."""
    people = affected(scenario.people)
    counts = {
        "removed": len(scenario.outcome.removed),
        "lose_reach": int((people["lost_reach3"] > 0).sum()),
        "cut_off": int(people["cut_off"].sum()),
        "isolated": int(people["isolated"].sum()),
        "turned_internal": int((people["turned_internal"] > 0).sum()),
        "lower_coverage": int((scenario.bagland["coverage_change"] < 0).sum()),
    }
    return "; ".join(t(f"terminal.{key}", lang, n=n) for key, n in counts.items())


@click.command()
@data_argument
@click.option("--size", "size", type=int, default=5, show_default=True, help="How many key players (the size of the set).")
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
@lang_option
@config_option
@missing_option
def keyplayers(data: Path, size, goal, steps, seed, restarts, candidates, where, output, lang, config, missing) -> None:
    """The set of --size people whose removal most fragments the network, or who together reach most (Borgatti 2006)."""
    if output:
        check_table_path(output)
    analysis = open_analysis(data, config, where=where, missing=missing)
    note = selection_note(analysis)
    if note:
        click.echo(note, err=True)
    result = key_players(analysis.graph, size, goal=goal, steps=steps, seed=seed, restarts=restarts, candidates=candidates)
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
        click.echo(t("terminal.table_rows", lang, n=len(table), files=", ".join(map(str, written))))
        return
    click.echo(
        keyplayers_text(result, lang, searched_all=result.candidates >= analysis.graph.n) + "\n\n" + terminal_table(table, lang)
    )


def keyplayers_text(result, lang: str, *, searched_all: bool = True) -> str:
    """The key players, the top by betweenness, their scores and a sentence saying what the score is."""
    size, fragment = result.k, result.goal == "fragment"

    def score(value: float) -> str:
        return format_number(value, lang, digits=3) if fragment else format_number(value, lang, digits=1, percent=True)

    goal = t(f"keyplayers.goal_{result.goal}", lang)
    if fragment:
        best = t("keyplayers.score_fragment", lang, score=score(result.score), baseline=score(result.baseline))
        top = t("keyplayers.score_top_fragment", lang, score=score(result.betweenness_score))
    else:
        best = t("keyplayers.score_reach", lang, score=score(result.score))
        top = t("keyplayers.score_reach", lang, score=score(result.betweenness_score))
    lines = [
        t("keyplayers.key_players", lang, n=size, goal=goal, ids=", ".join(result.ids)),
        f"  {best}",
        t("keyplayers.top", lang, n=size, ids=", ".join(result.betweenness_ids)),
        f"  {top}",
        t("keyplayers.in_both", lang, both=len(set(result.ids) & set(result.betweenness_ids)), size=size),
    ]
    if fragment and not searched_all:
        lines.append(t("keyplayers.candidates", lang, count=result.candidates))
    if fragment:
        lines.append(t("keyplayers.explain_fragment", lang, n=size, score=score(result.score), baseline=score(result.baseline)))
    else:
        lines.append(t("keyplayers.explain_reach", lang, n=size, score=score(result.score), steps=result.steps))
    return "\n".join(lines)


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
    click.echo(format_diff(result, lang))
    if output:
        files = write_results(
            diff_tables(result, lang),
            output,
            title_key="diff_title",
            lang=lang,
            source=f"{wave1}, {wave2}",
            cards=result.counts,
            k=k,
        )
        click.echo("\n" + t("terminal.wrote", lang, files=", ".join(map(str, files))))


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
    numbers = {name: format_number(int(value), lang) for name, value in {**counts, **ties.to_dict()}.items()}
    click.echo(
        "\n"
        + t(
            "terminal.demo",
            lang,
            command="orgnet diff datasets/skovbjerg datasets/skovbjerg-2008",
            **{
                name: numbers[name]
                for name in ("joined", "left", "kept", "lost", "lost_with_leaver", "gained", "gained_with_newcomer")
            },
        )
    )
    return write_results(
        diff_tables(result, lang), output, title_key="diff_title", lang=lang, source="skovbjerg, skovbjerg-2008", cards=counts
    )


def format_diff(result, lang: str = "en") -> str:
    """The diff for the terminal: people, the figures, ties by layer, flags (and groups), in ``lang``."""
    counts = {name: cell(name, value, lang) for name, value in result.counts.items()}
    lines = [
        t(
            "terminal.people",
            lang,
            first=counts["people_first"],
            second=counts["people_second"],
            both=counts["in_both"],
            joined=counts["joined"],
            left=counts["left"],
        ),
        "",
        terminal_table(result.figures, lang, figure_rows=True),
        "",
        t("terminal.ties", lang),
        terminal_table(result.ties, lang),
        "",
        t("terminal.flags", lang),
        terminal_table(result.flags, lang) if len(result.flags) else t("terminal.no_flags", lang),
    ]
    if result.groups is not None:
        lines += ["", t("terminal.groups", lang), terminal_table(result.groups, lang)]
    return "\n".join(lines)


COMMANDS = (whatif, keyplayers, diff)
