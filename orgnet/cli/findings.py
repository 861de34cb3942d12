"""``orgnet flags``, ``orgnet bagland`` and ``orgnet compare``: findings, the TR view, breakdowns."""

from __future__ import annotations

from pathlib import Path

import click
import pandas as pd

from orgnet.cli.options import config_option, data_argument, read_data
from orgnet.cli.progress import progress_reporter
from orgnet.compare import DEFAULT_K, compare, format_comparison
from orgnet.config import load_config
from orgnet.export import check_table_path, write_table
from orgnet.flags import bagland, flag_people, load_rules
from orgnet.metrics import compute_all
from orgnet.model import OrgNetwork

output_option = click.option("-o", "--output", type=click.Path(path_type=Path), default=None, help="Write .csv, .xlsx or .json instead of printing.")
lang_option = click.option("--lang", type=click.Choice(["en", "da"]), default="en", show_default=True, help="Language of the reasons.")
rules_option = click.option("--rules", type=click.Path(path_type=Path), default=None, help="A TOML file overriding the default flag rules.")


def findings_options(command):
    """The options flags and bagland share: DATA, -o, --lang, --rules, --config."""
    for option in (config_option, rules_option, lang_option, output_option, data_argument):
        command = option(command)
    return command


def _findings(network: OrgNetwork, data: Path, config: Path | None, rules_file: Path | None, lang: str):
    settings = load_config(config) if config else load_config(data / "orgnet.toml") if data.is_dir() else None
    rules = load_rules(settings.flags if settings and settings.flags else None, rules_file)
    with progress_reporter() as progress:
        metrics = compute_all(network, extra_layers=("informal+external",), progress=progress)
    return metrics, flag_people(network, metrics, rules=rules, lang=lang)


def _emit(table: pd.DataFrame, output: Path | None, text: str, metadata: dict, sheet: str) -> None:
    if output is None:
        click.echo(text)
        return
    written = write_table(table, output, metadata=metadata, sheet=sheet)
    click.echo(f"wrote {len(table)} rows to {', '.join(map(str, written))}")


@click.command()
@findings_options
def flags(data: Path, output: Path | None, lang: str, rules: Path | None, config: Path | None) -> None:
    """Flag people with thin networks, no bridges, weak bagland … and say why (exit 0 even when people are flagged)."""
    if output:
        check_table_path(output)
    network = read_data(data, config)
    _, table = _findings(network, data, config, rules, lang)
    counts = table["flag"].value_counts()
    summary = ", ".join(f"{flag} {count}" for flag, count in counts.items()) or "no flags"
    text = table[["id", "name", "flag", "severity", "reason"]].to_string(index=False) if len(table) else "no one is flagged"
    _emit(table, output, f"{text}\n\n{len(table)} flags: {summary}", {"lang": lang, "flags": counts.to_dict()}, "flags")


@click.command(name="bagland")
@findings_options
def bagland_command(data: Path, output: Path | None, lang: str, rules: Path | None, config: Path | None) -> None:
    """For each TR: unit size, colleagues reached, coverage, who is not reached, ties to management, flags."""
    if output:
        check_table_path(output)
    network = read_data(data, config)
    table = bagland(network)
    _, flagged = _findings(network, data, config, rules, lang)
    per_person = flagged.groupby("id")["flag"].agg(", ".join)
    table = table.assign(flags=per_person.reindex(table.index).fillna("")).reset_index()
    if table.empty:
        _emit(table, output, "no TRs in the data (role 'tr')", {}, "bagland")
        return
    shown = table.assign(coverage=table["coverage"].map(lambda v: "—" if pd.isna(v) else f"{v:.0%}"))
    columns = ["id", "name", "unit", "colleagues", "reached", "coverage", "management_ties", "flags"]
    _emit(table, output, shown[columns].to_string(index=False), {"lang": lang}, "bagland")


@click.command(name="compare")
@data_argument
@click.option("--by", "by", multiple=True, required=True, help="Attribute to group by; repeat for several (--by level --by gender).")
@click.option("--k", "k", type=int, default=DEFAULT_K, show_default=True, help="Suppress groups with fewer people (never below 3).")
@click.option("--role", default=None, help="Only people with this role, e.g. leader.")
@output_option
@rules_option
@config_option
def compare_command(data: Path, by: tuple[str, ...], k: int, role: str | None, output: Path | None, rules: Path | None, config: Path | None) -> None:
    """Contacts per layer and flag shares by group, small groups suppressed."""
    if output:
        check_table_path(output)
    network = read_data(data, config)
    metrics, flagged = _findings(network, data, config, rules, "en")
    table = compare(network, metrics, flagged, by=list(by), k=k, role=role)
    _emit(table, output, format_comparison(table, list(by), k), {"by": list(by), "k": k, "role": role}, "comparison")


COMMANDS = (flags, bagland_command, compare_command)
