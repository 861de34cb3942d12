"""``orgnet pseudonymise`` and ``orgnet reidentify``: keyed pseudonyms, and the way back."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pandas as pd

import orgnet
from orgnet import __version__
from orgnet.cli.options import config_option, lang_option, output_option, read_data, replace_option
from orgnet.cli.paths import InputPath, OutputPath, data_output, names_back, secret_file
from orgnet.errors import OrgnetError, Said
from orgnet.io.atomic import replacing
from orgnet.io.excel import read_sheets, write_workbook
from orgnet.io.text import read_csv_text, write_csv
from orgnet.privacy.pseudonyms import (
    DEFAULT_COLUMNS,
    codes_for,
    columns_to_code,
    fingerprint,
    key_exposure,
    load_key,
    new_key,
    pseudonymise,
    reidentify,
)
from orgnet.texts import texts

ABOUT_FILE = "pseudonyms.json"


def _names(text: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in (text or "").split(",") if part.strip())


@click.command(name="pseudonymise")
@click.argument("data", type=InputPath(), required=False)
@output_option(data_output("groups.csv", ABOUT_FILE, shared=True), "Folder for the pseudonymised data (never inside DATA).")
@replace_option
@click.option("--key-file", type=InputPath(secret=True), default=None, help="The secret key (make one with --new-key).")
@click.option("--new-key", "new_key_path", type=OutputPath(secret_file), default=None, help="Write a new key to this file (mode 0600) and stop.")
@click.option("--columns", default=None, help=f"More columns to pseudonymise, e.g. unit,organisation, or group for the group names [always: {', '.join(DEFAULT_COLUMNS)}].")
@click.option("--keep", default=None, help="Columns to leave as they are, e.g. name,unit (never id).")
@click.option("--table", "table_path", type=OutputPath(secret_file), default=None, help="Also write the code → value table here (never inside OUTPUT).")
@config_option
@lang_option
def pseudonymise_command(data, output, replace, key_file, new_key_path, columns, keep, table_path, config, lang) -> None:
    """Replace ids, names and chosen columns of DATA by keyed pseudonyms (HMAC-SHA256), consistently
    in people, ties and groups, so every metric and flag stays the same."""
    if new_key_path is not None:
        path = new_key(new_key_path)
        click.echo(texts(lang).t("cli.wrote.key", path=path))
        return
    if data is None or output is None:
        raise click.UsageError(Said("error.cli.pseudonymise_usage").text(lang))
    if output.suffix:
        raise OrgnetError(Said("error.cli.pseudonymise_folder", output=output, about=ABOUT_FILE))
    key = load_key(key_file)
    _warn_if_exposed(key_file)
    network = read_data(data, config)
    coded_columns = columns_to_code(network, _names(columns), _names(keep))
    coded, table = pseudonymise(network, key, columns=coded_columns)
    orgnet.write(coded, output)
    about = {"made_by": f"orgnet {__version__}", "method": "HMAC-SHA256, 16 hex digits", "key_fingerprint": fingerprint(key), "columns": coded_columns}
    with replacing(output / ABOUT_FILE) as (part,):
        part.write_text(json.dumps(about, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    if table_path is not None:
        with replacing(table_path) as (part,):
            write_csv(table, part)
    words = texts(lang)
    wrote = words.t(
        "cli.privacy.pseudonymised",
        people=words.t("count.people", n=len(coded.people)), ties=words.t("count.tie", n=len(coded.ties)), output=output, columns=", ".join(coded_columns),
    )
    click.echo(wrote + (words.t("cli.privacy.code_table", table=table_path) if table_path else ""))


@click.command(name="reidentify")
@click.argument("file", type=InputPath())
@click.option("--key-file", type=InputPath(secret=True), required=True, help="The key the pseudonyms were made with.")
@click.option("--data", "original", type=InputPath(), required=True, help="The original (not pseudonymised) data.")
@output_option(names_back, "Where to write FILE with the codes mapped back (.csv or .xlsx).", required=True)
@config_option
@lang_option
def reidentify_command(file: Path, key_file: Path, original: Path, output: Path, config, lang) -> None:
    """Map the pseudonyms in an orgnet output FILE (.csv or .xlsx) back to ids and names, with the
    key and the original data — for the consultant who holds the key."""
    if output.suffix.lower() not in (".csv", ".xlsx"):
        raise OrgnetError(Said("error.cli.reidentify_format", output=output, suffix=output.suffix))
    key = load_key(key_file)
    _warn_if_exposed(key_file)
    network = read_data(original, config)
    people = network.people
    table = pd.concat(
        [_code_table(key, "id", pd.Series(people.index, index=people.index))]
        + [_code_table(key, str(column), people[column]) for column in people.columns]
        + ([_code_table(key, "group", network.groups["group"])] if len(network.groups) else []),
        ignore_index=True,
    )
    sheets = _read_output(file)
    mapped, changed = {}, 0
    for name, frame in sheets.items():
        mapped[name], count = reidentify(frame, table)
        changed += count
    if not changed:
        raise OrgnetError(Said("error.cli.no_pseudonym", file=file, fingerprint=fingerprint(key), original=original, about=ABOUT_FILE))
    with replacing(output) as (part,):
        if output.suffix.lower() == ".xlsx":
            write_workbook(mapped, part, neutralise=True)
        else:
            write_csv(next(iter(mapped.values())), part)
    click.echo(texts(lang).t("cli.wrote.reidentified", pseudonyms=texts(lang).t("cli.count.pseudonym", n=changed), output=output))


def _warn_if_exposed(key_file: Path) -> None:
    warning = key_exposure(key_file)
    if warning:
        click.echo(warning, err=True)


def _code_table(key: bytes, column: str, values: pd.Series) -> pd.DataFrame:
    present = values.notna()
    return pd.DataFrame({"column": column, "code": codes_for(key, column, values)[present].to_numpy(), "value": values[present].astype(str).to_numpy()})


def _read_output(file: Path) -> dict[str, pd.DataFrame]:
    if not file.is_file():
        raise OrgnetError(Said("error.cli.not_found", file=file))
    suffix = file.suffix.lower()
    if suffix == ".csv":
        return {"table": read_csv_text(file, str(file)).astype(object)}
    if suffix == ".xlsx":
        return read_sheets(file, str(file), dtype=object)
    raise OrgnetError(Said("error.cli.reidentify_reads", file=file, suffix=file.suffix))


COMMANDS = (pseudonymise_command, reidentify_command)
