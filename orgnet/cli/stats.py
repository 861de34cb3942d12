"""``orgnet qap``, ``orgnet homophily``, ``orgnet coreperiphery``: is what the network shows more than chance?

Thin over :mod:`orgnet.stats`: read, call the library, print in the reader's language, write.
"""

from __future__ import annotations

import json
from pathlib import Path

import click
import pandas as pd

from orgnet.cli.options import config_option, data_argument, lang_option, output_option, read_data
from orgnet.cli.paths import table_file
from orgnet.errors import OrgnetError, Said
from orgnet.export import FORMATS, jsonable, write_table
from orgnet.i18n import column_name, format_number, value_name
from orgnet.io.atomic import replacing
from orgnet.stats.coreperiphery import MODELS as CP_MODELS
from orgnet.stats.coreperiphery import core_periphery
from orgnet.stats.dyads import ATTRIBUTE_KINDS
from orgnet.stats.homophily import block_densities, ei_test, homophily_models
from orgnet.stats.qap import DEFAULT_PERMUTATIONS, INTERCEPT, METHODS, qap
from orgnet.texts import texts
from orgnet.texts.labels import layer_label

permutations_option = click.option(
    "--permutations", type=click.IntRange(min=1), default=DEFAULT_PERMUTATIONS, show_default=True,
    help="How many times the people are relabelled at random (all n! once when that is fewer).",
)
seed_option = click.option("--seed", type=int, default=0, show_default=True, help="Seed: the same data and seed give the same p-values.")
symmetric_option = click.option("--symmetric", is_flag=True, help="Use one triangle of each matrix (a tie either way counts); by default both.")


def _number(value, lang: str, digits: int = 3) -> str:
    """A figure with ``digits`` decimals; a value that rounds to zero is written 0, never −0."""
    if isinstance(value, (int, float)) and value == value and abs(value) < 0.5 * 10**-digits:
        value = 0.0
    return format_number(value, lang, digits=digits)


def term_label(name: str, lang: str) -> str:
    """A term in words: the intercept, an attribute term (same:level …), a group term, or a relation/layer."""
    words = texts(lang)
    if name == INTERCEPT:
        return words.t("stats.term.intercept")
    kind, _, rest = name.partition(":")
    if kind in ATTRIBUTE_KINDS and rest:
        return words.t(f"stats.term.{kind}", attribute=column_name(rest, lang))
    if kind == "within" and "=" in rest:
        attribute, _, value = rest.partition("=")
        return words.t("stats.term.within", attribute=column_name(attribute, lang), value=value_name(attribute, value, lang))
    if kind == "block" and "=" in rest:
        attribute, _, blocks = rest.partition("=")
        source, _, target = blocks.partition("→")
        return words.t("stats.term.block", attribute=column_name(attribute, lang), source=value_name(attribute, source, lang),
                       target=value_name(attribute, target, lang))
    return layer_label(name, lang)


def _check_suffix(output: Path | None) -> None:
    if output is not None and output.suffix.lower() not in FORMATS:
        raise OrgnetError(Said("error.cli.stats_format", output=output))


