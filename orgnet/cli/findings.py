"""``orgnet flags``, ``orgnet bagland`` and ``orgnet compare``: findings, the TR view, breakdowns."""

from __future__ import annotations

from pathlib import Path

import click
import pandas as pd

from orgnet.analysis import Analysis
from orgnet.cli.options import (
    WHERE_COMPUTES_ON_THEM,
    audience_option,
    columns_option,
    config_option,
    data_argument,
    k_option,
    lang_option,
    missing_option,
    open_analysis,
    output_option,
    raw_option,
    rules_option,
    selection_note,
    where_option,
    with_columns,
)
from orgnet.cli.paths import table_file
from orgnet.cli.progress import progress_reporter
from orgnet.compare import DEFAULT_K, format_comparison
from orgnet.export import check_table_path, write_table
from orgnet.flags.listing import bagland_listing, bagland_overview_listing, flag_counts_listing, flag_listing
from orgnet.privacy import audience as views
from orgnet.texts import texts

table_output = output_option(table_file, "Write .csv, .xlsx or .json instead of printing.")


def findings_options(command):
    """The options flags and bagland share: DATA, -o, --lang, --rules, --where, --audience, --k, --config, --missing."""
    for option in (missing_option, config_option, raw_option, k_option(), audience_option, where_option(WHERE_COMPUTES_ON_THEM), rules_option, lang_option, table_output, data_argument):
        command = option(command)
    return command


def _emit(
    analysis: Analysis, table: pd.DataFrame, output: Path | None, text: str, metadata: dict, sheet: str, audience: str = "consultant", raw: bool = False
) -> None:
    note = selection_note(analysis)
    if note:
        click.echo(note, err=True)
    metadata = {**metadata, **analysis.selection} if analysis.is_selection else metadata
    metadata = {**metadata, **analysis.missing_metadata}
    metadata = {**metadata, "audience": audience, "k": analysis.k, "names": "none" if audience == "management" else "present"}
    if output is None:
        click.echo(text)
        return
    written = write_table(table, output, metadata=metadata, sheet=sheet, raw=raw)
    click.echo(texts(analysis.lang).t("terminal.wrote", n=len(table), files=", ".join(map(str, written))))


def _open(data, config, where, rules, lang, output, audience="consultant", k=DEFAULT_K, missing="keep") -> Analysis:
    views.check_audience(audience, k)
    if output:
        check_table_path(output)
    return open_analysis(data, config, where=where, rules_file=rules, lang=lang, k=k, missing=missing)


@click.command()
@findings_options
@columns_option
def flags(data: Path, output: Path | None, lang: str, rules: Path | None, where, audience: str, k: int, raw: bool, columns, config: Path | None, missing: str) -> None:
    """Flag people with thin networks, no bridges, weak bagland … and say why (exit 0 even when people are flagged).

    --audience management gives counts of each flag overall and by level instead, groups under k suppressed.
    """
    analysis = _open(data, config, where, rules, lang, output, audience, k, missing)
    if audience == "management":
        with progress_reporter() as analysis.progress:
            by_level = views.flag_counts(analysis, by="level", k=k) if "level" in analysis.network.people else None
            overall = views.flag_counts(analysis, by=None, k=k)
        table = overall if by_level is None else pd.concat([overall.assign(level="(all)", suppressed=False, n=len(analysis.network.people)), by_level], ignore_index=True)
        _emit(analysis, table, output, flag_counts_listing(overall, by_level, k, lang), {"lang": lang}, "flag_counts", audience, raw)
        return
    with progress_reporter() as analysis.progress:
        table = with_columns(analysis.flags, analysis.network.people, columns)
    counts = table["flag"].value_counts()
    _emit(analysis, table, output, flag_listing(table, lang), {"lang": lang, "flags": counts.to_dict()}, "flags", raw=raw)


@click.command(name="bagland")
@findings_options
def bagland_command(data: Path, output: Path | None, lang: str, rules: Path | None, where, audience: str, k: int, raw: bool, config: Path | None, missing: str) -> None:
    """For each TR: unit size, colleagues reached, coverage, who is not reached, ties to management, flags.

    --audience management gives counts and shares over all TRs instead, and only when there are at least k TRs.
    """
    analysis = _open(data, config, where, rules, lang, output, audience, k, missing)
    if audience == "management":
        with progress_reporter() as analysis.progress:
            overview = views.bagland_overview(analysis, k=k)
        table = pd.DataFrame(list(overview.items()), columns=["figure", "value"])
        _emit(analysis, table, output, bagland_overview_listing(overview, k, lang), {"lang": lang}, "bagland", audience, raw)
        return
    with progress_reporter() as analysis.progress:
        table = analysis.bagland.reset_index()
    _emit(analysis, table, output, bagland_listing(table, lang), {"lang": lang} if len(table) else {}, "bagland", raw=raw)


@click.command(name="compare")
@data_argument
@click.option("--by", "by", multiple=True, required=True, help="Attribute to group by; repeat for several (--by level --by gender).")
@k_option()
@click.option("--role", default=None, help="Only people with this role, e.g. leader (their contacts with everyone count).")
@where_option(WHERE_COMPUTES_ON_THEM)
@audience_option
@table_output
@raw_option
@rules_option
@config_option
@missing_option
@lang_option
def compare_command(
    data: Path, by: tuple[str, ...], k: int, role: str | None, where, audience: str, output: Path | None, raw: bool, rules: Path | None, config: Path | None, missing: str, lang: str
) -> None:
    """Contacts per layer and flag shares by group, small groups suppressed (for every audience)."""
    analysis = _open(data, config, where, rules, lang, output, audience, k, missing)
    with progress_reporter() as analysis.progress:
        table = analysis.comparison(list(by), role=role, k=k)
    _emit(analysis, table, output, format_comparison(table, list(by), k, lang), {"by": list(by), "role": role}, "comparison", audience, raw)


COMMANDS = (flags, bagland_command, compare_command)
