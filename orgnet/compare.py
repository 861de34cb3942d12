"""Survey-style breakdowns: contacts per layer and flag shares by level, gender, employer …

Like LederPejling's tables, but never exposing a small group: any group with fewer than ``k``
people (default 5, never below 3) is shown as suppressed, with no figure at all — not even
its exact size — in every output.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from orgnet.errors import OrgnetError, Said
from orgnet.flags import FLAGS
from orgnet.layers import SUMMARY_LAYERS, degree_column
from orgnet.model import OrgNetwork

LAYERS = tuple(degree_column(layer) for layer in SUMMARY_LAYERS)  # the columns compared
MIN_K = 3
DEFAULT_K = 5
MISSING = "(missing)"


def compare(
    network: OrgNetwork,
    metrics: pd.DataFrame,
    flags: pd.DataFrame,
    *,
    by: list[str],
    k: int = DEFAULT_K,
    role: str | None = None,
) -> pd.DataFrame:
    """One row per group of ``by``: n, median and mean contacts per layer, the share of people
    with each flag, and Spearman's correlation between internal and external contacts.

    Groups under ``k`` people have ``suppressed`` True and every other figure empty.
    """
    if k < MIN_K:
        raise OrgnetError(Said("error.privacy.k_too_small", k=k, least=MIN_K))
    if not by:
        raise OrgnetError(Said("error.compare.no_by"))
    people = network.people
    for attribute in by:
        if attribute not in people.columns:
            known = ", ".join(map(str, people.columns)) or Said("error.compare.only_ids")
            raise OrgnetError(Said("error.compare.unknown_attribute", attribute=attribute, known=known))
    if role is not None:
        if "role" not in people.columns:
            raise OrgnetError(Said("error.compare.no_role"))
        people = people[people["role"] == role]

    frame = people[by].astype("object").where(people[by].notna(), MISSING).astype(str)
    frame = frame.join(metrics[list(LAYERS)])
    flagged = pd.crosstab(flags["id"], flags["flag"]).reindex(index=frame.index, columns=list(FLAGS), fill_value=0) > 0
    frame = frame.join(flagged.add_prefix("share_"))

    grouped = frame.groupby(by, sort=True)
    rows = []
    for key, group in grouped:
        key = key if isinstance(key, tuple) else (key,)
        row = dict(zip(by, key))
        if len(group) < k:
            rows.append({**row, "suppressed": True})
            continue
        row.update({"suppressed": False, "n": len(group)})
        for layer in LAYERS:
            row[f"median_{layer}"] = float(group[layer].median())
            row[f"mean_{layer}"] = float(group[layer].mean())
        for flag in FLAGS:
            row[f"share_{flag}"] = float(group[f"share_{flag}"].mean())
        row["corr_internal_external"] = _spearman(group["degree_internal"], group["degree_external"])
        rows.append(row)
    columns = [*by, "suppressed", "n", *[f"{s}_{layer}" for layer in LAYERS for s in ("median", "mean")], *[f"share_{f}" for f in FLAGS], "corr_internal_external"]
    return pd.DataFrame(rows, columns=columns)


def _spearman(first: pd.Series, second: pd.Series) -> float:
    if first.nunique() < 2 or second.nunique() < 2:
        return float("nan")
    return float(first.rank().corr(second.rank()))


def format_comparison(table: pd.DataFrame, by: list[str], k: int, lang: str = "en") -> str:
    """A readable table for the terminal in ``lang``: the main figures, suppressed groups marked.

    Headers and orgnet's codes are words (``first_line`` → ``department leader`` /
    ``afdelingsleder``, a missing value → ``(not given)`` / ``(ikke angivet)``); numbers as a
    reader of ``lang`` writes them; the user's own values as she wrote them.
    """
    from orgnet.flags.listing import share_text, text_table
    from orgnet.i18n import format_number
    from orgnet.report.words import attribute_label, value_label
    from orgnet.texts import texts

    words = texts(lang)
    suppressed = table["suppressed"].astype(bool).to_numpy()
    shown = pd.DataFrame({attribute_label(a, lang): table[a].map(lambda value, a=a: value_label(a, value, lang)) for a in by})
    numbers = [words.t("terminal.n")]
    shown[numbers[0]] = np.where(suppressed, f"<{format_number(k, lang)}", table["n"].map(lambda v: format_number(v, lang)))
    for layer in ("degree", "degree_internal", "degree_external", "degree_informal"):
        header = words.t(f"terminal.median_{layer}")
        shown[header] = np.where(suppressed, words.t("terminal.suppressed"), table[f"median_{layer}"].map(lambda v: format_number(v, lang)))
        numbers.append(header)
    for flag in ("no_informal_external", "thin"):
        header = words.t(f"terminal.share_{flag}")
        shown[header] = np.where(suppressed, "", table[f"share_{flag}"].map(lambda v: share_text(v, lang)))
        numbers.append(header)
    header = words.t("terminal.corr")
    shown[header] = np.where(suppressed, "", table["corr_internal_external"].map(lambda v: format_number(v, lang, digits=2)))
    numbers.append(header)
    return text_table(shown, numbers=numbers)
