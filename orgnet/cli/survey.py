"""``orgnet survey``: the questionnaire for a roster, and the import of a survey tool's export."""

from __future__ import annotations

from pathlib import Path

import click

from orgnet.cli.options import lang_option, output_option, replace_option
from orgnet.cli.paths import SURVEY_EXPORT, InputPath, data_output, page_folder
from orgnet.survey import import_survey, load_questions, read_roster, write_import
from orgnet.survey.decisions import decisions_file
from orgnet.survey.summary import to_review_line
from orgnet.survey.template import write_template
from orgnet.texts import texts

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
    words = texts(lang)
    click.echo(words.t("survey.template.wrote", people=words.t("count.people", n=len(people))) + "\n" + "\n".join(f"  {f}" for f in files))


@survey.command(name="import")
@click.argument("export", type=InputPath(reads=SURVEY_EXPORT))
@click.option("--roster", type=InputPath(), required=True, help="The people asked (CSV or .xlsx with id, name, email, …).")
@output_option(data_output(*IMPORT_FILES, kept=("matches.csv",)), "Folder to write (an orgnet data folder).", required=True)
@replace_option
@click.option("--questions", type=InputPath(), default=None, help="questions.toml (default: the template's questions).")
@click.option("--matches", type=InputPath(), default=None, help="An edited matches.csv: your decisions on names.")
@lang_option
def import_(export: Path, roster: Path, output: Path, replace: bool, questions: Path | None, matches: Path | None, lang: str) -> None:
    """Turn EXPORT (Microsoft Forms .xlsx, Google Forms .csv, a SurveyXact folder or workbook,
    a Qualtrics .csv, or a long table) into an orgnet data folder, matching names to ROSTER.
    The summary (and import.txt) is in --lang; the CSV files keep their column names and codes."""
    result = import_survey(export, read_roster(roster), questions=load_questions(questions), decisions=decisions_file(output, matches))
    write_import(result, output, lang=lang)
    click.echo(result.summary(lang))
    review = to_review_line(result, output / "matches.csv", lang)
    if review:
        click.echo("\n" + review)
    click.echo("\n" + texts(lang).t("survey.import.wrote", folder=str(output), files=", ".join(("people.csv", "ties.csv", *IMPORT_FILES))))


COMMANDS = (survey,)


SAMPLE = Path(__file__).resolve().parents[2] / "datasets" / "survey-sample"


def survey_demo(output: Path, lang: str) -> None:
    """``orgnet demo --survey``: roster → questionnaire → export → import → review → report."""
    import orgnet
    from orgnet.report import build_report

    words = texts(lang)
    roster = read_roster(SAMPLE / "roster.csv")
    files = write_template(roster, output / "questionnaire", lang=lang)
    organisations = words.t("survey.count.organisation", n=roster["organisation"].nunique())
    click.echo(words.t("survey.demo.questionnaire", people=words.t("count.people", n=len(roster)), organisations=organisations, folder=str(files[0].parent)))

    export, network = SAMPLE / "forms.xlsx", output / "network"
    first = import_survey(export, roster)  # shown, not written: the decided import below writes the folder
    click.echo("\n" + words.t("survey.demo.imported", tool=first.tool, file=export.name) + "\n" + first.summary(lang))
    click.echo(words.t("survey.demo.to_review") + "\n" + review_table(first.matches, lang))

    decided = import_survey(export, roster, decisions=SAMPLE / "decisions.csv")
    write_import(decided, network, lang=lang)
    count = int((decided.matches["review"] == "yes").sum())
    left = words.t("survey.demo.left", n=count) if count else words.t("survey.demo.none_left")
    click.echo("\n" + words.t("survey.demo.decided", file=f"{SAMPLE.name}/decisions.csv", ties=words.t("count.tie", n=len(decided.ties)), left=left))

    report = build_report(orgnet.read(network), output / "report", lang=lang, source=str(export))
    click.echo("\n" + words.t("survey.demo.report") + "\n" + words.t("survey.demo.open") + "\n"
               + "\n".join(f"  {f}" for f in report if f.suffix == ".html"))
    click.echo(words.t("survey.demo.folder", folder=str(network)))


def review_table(matches, lang: str) -> str:
    """The names to review as a table in ``lang``: the answer, its context, how it was matched, the candidates."""
    words = texts(lang)
    columns = ("answer", "context", "method", "candidates")
    review = matches.loc[matches["review"] == "yes", list(columns)].assign(method=lambda f: f["method"].map(lambda m: words.t(f"survey.method.{m}")))
    return review.rename(columns={c: words.t(f"survey.demo.column.{c}") for c in columns}).to_string(index=False)
