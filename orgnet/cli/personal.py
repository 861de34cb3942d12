"""``orgnet suggest`` and ``orgnet profile``: from the map to action, one person at a time."""

from __future__ import annotations

from pathlib import Path

import click

from orgnet.analysis import Analysis
from orgnet.cli.options import (
    config_option,
    data_argument,
    k_option,
    lang_option,
    missing_option,
    open_analysis,
    output_option,
    rules_option,
    selection_note,
    where_option,
)
from orgnet.cli.paths import page_folder, table_file
from orgnet.cli.progress import progress_reporter
from orgnet.errors import OrgnetError, Said
from orgnet.export import check_table_path, write_table
from orgnet.i18n import format_number
from orgnet.suggestions.suggest import DEFAULT_MAX_PER_PERSON, suggest_contacts
from orgnet.texts import texts
from orgnet.texts.terminal import table as terminal_table

person_option = click.option("--person", "persons", multiple=True, metavar="ID", help="This person (an id); repeat for several.")


def flagged_leaders(analysis: Analysis) -> list[str]:
    """Everyone with at least one flag and role leader (every flagged person when no one has a role)."""
    people = analysis.network.people
    flagged = people.index[people.index.isin(analysis.flags["id"])]
    if "role" in people and (people["role"] == "leader").any():
        flagged = flagged[(people.loc[flagged, "role"] == "leader").to_numpy()]
    return list(flagged)


def _check_persons(analysis: Analysis, persons: tuple[str, ...]) -> None:
    unknown = [person for person in persons if person not in analysis.network.people.index]
    if unknown:
        raise OrgnetError(Said("error.cli.no_person_chosen" if analysis.is_selection else "error.cli.no_person", person=unknown[0]))


@click.command()
@data_argument
@person_option
@where_option("Only they get suggestions, and only they are suggested; their network is the ties among them.")
@click.option("-n", "n", type=click.IntRange(min=1), default=3, show_default=True, help="Suggestions per person.")
@click.option("--any-level", is_flag=True, help="Suggest peers of any level, not only the same or an adjacent one.")
@click.option(
    "--max-per-person", "max_per_person", default=str(DEFAULT_MAX_PER_PERSON), show_default=True, metavar="N",
    help="Suggest no one to more than N people, so one broker is not everyone's first choice; 0 or none: no limit.",
)
@lang_option
@output_option(table_file, "Write .csv, .xlsx or .json instead of printing.")
@rules_option
@config_option
@missing_option
def suggest(data: Path, persons, where, n: int, any_level: bool, max_per_person: str, lang: str, output: Path | None, rules, config, missing) -> None:
    """Whom each person could contact: peers whose tie would help most, with the reason.

    For each chosen person (--person; default: every flagged leader): first a leader in another
    organisation if she has no informal external contact, then the largest exact drop in her
    constraint, then the most people newly within two steps. --where limits both the persons
    and the candidates.
    """
    cap = _limit(max_per_person)
    if output:
        check_table_path(output)
    analysis = open_analysis(data, config, where=where, rules_file=rules, lang=lang, missing=missing)
    _check_persons(analysis, persons)
    with progress_reporter() as analysis.progress:
        chosen = list(persons) or flagged_leaders(analysis)
        table = suggest_contacts(analysis.network, chosen, n=n, any_level=any_level, lang=lang, graph=analysis.graph, max_per_person=cap)
    note = selection_note(analysis)
    if note:
        click.echo(note, err=True)
    words = texts(lang)
    short = table.attrs["orgnet"]["fewer_than_n"]
    if short:
        shown = ", ".join(short[:10]) + (", " + words.t("cli.suggest.in_all", count=format_number(len(short), lang)) if len(short) > 10 else "")
        click.echo(
            words.t("cli.suggest.short", wanted=n, short=format_number(len(short), lang), chosen=words.t("count.people", n=len(chosen)), shown=shown), err=True
        )
    suggestions, people = words.t("cli.count.suggestion", n=len(table)), words.t("count.people", n=len(chosen))
    if output is None:
        click.echo(f"{_suggestion_table(table, lang)}\n\n{words.t('cli.suggest.summary', suggestions=suggestions, people=people, limit=_limit_note(table, lang))}")
        return
    metadata = {**table.attrs["orgnet"], "lang": lang, "audience": "consultant", "names": "present", **(analysis.selection if analysis.is_selection else {}), **analysis.missing_metadata}
    written = write_table(table, output, metadata=metadata, sheet="suggestions")
    files = ", ".join(map(str, written))
    click.echo(words.t("cli.wrote.suggestions", suggestions=suggestions, people=people, files=files, limit=_limit_note(table, lang)))


