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
    # audiences
    "confidential": {
        "en": "Confidential: contains personal data about named people. Share only with those who need it.",
        "da": "Fortroligt: indeholder personoplysninger om navngivne personer. Del kun med dem, der har brug for det.",
    },
    "audience_footer": {
        "en": "Audience: consultant. Names and per-person figures are present; comparisons hide groups under {k}.",
        "da": "Målgruppe: konsulent. Navne og tal for enkeltpersoner er med; sammenligninger skjuler grupper under {k}.",
    },
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
    "graph_intro": {"en": "Colour: {colour}; size: contacts. Hover over a person for details; use the controls to filter.", "da": "Farve: {colour}; størrelse: kontakter. Hold musen over en person for detaljer; brug knapperne til at filtrere."},
    "findings": {"en": "Main findings", "da": "Hovedfund"},
    "findings_intro": {"en": "Written from the figures below; each sentence links to the table behind it. Groups under {k} people are never mentioned.", "da": "Skrevet ud fra tallene nedenfor; hver sætning linker til tabellen bag den. Grupper under {k} personer nævnes aldrig."},
    "findings_none": {"en": "The figures give no finding to single out.", "da": "Tallene giver ikke noget fund at fremhæve."},
    "see_table": {"en": "see the table", "da": "se tabellen"},
    "data_notes": {"en": "What the data does not hold", "da": "Hvad data ikke indeholder"},
    "employer": {"en": "employer", "da": "arbejdsgiver"},
    "profession": {"en": "profession", "da": "fag"},
    "workbook": {"en": "All tables are also in orgnet.xlsx next to this page.", "da": "Alle tabeller findes også i orgnet.xlsx ved siden af denne side."},
    "none_flagged": {"en": "No one is flagged.", "da": "Ingen er markeret."},
}


# Names of the columns orgnet writes (metrics, flags, bagland, comparisons) and of the attributes
# it knows; a user's own column is shown as the user named it. English keeps the codes, so an
# English workbook reads the same as the CSV files.
COLUMN_NAMES: dict[str, str] = {
    "id": "id",
    "tenure_years": "anciennitet (år)",
    "municipality": "kommune",
    "former_municipality": "tidligere kommune",
    "responded": "har svaret",
    "in_degree": "kontakter nævnt af andre",
    "out_degree": "kontakter nævnt selv",
    "degree_informal_external": "uformelle eksterne kontakter",
    "closeness": "nærhed",
    "eigenvector": "egenvektor-centralitet",
    "pagerank": "PageRank",
    "effective_size": "effektiv størrelse (Burt)",
    "efficiency": "effektivitet (Burt)",
    "hierarchy": "hierarki (Burt)",
    "coordinator": "koordinator",
    "gatekeeper": "portvogter",
    "representative": "repræsentant",
    "consultant": "konsulent",
    "liaison": "forbindelsesled",
    "reach2": "inden for to skridt",
    "kcore": "k-kerne",
    "articulation": "skillepunkt",
    "value": "værdi",
    "threshold": "grænse",
    "group": "gruppe",
    "n": "n",
    "suppressed": "skjult",
    "figure": "tal",
    "sentence": "sætning",
    "count": "antal",
    "base": "ud af",
    "anchor": "afsnit",
    "flags": "flag",
    "by": "sammenlignet efter",
    "median_degree": "median kontakter",
    "median_degree_internal": "median interne",
    "median_degree_external": "median eksterne",
    "mean_degree": "gennemsnit kontakter",
    # network figures (the workbook's summary sheet)
    "ties_by_kind_scope": "forbindelser efter art og rækkevidde",
    "ties_by_relation": "forbindelser efter relation",
    "duplicates_merged": "sammenlagte dubletter",
    "organisations": "organisationer",
    "units": "enheder",
    "groups": "grupper",
    "people_by_role": "personer efter rolle",
    "layer": "lag",
    "symmetrised_ties": "par med forbindelse",
    "largest_component": "største komponent",
    "degree_centralisation": "gradcentralisering",
    "reciprocity": "gensidighed",
    "reciprocity_by_relation": "gensidighed efter relation",
    "modularity": "modularitet",
    "group_by": "grupperet efter",
    "assortativity": "assortativitet",
    "tie_shares": "andel af forbindelser",
    "median_degree_formal": "median formelle",
    "mean_degree_formal": "gennemsnit formelle",
    "median_degree_informal": "median uformelle",
    "mean_degree_informal": "gennemsnit uformelle",
    "mean_degree_internal": "gennemsnit interne",
    "mean_degree_external": "gennemsnit eksterne",
    "corr_internal_external": "ρ intern/ekstern",
}

