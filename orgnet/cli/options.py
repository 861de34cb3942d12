"""Options and arguments shared by several commands, and the one way a command opens its data.

Every path is an :class:`~orgnet.cli.paths.InputPath` or an :class:`~orgnet.cli.paths.OutputPath`,
and every output option is made by :func:`output_option`, so that each command's outputs are
checked against its inputs before it does any work (``orgnet.cli.paths.guarded``).
"""

from __future__ import annotations

import os
from pathlib import Path

import click
import pandas as pd

import orgnet
from orgnet.analysis import Analysis
from orgnet.cli.paths import InputPath, OutputPath, Shape
from orgnet.compare import DEFAULT_K, MIN_K
from orgnet.config import load_config
from orgnet.errors import OrgnetError, Said
from orgnet.flags import load_rules
from orgnet.i18n import format_number
from orgnet.missing import treat_missing
from orgnet.model import OrgNetwork
from orgnet.texts import LANGUAGES, texts

data_argument = click.argument("data", type=InputPath())
config_option = click.option(
    "--config",
    type=InputPath(),
    default=None,
    help="orgnet.toml to use (default: the one inside a data folder, if any).",
)
def where_option(what: str):
    """The one ``--where``; ``what`` says what choosing people does in *this* command."""
    return click.option(
        "--where",
        "where",
        multiple=True,
        metavar="ATTR=VALUE",
        help="Choose people, e.g. role=leader or level!=top; repeat to combine (the same attribute: either value; "
        f"different attributes: all must hold). {what}",
    )


WHERE_COMPUTES_ON_THEM = "Results are computed on the ties among them."


def lang_default() -> str:
    """The language when --lang is not given and ORGNET_LANG is not set: the locale's, else English.

    POSIX's order decides which variable names the locale (LC_ALL, then LC_MESSAGES, then LANG);
    ``da``, ``da_DK.UTF-8`` and ``da-DK`` are Danish, anything else English.
    """
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "")
        if value:
            return "da" if value.lower().replace("-", "_").split("_")[0].split(".")[0] == "da" else "en"
    return "en"


LANG_KEY = "orgnet.lang"  # where the chosen language waits in click's context, for the error messages


def _remember_lang(context: click.Context, parameter, lang: str) -> str:
    context.meta[LANG_KEY] = lang
    return lang


lang_option = click.option(
    "--lang",
    type=click.Choice(LANGUAGES),
    envvar="ORGNET_LANG",
    show_envvar=True,
    default=lang_default,
    show_default="the locale's (da_DK… → da), else en",
    callback=_remember_lang,
    is_eager=True,
    help="Language of everything the command writes and prints, its error messages included.",
)


def k_option(what: str = "Suppress groups of fewer people."):
    """The one ``--k``: the smallest group shown, never below 3 (the same default and check everywhere)."""
    return click.option("--k", "k", type=int, default=DEFAULT_K, show_default=True, callback=_check_k, help=f"{what} Never below {MIN_K}.")


def _check_k(context, parameter, k: int) -> int:
    if k < MIN_K:
        raise OrgnetError(Said("error.cli.k", k=k, least=MIN_K))
    return k


audience_option = click.option(
    "--audience",
    type=click.Choice(["consultant", "management"]),
    default="consultant",
    show_default=True,
    help="consultant: everything, marked confidential; management: figures for groups of at least k only, no person named.",
)
raw_option = click.option(
    "--raw",
    is_flag=True,
    help="Keep text that starts with = + - @ as it is (for programs); by default it gets an apostrophe so no spreadsheet runs it.",
)
missing_option = click.option(
    "--missing",
    type=click.Choice(["keep", "reconstruct"]),
    default="keep",
    show_default=True,
    help="Survey data (a responded column): people who did not answer keep only the ties others reported (keep), "
    "or those ties are also taken as their own reports (reconstruct, as UCINET and Stork & Richards 1992 do).",
)
rules_option = click.option("--rules", type=InputPath(), default=None, help="A TOML file overriding the default flag rules.")
replace_option = click.option(
    "--replace", is_flag=True, help="The output folder may hold data files from elsewhere: replace them (by default they are refused, by name)."
)