SUGGESTION_COLUMNS = ("person", "name", "rank", "suggested", "suggested_name", "reason")


def _suggestion_table(table, lang: str) -> str:
    """The suggestions as the terminal shows them: the chosen columns, headed in ``lang``."""
    if not len(table):
        return texts(lang).t("cli.suggest.none")
    shown = table[list(SUGGESTION_COLUMNS)].assign(rank=[format_number(rank, lang) for rank in table["rank"]])
    shown.columns = [texts(lang).t(f"cli.suggest.column.{column}") for column in SUGGESTION_COLUMNS]
    return terminal_table(shown, numeric=[texts(lang).t("cli.suggest.column.rank")])


def _limit(text: str) -> int | None:
    value = text.strip().lower()
    if value in ("0", "none"):
        return None
    if not value.isdigit():
        raise OrgnetError(Said("error.cli.max_per_person", text=text))
    return int(value)


def _limit_note(table, lang: str) -> str:
    meta, words = table.attrs["orgnet"], texts(lang)
    if meta["max_per_person"] == "none":
        return words.t("cli.suggest.no_limit")
    return words.t("cli.suggest.limit", cap=meta["max_per_person"], suggestions=words.t("cli.count.suggestion", n=meta["changed_by_cap"]))


@click.command()
@data_argument
@output_option(page_folder("index.html"), "Folder for DIR/<id>.html and DIR/index.html.", required=True)
@person_option
@where_option("Only they get a page (default: every leader); peers and figures are those of the ties among them.")
@lang_option
@k_option("Do not compare with a peer group smaller than this.")
@click.option("-n", "n", type=click.IntRange(min=0), default=3, show_default=True, help="Suggested contacts on each page.")
@click.option("--pdf", is_flag=True, help="Also print each page to DIR/<id>.pdf (needs Chromium).")
@rules_option
@config_option
@missing_option
def profile(data: Path, output: Path, persons, where, lang: str, k: int, n: int, pdf: bool, rules, config, missing) -> None:
    """One page per person to hand to that person alone: contacts beside peers, own network, flags, suggestions, questions.

    Default: every leader (with --where, every chosen leader). Nothing on a page is about
    anyone else beyond the names, organisations and roles of her contacts and suggested contacts.
    """
    from orgnet.profiles.pdf import find_chromium
    from orgnet.profiles.profile import write_profiles

    if pdf:
        find_chromium()  # before any work: a missing browser is said at once
    analysis = open_analysis(data, config, where=where, rules_file=rules, lang=lang, k=k, missing=missing)
    _check_persons(analysis, persons)
    with progress_reporter() as analysis.progress:
        written = write_profiles(analysis, output, persons=list(persons) or None, suggestions=n, pdf=pdf, progress=analysis.progress)
    note = selection_note(analysis)
    if note:
        click.echo(note, err=True)
    profiles = texts(lang).t("cli.count.profile", n=len(written.pages))
    click.echo(texts(lang).t("cli.wrote.profiles_pdf" if pdf else "cli.wrote.profiles", profiles=profiles, output=output, index=written.index))


COMMANDS = (suggest, profile)
