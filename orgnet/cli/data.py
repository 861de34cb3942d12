"""``orgnet validate`` and ``orgnet generate``: checking data, and making a test municipality."""

from __future__ import annotations

import json
from pathlib import Path

import click

import orgnet
from orgnet.cli.options import config_option, data_argument, lang_option, output_option, read_data, replace_option
from orgnet.cli.paths import InputPath, data_output
from orgnet.events.synthetic import write_synthetic_events
from orgnet.generate import generate_municipality
from orgnet.overview import describe, format_summary
from orgnet.scenarios.wave import simulate_wave2
from orgnet.texts import texts


@click.command()
@data_argument
@config_option
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@lang_option
def validate(data: Path, config: Path | None, as_json: bool, lang: str) -> None:
    """Check DATA and summarise it, or list every problem (exit status 1)."""
    summary = describe(read_data(data, config))
    if as_json:
        click.echo(json.dumps(summary, ensure_ascii=False, indent=2))
    else:
        click.echo(texts(lang).t("cli.overview.valid", data=data) + "\n" + format_summary(summary, lang))


@click.command()
@output_option(data_output("groups.csv", more=lambda params: ("events",) if params.get("events") else ()), "Folder (or .xlsx/.graphml/.gexf) to write.", required=True)
@replace_option
@click.option("--people", type=click.IntRange(min=50), default=1200, show_default=True, help="About how many people.")
@click.option("--seed", type=int, default=2007, show_default=True, help="Random seed; the same seed gives the same municipality.")
@click.option(
    "--wave2-of",
    "wave2_of",
    type=InputPath(),
    default=None,
    help="Instead: simulate DATA a year later (leavers, newcomers, ties lost and formed, a merger).",
)
@click.option("--events", type=click.IntRange(min=0), default=0, help="Also write about this many e-mail, meeting and chat events that the ties explain (OUTPUT/events/; people get an email column).")
@lang_option
def generate(output: Path, replace: bool, people: int, seed: int, wave2_of: Path | None, events: int, lang: str) -> None:
    """Write a synthetic Danish municipality (fictional people) to OUTPUT, or a second wave of DATA."""
    words = texts(lang)
    if wave2_of is not None:
        network, about = simulate_wave2(read_data(wave2_of, None), seed=seed)
        merged = f" {words.t('cli.generate.and')} ".join(about["merged"])
        click.echo(
            words.t(
                "cli.generate.simulated",
                leavers=words.t("count.people", n=about["leavers"]), newcomers=words.t("count.people", n=about["newcomers"]),
                lost=words.t("cli.generate.informal_ties", n=about["informal_ties_lost"]), formed=words.t("count.tie", n=about["ties_formed"]),
                merged=merged, merged_into=about["merged_into"],
            )
        )
    else:
        network = generate_municipality(people=people, seed=seed)
    if events:
        network = write_synthetic_events(network, output, events=events, seed=seed)
    orgnet.write(network, output)
    click.echo(words.t("cli.wrote.network", people=words.t("count.people", n=len(network.people)), ties=words.t("count.tie", n=len(network.ties)), output=output))


COMMANDS = (validate, generate)