def output_option(shape: Shape, help: str, *, required: bool = False, default: Path | None = None):
    """The one ``-o/--output``: a path of the given shape, checked against the command's inputs before any work."""
    defaults = {"default": default, "show_default": True} if default is not None else {}  # default=None would satisfy required
    return click.option("-o", "--output", type=OutputPath(shape), required=required, help=help, **defaults)


columns_option = click.option(
    "--columns",
    default=None,
    metavar="COL,COL",
    help="More people columns in the output (e.g. gender,tenure_years); by default only id, name and the grouping attributes.",
)


def with_columns(table: pd.DataFrame, people: pd.DataFrame, columns: str | None) -> pd.DataFrame:
    """``table`` (one row per person × …, with ``id``) with the chosen people columns after ``id``.

    Outputs carry only what a reader needs (data minimisation); a column is added only on request.
    """
    wanted = [c.strip() for c in (columns or "").split(",") if c.strip()]
    unknown = [c for c in wanted if c not in people.columns]
    if unknown:
        raise OrgnetError(Said("error.cli.no_column", column=unknown[0], columns=", ".join(map(str, people.columns))))
    added = [c for c in wanted if c not in table.columns]
    if not added:
        return table
    joined = table.join(people[added], on="id")
    order = ["id", *added, *[c for c in table.columns if c != "id"]]
    joined = joined[order]
    joined.attrs = table.attrs
    return joined


def read_data(data: Path, config: Path | None) -> OrgNetwork:
    return orgnet.read(data, config=config)


def flag_rules(data: Path, config: Path | None, rules_file: Path | None) -> dict:
    """The default flag rules, overridden by ``[flags]`` in orgnet.toml, then by ``--rules``."""
    settings = load_config(config) if config else load_config(data / "orgnet.toml") if data.is_dir() else None
    return load_rules(settings.flags if settings and settings.flags else None, rules_file)


def open_analysis(data: Path, config: Path | None, *, where=(), rules_file: Path | None = None, **options) -> Analysis:
    """Read DATA and return its :class:`Analysis` (nothing is computed until asked for)."""
    network = read_data(data, config)
    analysis = Analysis(network, where=where, rules=flag_rules(data, config, rules_file), **options)
    missing_note(analysis)
    return analysis


def read_treated(data: Path, config: Path | None, missing: str, lang: str = "en") -> tuple[OrgNetwork, dict]:
    """DATA with ``--missing`` applied, and the metadata that says so (for commands without an Analysis)."""
    network, treated = treat_missing(read_data(data, config), missing)
    if treated is not None and missing != "keep":
        click.echo(treated.note(lang), err=True)
    return network, treated.metadata() if treated is not None else {}


def missing_note(analysis: Analysis) -> None:
    """Say on stderr what --missing reconstruct added (keep, today's behaviour, is stated in the metadata only)."""
    if analysis.missing is not None and analysis.missing.treatment != "keep":
        click.echo(analysis.missing.note(analysis.lang), err=True)


def selection_note(analysis: Analysis) -> str | None:
    """One line saying which people a --where chose, for stderr; None without --where."""
    if not analysis.is_selection:
        return None
    chosen = analysis.selection
    return chosen_note(chosen["people_chosen"], chosen["people_in_data"], chosen["where"], analysis.lang)


def chosen_note(chosen: int, of: int, where, lang: str) -> str:
    """"computed on 12 of 300 people (role=leader) and the ties among them", in ``lang``."""
    words = texts(lang)
    return words.t("cli.selection.computed_on", chosen=format_number(chosen, lang), people=words.t("count.people", n=of), where=" ".join(where))
