"""``orgnet demo``: the whole pipeline on the shipped municipality, and where to look."""

from __future__ import annotations

from pathlib import Path

import click

import orgnet
from orgnet.cli.progress import progress_reporter
from orgnet.export import write_table
from orgnet.flags import flag_people
from orgnet.metrics import compute_all, with_person_columns
from orgnet.overview import describe, format_summary
from orgnet.report import build_report
from orgnet.viz.graph import draw, graph_data

SHIPPED = Path(__file__).resolve().parents[2] / "datasets" / "skovbjerg"


@click.command()
@click.option("--data", type=click.Path(path_type=Path), default=SHIPPED, show_default="datasets/skovbjerg", help="Data to run on.")
@click.option("-o", "--output", type=click.Path(path_type=Path), default=Path("out/demo"), show_default=True, help="Folder for the results.")
@click.option("--lang", type=click.Choice(["en", "da"]), default="da", show_default=True, help="Language of the report.")
@click.option("--survey", is_flag=True, help="Instead: roster → survey export → import with review → report, on datasets/survey-sample.")
def demo(data: Path, output: Path, lang: str, survey: bool) -> None:
    """Run every stage on the shipped synthetic municipality and say where the results are."""
    if survey:
        from orgnet.cli.survey import survey_demo

        return survey_demo(output, lang)
    network = orgnet.read(data)
    click.echo(f"1/5 validated {data}\n{format_summary(describe(network))}")
    output.mkdir(parents=True, exist_ok=True)

    with progress_reporter() as progress:
        table = compute_all(network, extra_layers=("informal+external",), progress=progress)
    files = write_table(with_person_columns(network, table), output / "metrics.xlsx", metadata=table.attrs["orgnet"], sheet="metrics")
    top = with_person_columns(network, table).nlargest(5, "betweenness")[["name", "organisation", "betweenness"]]
    click.echo("\n2/5 metrics — bridges (highest betweenness):\n" + top.to_string(index=False))

    flags = flag_people(network, table, lang=lang)
    files += write_table(flags, output / "flags.xlsx", metadata={"lang": lang}, sheet="flags")
    counts = ", ".join(f"{flag} {count}" for flag, count in flags["flag"].value_counts().items())
    click.echo(f"\n3/5 flags: {counts}")

    files += build_report(network, output / "report", lang=lang, source=str(data))
    click.echo("\n4/5 report written")

    drawing = graph_data(network, metrics=table, flags=flags, colour_by="flag", lang=lang)
    files.append(draw(drawing, output / "graph.html", lang=lang, size_by="degree"))
    click.echo("5/5 interactive graph written (coloured by flag)")

    click.echo("\nopen in a browser (works offline):\n" + "\n".join(f"  {file}" for file in files if file.suffix == ".html"))
    click.echo("tables:\n" + "\n".join(f"  {file}" for file in files if file.suffix != ".html"))


COMMANDS = (demo,)