def _write(output: Path, document: dict, table: pd.DataFrame, metadata: dict, sheet: str, lang: str) -> None:
    if output.suffix.lower() == ".json":
        with replacing(output) as (part,):
            part.write_text(json.dumps(jsonable(document), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        written = [output]
    else:
        written = write_table(table, output, metadata=metadata, sheet=sheet)
    click.echo(texts(lang).t("stats.wrote.files", files=", ".join(map(str, written))))


def _terms_table(result, lang: str) -> pd.DataFrame:
    words = texts(lang)
    columns = ["coefficient", "standardised", "p_greater", "p_less", "p_two"]
    if result.model == "logistic":
        columns = ["coefficient", "odds_ratio", "p_greater", "p_less", "p_two"]
    rows = []
    for term in result.terms:
        row = {words.t("stats.column.term"): term_label(term.term, lang)}
        for column in columns:
            row[words.t(f"stats.column.{column}")] = _number(getattr(term, column), lang)
        rows.append(row)
    return pd.DataFrame(rows)


@click.command(name="qap")
@data_argument
@click.option("--y", "y", required=True, metavar="RELATION", help="The relation or layer explained, e.g. advice.")
@click.option("--x", "xs", multiple=True, required=True, metavar="TERM",
              help="A term: a relation or layer (reports_to, formal, informal+external) or an attribute made dyadic "
              "(same:level, diff:tenure_years, sender:tenure_years, receiver:tenure_years); repeat for MRQAP.")
@click.option("--logistic", is_flag=True, help="Logistic QAP: Y as tie present/absent; log-likelihood and McFadden's R².")
@click.option("--method", type=click.Choice(METHODS), default="dsp", show_default=True,
              help="dsp: Dekker, Krackhardt & Snijders' double semi-partialling (each term's t); yperm: Y's people permuted.")
@permutations_option
@seed_option
@symmetric_option
@output_option(table_file, "FILE.json (the model and its terms), .csv or .xlsx (one row per term, the model in the metadata).")
@config_option
@lang_option
def qap_command(data, y, xs, logistic, method, permutations, seed, symmetric, output, config, lang) -> None:
    """Is a relation more than chance, given others? QAP correlation (one --x), MRQAP (several) or logistic QAP.

    Dyads sharing a person are not independent; QAP relabels the people at random, keeping each
    matrix whole, so the p-values hold where ordinary regression's do not.
    """
    _check_suffix(output)
    network = read_data(data, config)
    result = qap(network, y, list(xs), logistic=logistic, method=method, permutations=permutations, seed=seed, symmetric=symmetric)
    words = texts(lang)
    fields = {
        "y": layer_label(y, lang), "dyads": words.t("stats.count.dyads", n=result.dyads), "seed": seed,
        "permutations": words.t("stats.count.permutations", n=result.permutations) + (f", {words.t('stats.qap.exact')}" if result.exact else ""),
        "method": words.t(f"stats.qap.method_{result.method}"),
    }
    if result.model == "correlation":
        click.echo(words.t("stats.qap.title_correlation", x=term_label(xs[0], lang), **{k: v for k, v in fields.items() if k != "method"}))
        term, spread = result.terms[0], result.distribution
        click.echo(f"r = {_number(term.coefficient, lang)}; " + words.t(
            "stats.qap.distribution", mean=_number(spread["mean"], lang), sd=_number(spread["sd"], lang),
            greater=_number(term.p_greater, lang), less=_number(term.p_less, lang)))
    else:
        click.echo(words.t(f"stats.qap.title_{result.model}", **fields))
        click.echo(_terms_table(result, lang).to_string(index=False))
        if result.model == "ols":
            click.echo(words.t("stats.qap.fit_ols", r2=_number(result.r2, lang), adjusted=_number(result.adjusted_r2, lang)))
        else:
            click.echo(words.t("stats.qap.fit_logistic", loglik=_number(result.loglik, lang), null=_number(result.null_loglik, lang),
                               r2=_number(result.mcfadden_r2, lang)))
    if result.left_out_missing:
        click.echo(words.t("stats.count.left_out", n=result.left_out_missing))
    if output is not None:
        _write(output, result.to_dict(), result.table(), {**result.metadata(), "lang": lang}, "terms", lang)


@click.command(name="homophily")
@data_argument
@click.option("--by", required=True, metavar="ATTR", help="The attribute whose groups are compared, e.g. level.")
@click.option("--layer", default="all", show_default=True, help="The ties looked at: a relation or layer.")
@permutations_option
@seed_option
@symmetric_option
@output_option(table_file, "FILE.json (densities, the three models, E–I), .csv or .xlsx (one row per figure).")
@config_option
@lang_option
def homophily_command(data, by, layer, permutations, seed, symmetric, output, config, lang) -> None:
    """Do people keep to their own group more than chance would have it? Densities, UCINET's three models, E–I.

    The models (constant homophily, variable homophily, structural blockmodel) are regressions on
    the dyads with Y's people permuted; E–I's test shuffles the attribute among the people.
    """
    _check_suffix(output)
    network = read_data(data, config)
    words = texts(lang)
    densities = block_densities(network, by, layer=layer, symmetric=symmetric)
    models = homophily_models(network, by, layer=layer, symmetric=symmetric, permutations=permutations, seed=seed)
    ei = ei_test(network, by, layer=layer, symmetric=symmetric, permutations=permutations, seed=seed)
    click.echo(words.t("stats.homophily.title", attribute=column_name(by, lang), layer=layer_label(layer, lang),
                       people=words.t("count.people", n=len(network.people)),
                       permutations=words.t("stats.count.permutations", n=ei.permutations), seed=seed))
    click.echo(words.t("stats.homophily.densities"))
    shown = pd.DataFrame({
        words.t("stats.column.from"): [value_name(by, v, lang) for v in densities["from"]],
        words.t("stats.column.to"): [value_name(by, v, lang) for v in densities["to"]],
        words.t("stats.column.ties"): [_number(v, lang, 0) for v in densities["ties"]],
        words.t("stats.column.pairs"): [_number(v, lang, 0) for v in densities["pairs"]],
        words.t("stats.column.density"): [_number(v, lang) for v in densities["density"]],
    })
    click.echo(shown.to_string(index=False))
    for name, result in models.items():
        click.echo(words.t("stats.homophily.model", model=words.t(f"stats.homophily.{name}"), r2=_number(result.r2, lang), p=_number(result.p_r2, lang)))
        click.echo(_terms_table(result, lang).to_string(index=False))
    click.echo(words.t("stats.homophily.ei_title", attribute=column_name(by, lang)))
    ei_rows = pd.DataFrame([{
        words.t("stats.column.group"): words.t("stats.homophily.whole") if row.group is None else value_name(by, row.group, lang),
        words.t("stats.column.people"): _number(row.size, lang, 0),
        words.t("stats.column.external"): _number(row.external, lang, 0),
        words.t("stats.column.internal"): _number(row.internal, lang, 0),
        words.t("stats.column.ei"): _number(row.ei, lang),
        words.t("stats.column.expected"): _number(row.expected, lang),
        words.t("stats.column.p_less"): _number(row.p_less, lang),
        words.t("stats.column.p_greater"): _number(row.p_greater, lang),
    } for row in ei.rows])
    click.echo(ei_rows.to_string(index=False))
    if output is not None:
        document = {"attribute": by, "layer": layer, "densities": densities.to_dict(orient="records"),
                    "models": {name: result.to_dict() for name, result in models.items()}, "ei": ei.to_dict()}
        flat = [{"part": "density", "group": r["from"], "to": r["to"], "value": r["density"], "ties": r["ties"], "pairs": r["pairs"]}
                for r in densities.to_dict(orient="records")]
        for name, result in models.items():
            flat += [{"part": name, "term": t.term, "value": t.coefficient, "p_greater": t.p_greater, "p_less": t.p_less, "p_two": t.p_two}
                     for t in result.terms]
            flat.append({"part": name, "term": "r2", "value": result.r2, "p_greater": result.p_r2})
        flat += [{"part": "ei", "group": row.group, "value": row.ei, "expected": row.expected, "size": row.size, "ties": row.external + row.internal,
                  "p_greater": row.p_greater, "p_less": row.p_less, "p_two": row.p_two} for row in ei.rows]
        metadata = {"attribute": by, "layer": layer, "permutations": ei.permutations, "exact": ei.exact, "seed": seed, "lang": lang,
                    "models": {name: result.metadata() for name, result in models.items()}, "ei_test": ei.test}
        _write(output, document, pd.DataFrame(flat), metadata, "homophily", lang)


@click.command(name="coreperiphery")
@data_argument
@click.option("--model", type=click.Choice(CP_MODELS), default="categorical", show_default=True,
              help="categorical: who is core and who periphery; continuous: a coreness per person.")
@click.option("--layer", default="all", show_default=True, help="The ties looked at: a relation or layer.")
@click.option("--core-periphery", "core_periphery_cells", type=click.Choice(["ignore", "0", "1"]), default="ignore", show_default=True,
              help="What the ideal expects between core and periphery: ignore those pairs (UCINET's default), or expect 0 or 1.")
@seed_option
@click.option("--starts", type=click.IntRange(min=1), default=50, show_default=True, help="Random starts of the search above 14 people (up to 14 every split is tried).")
@output_option(table_file, "FILE.json (the model, the ideal, the fit, the people), .csv or .xlsx (one row per person).")
@config_option
@lang_option
def coreperiphery_command(data, model, layer, core_periphery_cells, seed, starts, output, config, lang) -> None:
    """Is there a core and a periphery? Borgatti & Everett (1999), categorical or continuous.

    Categorical: the split whose ideal pattern (core–core ties, no periphery–periphery ties) the
    data resembles most, by correlation; continuous: coreness per person.
    """
    _check_suffix(output)
    network = read_data(data, config)
    cells = core_periphery_cells if core_periphery_cells == "ignore" else int(core_periphery_cells)
    result = core_periphery(network, model=model, layer=layer, core_periphery=cells, seed=seed, starts=starts)
    words = texts(lang)
    people = words.t("count.people", n=len(result.people))
    if model == "categorical":
        core = int(result.people["core"].sum())
        click.echo(words.t("stats.coreperiphery.title_categorical", layer=layer_label(layer, lang), core=words.t("count.people", n=core),
                           people=people, fit=_number(result.fit, lang)))
        click.echo(words.t("stats.coreperiphery.ideal", core_periphery=words.t("stats.coreperiphery.ignored") if cells == "ignore" else cells))
        click.echo(words.t("stats.coreperiphery.exact") if result.exact else words.t("stats.coreperiphery.seeded", starts=starts, seed=seed))
    else:
        click.echo(words.t("stats.coreperiphery.title_continuous", layer=layer_label(layer, lang), people=people, fit=_number(result.fit, lang)))
    table = pd.DataFrame({words.t("stats.column.person"): result.people["id"]})
    if "core" in result.people:
        table[words.t("stats.column.core")] = [words.t("stats.coreperiphery.yes" if c else "stats.coreperiphery.no") for c in result.people["core"]]
    table[words.t("stats.column.coreness")] = [_number(c, lang) for c in result.people["coreness"]]
    click.echo(table.to_string(index=False))
    if output is not None:
        document = result.to_dict()
        metadata = {k: v for k, v in document.items() if k != "people"} | {"lang": lang}
        _write(output, document, result.people, metadata, "people", lang)


COMMANDS = (qap_command, homophily_command, coreperiphery_command)
