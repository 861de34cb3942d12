"""Every label and explanation the graph page and the report show, in English and Danish."""

from __future__ import annotations

import math

import pandas as pd

from orgnet.errors import OrgnetError

LANGUAGES = ("en", "da")

TEXTS: dict[str, dict[str, str]] = {
    # graph page
    "search": {"en": "Find a person", "da": "Find en person"},
    "layer": {"en": "Ties", "da": "Forbindelser"},
    "filter": {"en": "Show only", "da": "Vis kun"},
    "everyone": {"en": "everyone", "da": "alle"},
    "all": {"en": "all ties", "da": "alle forbindelser"},
    "formal": {"en": "formal", "da": "formelle"},
    "informal": {"en": "informal", "da": "uformelle"},
    "internal": {"en": "internal", "da": "interne"},
    "external": {"en": "external", "da": "eksterne"},
    "legend": {"en": "Legend", "da": "Signaturforklaring"},
    "solid_formal": {"en": "solid line: formal tie", "da": "fuld streg: formel forbindelse"},
    "dashed_informal": {"en": "dashed line: informal tie", "da": "stiplet streg: uformel forbindelse"},
    "internal_colour": {"en": "internal (same organisation)", "da": "intern (samme organisation)"},
    "external_colour": {"en": "external (other organisation)", "da": "ekstern (anden organisation)"},
    "size_note": {"en": "size: {metric}", "da": "størrelse: {metric}"},
    "shown": {"en": "people shown", "da": "personer vist"},
    "no_match": {"en": "no one found", "da": "ingen fundet"},
    "flags": {"en": "Flags", "da": "Flag"},
    # attributes and metrics
    "name": {"en": "name", "da": "navn"},
    "organisation": {"en": "organisation", "da": "organisation"},
    "unit": {"en": "unit", "da": "enhed"},
    "role": {"en": "role", "da": "rolle"},
    "level": {"en": "level", "da": "niveau"},
    "gender": {"en": "gender", "da": "køn"},
    "community": {"en": "community", "da": "klynge"},
    "degree": {"en": "contacts", "da": "kontakter"},
    "degree_internal": {"en": "internal contacts", "da": "interne kontakter"},
    "degree_external": {"en": "external contacts", "da": "eksterne kontakter"},
    "degree_formal": {"en": "formal contacts", "da": "formelle kontakter"},
    "degree_informal": {"en": "informal contacts", "da": "uformelle kontakter"},
    "betweenness": {"en": "betweenness", "da": "mellemliggende centralitet"},
    "constraint": {"en": "constraint (Burt)", "da": "begrænsning (Burt)"},
    "ei_index": {"en": "E–I index", "da": "E–I-indeks"},
    "most severe flag": {"en": "most severe flag", "da": "alvorligste flag"},
    "high": {"en": "high", "da": "høj"},
    "medium": {"en": "medium", "da": "middel"},
    "low": {"en": "low", "da": "lav"},
    "none": {"en": "no flag", "da": "intet flag"},
    "(missing)": {"en": "(not given)", "da": "(ikke angivet)"},
    "other": {"en": "other", "da": "andre"},
    # report
    "report_title": {"en": "Network report", "da": "Netværksrapport"},
    "generated": {"en": "Made with orgnet {version} from {source}. Everything was computed on this computer; the page loads nothing from the internet.", "da": "Lavet med orgnet {version} ud fra {source}. Alt er beregnet på denne computer; siden henter intet fra internettet."},
    "headline": {"en": "Headline figures", "da": "Nøgletal"},
    "people": {"en": "people", "da": "personer"},
    "ties": {"en": "ties", "da": "forbindelser"},
    "density": {"en": "density", "da": "tæthed"},
    "components": {"en": "components", "da": "komponenter"},
    "isolates": {"en": "isolated people", "da": "isolerede personer"},
    "ties_by_layer": {"en": "Ties by kind and scope", "da": "Forbindelser efter art og rækkevidde"},
    "flagged": {"en": "Flagged people and why", "da": "Markerede personer og hvorfor"},
    "flag": {"en": "flag", "da": "flag"},
    "severity": {"en": "severity", "da": "alvor"},
    "reason": {"en": "reason", "da": "begrundelse"},
    "flag_counts": {"en": "Flags in all", "da": "Flag i alt"},
    "bagland": {"en": "TR bagland", "da": "TR-bagland"},
    "bagland_intro": {"en": "For each union representative (TR): how many of the colleagues in the TR's own unit the TR is in contact with, and ties to management.", "da": "For hver tillidsrepræsentant (TR): hvor mange af kollegerne i TR's egen enhed TR har kontakt med, og forbindelser til ledelsen."},
    "colleagues": {"en": "colleagues", "da": "kolleger"},
    "reached": {"en": "reached", "da": "nået"},
    "coverage": {"en": "coverage", "da": "dækning"},
    "management_ties": {"en": "ties to management", "da": "forbindelser til ledelsen"},
    "not_reached": {"en": "not reached", "da": "ikke nået"},
    "no_trs": {"en": "There are no TRs (role tr) in the data.", "da": "Der er ingen TR'er (rolle tr) i data."},
    "comparisons": {"en": "Comparisons", "da": "Sammenligninger"},
    "comparison_intro": {"en": "Median contacts and flag shares by group. Groups with fewer than {k} people are suppressed and shown without figures.", "da": "Median for kontakter og andel med flag efter gruppe. Grupper med færre end {k} personer er skjult og vises uden tal."},
    "suppressed": {"en": "suppressed (fewer than {k})", "da": "skjult (færre end {k})"},
    "by": {"en": "by", "da": "efter"},
    "median_contacts": {"en": "median contacts", "da": "median kontakter"},
    "median_internal": {"en": "median internal", "da": "median interne"},
    "median_external": {"en": "median external", "da": "median eksterne"},
    "share_thin": {"en": "thin network", "da": "tyndt netværk"},
    "share_no_informal_external": {"en": "no informal external", "da": "ingen uformel ekstern"},
    "corr": {"en": "ρ internal/external", "da": "ρ intern/ekstern"},
    "charts": {"en": "Charts", "da": "Diagrammer"},
    "chart_degrees": {"en": "Contacts per person, by layer", "da": "Kontakter pr. person, efter lag"},
    "chart_scatter": {"en": "Internal against external contacts", "da": "Interne mod eksterne kontakter"},
    "chart_flags": {"en": "Share flagged, by level", "da": "Andel med flag, efter niveau"},
    "count_people": {"en": "people", "da": "personer"},
    "graph": {"en": "The network", "da": "Netværket"},
    "graph_intro": {"en": "Colour: organisation; size: contacts. Hover over a person for details; use the controls to filter.", "da": "Farve: organisation; størrelse: kontakter. Hold musen over en person for detaljer; brug knapperne til at filtrere."},
    "workbook": {"en": "All tables are also in orgnet.xlsx next to this page.", "da": "Alle tabeller findes også i orgnet.xlsx ved siden af denne side."},
    "none_flagged": {"en": "No one is flagged.", "da": "Ingen er markeret."},
}


