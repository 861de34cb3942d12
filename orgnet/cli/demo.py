"""``orgnet demo``: the whole pipeline on the shipped municipality, and where to look."""

from __future__ import annotations

from pathlib import Path

import click

import orgnet
from orgnet.analysis import Analysis
from orgnet.cli.options import lang_option, output_option, replace_option
from orgnet.cli.paths import InputPath, data_output, page_folder
from orgnet.cli.progress import progress_reporter
from orgnet.cli.scenarios import demo_diff
from orgnet.cli.survey import IMPORT_FILES
from orgnet.export import write_table
from orgnet.generate import generate_municipality
from orgnet.i18n import column_name, flag_name, format_number
from orgnet.overview import format_summary
from orgnet.report import build_report
from orgnet.texts import texts
from orgnet.texts.terminal import table
from orgnet.viz.graph import draw, graph_data

SHIPPED = Path(__file__).resolve().parents[2] / "datasets" / "skovbjerg"
# The shipped folder is `generate --people 1200 --seed 2007` (a test keeps them equal), so an
# installed orgnet, which has no datasets folder beside it, makes the same municipality.
SHIPPED_PEOPLE, SHIPPED_SEED = 1200, 2007


PAGES = page_folder("metrics.xlsx", "flags.xlsx", "graph.html", "report/index.html", "report/orgnet.xlsx", "change/index.html", "change/tables.xlsx")
SURVEY_PAGES = page_folder("questionnaire/questions.txt", "report/index.html", "report/orgnet.xlsx")
SURVEY_NETWORK = data_output(*IMPORT_FILES, kept=("matches.csv",))


def _demo_output(path: Path, label: str, params):
    """The results folder; with --survey also the data folder the import writes in it (checked like survey import's)."""
    if not params.get("survey"):
        return PAGES(path, label, params)
    return [SURVEY_PAGES(path, label, params), SURVEY_NETWORK(path / "network", label, {})]


@click.command()
@click.option("--data", type=InputPath(), default=SHIPPED, show_default="datasets/skovbjerg", help="Data to run on.")
@output_option(_demo_output, "Folder for the results.", default=Path("out/demo"))
@replace_option
@lang_option
@click.option("--survey", is_flag=True, help="Instead: roster → survey export → import with review → report, on datasets/survey-sample.")
def demo(data: Path, output: Path, replace: bool, lang: str, survey: bool) -> None:
    """Run every stage on the shipped synthetic municipality and say where the results are."""
    if survey:
        from orgnet.cli.survey import survey_demo

        return survey_demo(output, lang)
    # One analysis for every stage: the report and the graph reuse the metrics and flags.
    shipped = data == SHIPPED
    if data == SHIPPED and not SHIPPED.exists():
        network, data = generate_municipality(people=SHIPPED_PEOPLE, seed=SHIPPED_SEED), "skovbjerg (generated: no datasets folder in this installation)"
    else:
        network = orgnet.read(data)
    analysis = Analysis(network, lang=lang)
    words = texts(lang)
    click.echo(words.t("cli.demo.validated", data=data) + "\n" + format_summary(analysis.overview, lang))
    output.mkdir(parents=True, exist_ok=True)

    with progress_reporter() as analysis.progress:
        people = analysis.people_table
    files = write_table(people, output / "metrics.xlsx", metadata=analysis.metrics.attrs["orgnet"], sheet="metrics")
    top = people.nlargest(5, "betweenness")[[c for c in ("name", "organisation", "betweenness") if c in people]]
    top = top.assign(betweenness=[format_number(value, lang, digits=3) for value in top["betweenness"]])
    top.columns = [column_name(column, lang) for column in top.columns]
    click.echo("\n" + words.t("cli.demo.bridges") + "\n" + table(top, numeric=[column_name("betweenness", lang)]))

    flags = analysis.flags
    files += write_table(flags, output / "flags.xlsx", metadata={"lang": lang}, sheet="flags")
    counts = ", ".join(f"{flag_name(flag, lang)} {format_number(count, lang)}" for flag, count in flags["flag"].value_counts().items())
    click.echo("\n" + (words.t("cli.demo.flags", counts=counts) if counts else words.t("cli.demo.no_flags")))

    files += build_report(analysis, output / "report", source=str(data))
    click.echo("\n" + words.t("cli.demo.report"))

    drawing = graph_data(analysis.network, metrics=analysis.metrics, flags=flags, colour_by="flag", lang=lang, graph=analysis.graph)
    files.append(draw(drawing, output / "graph.html", lang=lang, size_by="degree"))
    click.echo(words.t("cli.demo.graph"))

    if shipped:  # the shipped municipality has a second wave to compare with
        files += demo_diff(analysis, output / "change", lang)

    click.echo("\n" + words.t("cli.demo.open") + "\n" + "\n".join(f"  {file}" for file in files if file.suffix == ".html"))
    click.echo(words.t("cli.demo.tables") + "\n" + "\n".join(f"  {file}" for file in files if file.suffix != ".html"))


COMMANDS = (demo,)