# The attributes whose known values have Danish names in the catalogue (``value.<attribute>.<code>``).
# Other values are the data's own words and stay as they are; English shows the codes, as the CSV
# files and the terminal do.
NAMED_VALUES = ("role", "level", "gender")


def value_names(lang: str) -> dict[str, dict[str, str]]:
    """attribute → code → the value's name in ``lang``, for the attributes orgnet knows."""
    from orgnet.texts import catalogue

    entries = catalogue(lang)
    return {attribute: {key.rsplit(".", 1)[1]: entries[key] for key in entries if key.startswith(f"value.{attribute}.")} for attribute in NAMED_VALUES}


def flag_name(code: str, lang: str) -> str:
    """A flag code as a reader of ``lang`` reads it (``weak_bagland`` → ``svagt bagland``)."""
    from orgnet.texts import texts as catalogue_texts

    key = f"flag.{code}.name"
    return catalogue_texts(lang).t(key) if key in catalogue_texts(lang) else code


def column_name(column: str, lang: str) -> str:
    """A column or attribute name in ``lang``: orgnet's own names translated, the user's as given."""
    from orgnet.flags.rules import FLAGS

    if column in FLAGS:
        return flag_name(column, lang)
    if column.startswith("share_") and column.removeprefix("share_") in FLAGS:
        share = "andel" if lang == "da" else "share"
        return f"{share}: {flag_name(column.removeprefix('share_'), lang)}"
    if lang == "en":
        return column
    if column in COLUMN_NAMES:
        return COLUMN_NAMES[column]
    return TEXTS[column][lang] if column in TEXTS else column


def value_name(attribute: str, value, lang: str) -> str:
    """A value of ``attribute`` in ``lang`` (``level`` ``top`` → ``topleder``); unknown values as given."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)) or value == "(missing)":
        return TEXTS["(missing)"][lang]
    if lang == "en":
        return str(value)
    return value_names(lang).get(attribute, {}).get(str(value), str(value))


def texts(lang: str) -> dict[str, str]:
    """Every text in ``lang``, flag names included as ``flag_<code>``."""
    if lang not in LANGUAGES:
        raise OrgnetError(f"unknown language '{lang}'; use en or da")
    from orgnet.flags.rules import FLAGS

    return {**{key: value[lang] for key, value in TEXTS.items()}, **{f"flag_{code}": flag_name(code, lang) for code in FLAGS}}


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


class LocalNumber:
    """A number that formats itself the way a reader of ``lang`` writes it, in ``str.format``
    templates such as the flag reasons (``{value:.3f}``, ``{value:.0%}``, ``{value}``).

    English is exactly Python's own formatting; Danish swaps the decimal point and the
    thousands separator and puts a space before ``%`` (``0,600``, ``50 %``, ``1.170``).
    """

    def __init__(self, value, lang: str):
        self.value, self.lang = value, lang

    def __format__(self, spec: str) -> str:
        if self.lang == "en":
            return format(self.value, spec)
        if not spec:
            return format_number(self.value, self.lang)
        text = format(self.value, spec).translate(_DANISH_SEPARATORS)
        return text[:-1] + "\u00a0%" if spec.endswith("%") else text

    def __str__(self) -> str:
        return self.__format__("")


_DANISH_SEPARATORS = str.maketrans({",": ".", ".": ","})


def local(value, lang: str):
    """``value`` wrapped as a :class:`LocalNumber` when it is a number, else as it is."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or (isinstance(value, float) and math.isnan(value)):
        return value
    return LocalNumber(value, lang)