def texts(lang: str) -> dict[str, str]:
    if lang not in LANGUAGES:
        raise OrgnetError(f"unknown language '{lang}'; use en or da")
    return {key: value[lang] for key, value in TEXTS.items()}


LOCALES = {"en": "en_GB", "da": "da_DK"}


def format_number(value, lang: str, *, digits: int | None = None, percent: bool = False) -> str:
    """A number as a reader of ``lang`` writes it: ``1.170`` and ``0,41`` in Danish,
    ``1,170`` and ``0.41`` in English; ``—`` for a missing value.

    ``digits`` fixes the decimals (default: integers as integers, other numbers with up to 4
    decimals); ``percent`` shows a share as a percentage (``14,5 %``). Babel's CLDR data decides
    separators and the percent sign's spacing, so they are right per locale.
    """
    from babel import Locale
    from babel.numbers import format_decimal, format_percent

    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return "—"
    locale = LOCALES[lang]
    if percent:
        pattern = Locale.parse(locale).percent_formats[None].pattern
        if digits:
            pattern = pattern.replace("#,##0", "#,##0." + "0" * digits, 1)
        return format_percent(value, format=pattern, locale=locale)
    if digits is None:
        if float(value).is_integer():
            return format_decimal(int(value), format="#,##0", locale=locale)
        return format_decimal(value, format="#,##0.####", locale=locale)
    return format_decimal(value, format="#,##0" + ("." + "0" * digits if digits else ""), locale=locale)
