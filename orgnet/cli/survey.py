"""``orgnet survey``: the questionnaire for a roster, and the import of a survey tool's export."""

from __future__ import annotations

from pathlib import Path

import click

from orgnet.cli.options import lang_option, output_option, replace_option
from orgnet.cli.paths import SURVEY_EXPORT, InputPath, data_output, page_folder
from orgnet.survey import import_survey, load_questions, read_roster, write_import
from orgnet.survey.decisions import decisions_file
from orgnet.survey.template import write_template

IMPORT_FILES = ("orgnet.toml", "matches.csv", "answers.csv", "respondents.csv", "response_rates.csv", "import.txt")


@click.group()
def survey() -> None:
    """From survey answers to a network: questionnaire, import, review of names."""


@survey.command()
@click.argument("roster", type=InputPath())
@output_option(
    page_folder("questions.txt", "questions.da.txt", "questions.en.txt", "choices.txt", "questions.toml", recorded=True),
    "Folder for the questionnaire files (a file you have edited there is never replaced without --replace).", required=True,
)
@replace_option
@lang_option
def template(roster: Path, output: Path, replace: bool, lang: str) -> None:
    """Write the questions, the roster as a choice list and questions.toml for ROSTER."""
    people = read_roster(roster)
    files = write_template(people, output, lang=lang)
    click.echo(f"wrote the questionnaire for {len(people)} people:\n" + "\n".join(f"  {f}" for f in files))


@survey.command(name="import")
@click.argument("export", type=InputPath(reads=SURVEY_EXPORT))
@click.option("--roster", type=InputPath(), required=True, help="The people asked (CSV or .xlsx with id, name, email, …).")
@output_option(data_output(*IMPORT_FILES, kept=("matches.csv",)), "Folder to write (an orgnet data folder).", required=True)
@replace_option
@click.option("--questions", type=InputPath(), default=None, help="questions.toml (default: the template's questions).")
@click.option("--matches", type=InputPath(), default=None, help="An edited matches.csv: your decisions on names.")
def import_(export: Path, roster: Path, output: Path, replace: bool, questions: Path | None, matches: Path | None) -> None:
    """Turn EXPORT (Microsoft Forms .xlsx, Google Forms .csv, a SurveyXact folder or workbook,
    a Qualtrics .csv, or a long table) into an orgnet data folder, matching names to ROSTER."""
    result = import_survey(export, read_roster(roster), questions=load_questions(questions), decisions=decisions_file(output, matches))
    write_import(result, output)
    click.echo(result.summary())
    to_review = int((result.matches["review"] == "yes").sum())
    if to_review:
        click.echo(f"\n{to_review} {'name' if to_review == 1 else 'names'} to review: write an id (or none) in the id column of {output / 'matches.csv'}, "
                   "then run the same import again (it uses the decisions in that file)")
    click.echo(f"\nwrote {output} (people.csv, ties.csv, orgnet.toml, matches.csv, answers.csv, respondents.csv, response_rates.csv)")


COMMANDS = (survey,)


SAMPLE = Path(__file__).resolve().parents[2] / "datasets" / "survey-sample"


def survey_demo(output: Path, lang: str) -> None:
    """``orgnet demo --survey``: roster → questionnaire → export → import → review → report."""
    import orgnet
    from orgnet.report import build_report

    roster = read_roster(SAMPLE / "roster.csv")
    files = write_template(roster, output / "questionnaire", lang=lang)
    click.echo(f"1/4 questionnaire for {len(roster)} people (three institutions): {files[0].parent}")

    export, network = SAMPLE / "forms.xlsx", output / "network"
    first = import_survey(export, roster)  # shown, not written: the decided import below writes the folder
    review = first.matches[first.matches["review"] == "yes"]
    click.echo(f"\n2/4 imported the Microsoft Forms export {export.name}\n{first.summary()}")
    click.echo("names to review (matches.csv):\n" + review[["answer", "context", "method", "candidates"]].to_string(index=False))

    decided = import_survey(export, roster, decisions=SAMPLE / "decisions.csv")
    write_import(decided, network)
    click.echo(f"\n3/4 imported again with the consultant's decisions ({SAMPLE.name}/decisions.csv): {len(decided.ties)} ties, "
               f"{int((decided.matches['review'] == 'yes').sum())} names left to review")

    report = build_report(orgnet.read(network), output / "report", lang=lang, source=str(export))
    click.echo("\n4/4 report written\nopen in a browser (works offline):\n" + "\n".join(f"  {f}" for f in report if f.suffix == ".html"))
    click.echo(f"data folder (every orgnet command reads it): {network}")
