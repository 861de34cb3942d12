"""``orgnet groups``: propose leader network groups, and measure what they would change."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import click
import pandas as pd

import orgnet
from orgnet.cli.options import (
    config_option,
    data_argument,
    lang_option,
    missing_option,
    open_analysis,
    output_option,
    replace_option,
    where_option,
)
from orgnet.cli.paths import InputPath, OutputPath, data_output, folder_or_file, page_folder, table_file
from orgnet.cli.progress import progress_reporter
from orgnet.errors import OrgnetError, Said
from orgnet.export import FORMATS, write_table
from orgnet.groups.effect import measure_effect, new_pairs_by_group
from orgnet.groups.page import objective_text, rule_text, terminal_text, write_page
from orgnet.groups.proposal import GroupOptions, propose_groups
from orgnet.io.text import read_csv_text
from orgnet.selection import chosen_people, parse_conditions
from orgnet.texts import texts


def _size(text: str | None) -> tuple[int, int] | None:
    if text is None:
        return None
    low, separator, high = text.partition("-")
    try:
        return (int(low), int(high or low)) if separator or low else None
    except ValueError:
        raise OrgnetError(Said("error.cli.size", text=text)) from None


@click.command(name="groups")
@data_argument
@output_option(folder_or_file(page_folder("index.html", "groups.xlsx"), table_file), "FILE.csv/.xlsx/.json (one row per member) or a folder (index.html + groups.xlsx).")
@where_option("Only they are grouped (default: every leader); the network they are measured in stays the whole network.")
@click.option("--size", default=None, metavar="MIN-MAX", help="Group sizes, e.g. 3-10 [default: about 10 for 40+ people, 3–4 under 15, else 5–8].")
@click.option("--mode", type=click.Choice(["heterogeneous", "homogeneous"]), default="heterogeneous", show_default=True, help="Mixed groups, or groups that share --by.")
@click.option("--by", default=None, help="With --mode homogeneous: the attribute every group shares, e.g. level.")
@click.option("--apart", default="organisation", show_default=True, help="Never two members with the same value of this attribute ('none' allows it).")
@click.option("--together", default=None, help="Groups only within one value of this attribute, e.g. municipality.")
@click.option("--keep-existing", type=click.Choice(["out", "together"]), default=None, help="People already in a network_group (groups.csv): leave them out, or keep their groups together.")
@click.option("--coordinators", type=InputPath(), default=None, help="CSV with an id column: these people coordinate their groups.")
@click.option("--write-groups", type=OutputPath(data_output("groups.csv")), default=None, help="Also write the data with the proposed groups added to groups.csv (to compare the next wave with the plan).")
@replace_option
@lang_option
@click.option("--seed", type=int, default=0, show_default=True, help="Seed: the same input and seed give the same groups.")
@config_option
@missing_option
def groups_command(data, output, where, size, mode, by, apart, together, keep_existing, coordinators, write_groups, replace, lang, seed, config, missing) -> None:
    """Propose leader network groups (ledernetværksgrupper) and measure what they would change.

    By default the people with role leader; leaders without an informal contact outside their
    own organisation are placed first, each with at least two members from other organisations.
    """
    if output is not None and output.suffix and output.suffix.lower() not in FORMATS:
        raise OrgnetError(Said("error.cli.groups_format", output=output))
    analysis = open_analysis(data, config, lang=lang, seed=seed, missing=missing)
    people = analysis.network.people
    if where:
        chosen = chosen_people(people, parse_conditions(where))
    elif "role" in people.columns and (people["role"] == "leader").any():
        chosen = people.index[(people["role"] == "leader").to_numpy()]
    else:
        raise OrgnetError(Said("error.cli.no_leaders"))
    options = GroupOptions(
        size=_size(size), mode=mode, by=by, apart=None if apart in ("none", "") else apart, together=together,
        keep_existing=keep_existing, coordinators=_coordinator_ids(coordinators), seed=seed,
    )
    with progress_reporter() as analysis.progress:
        members, summary = propose_groups(analysis, chosen, options)
        effect = measure_effect(analysis, members, chosen)
    metadata = {
        **summary, "lang": lang, "rule_text": rule_text(summary, lang), "objective": objective_text(summary, lang),
        "effect": dict(zip(effect["figure"], effect["after"])), **analysis.missing_metadata,
    }
    click.echo(terminal_text(members, effect, summary, lang, with_members=output is None))
    if output is not None and output.suffix:
        written = write_table(members, output, metadata=metadata, sheet="groups")
    elif output is not None:
        written = write_page(members, effect, summary, output, lang=lang, pair_counts=new_pairs_by_group(analysis.network, members), source=str(data))
    else:
        written = []
    if write_groups is not None:
        proposed = pd.DataFrame({"group": "proposed " + members["group"].astype(str), "person": members["id"], "group_kind": "network_group"})
        network = analysis.network
        orgnet.write(dataclasses.replace(network, groups=pd.concat([network.groups, proposed], ignore_index=True)), write_groups)
        written.append(write_groups)
    if written:
        click.echo(texts(lang).t("groups.wrote", files=", ".join(map(str, written))))


def _coordinator_ids(path: Path | None) -> list[str]:
    if path is None:
        return []
    table = read_csv_text(path, str(path))
    if "id" not in table.columns:
        raise OrgnetError(Said("error.cli.coordinators_id", path=path))
    return table["id"].dropna().astype(str).tolist()


COMMANDS = (groups_command,)
