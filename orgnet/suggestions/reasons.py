"""A suggestion's reason, written from its figures with the catalogue's words (``suggest.*``)."""

from __future__ import annotations

import pandas as pd

from orgnet.i18n import format_number
from orgnet.texts import check_lang, texts
from orgnet.texts.labels import role_count, role_label

__all__ = ["check_lang", "suggestion_reason"]


def suggestion_reason(row: dict, lang: str) -> str:
    """One suggestion's reason, citing its numbers, e.g. "Leder på Bostedet Åløkke (anden
    organisation); forbinder dig med 6 ledere (14 personer i alt), du ikke når i dag; din
    begrænsning falder fra 0,41 til 0,33"."""
    words = texts(lang)
    before, after = row["constraint_before"], row["constraint_after"]
    # two decimals as LederPejling reports shares, three when two would hide the change
    digits = 2 if pd.isna(before) or round(before, 2) != round(after, 2) else 3
    number = lambda value: format_number(value, lang, digits=digits)  # noqa: E731
    organisation = row["suggested_organisation"]
    parts = []
    if organisation is not None and not pd.isna(organisation):
        which = words.t("suggest.other_organisation" if row["other_organisation"] else "suggest.same_organisation")
        parts.append(words.t("suggest.where", role=role_label(row["suggested_role"], lang), organisation=organisation, which=which))
    else:
        parts.append(role_label(row["suggested_role"], lang))
    peers, people = int(row["newly_reached_peers"]), int(row["newly_reached"])
    if peers:
        parts.append(words.t("suggest.reach_peers", peers=role_count(row["role"], peers, lang), people=words.t("count.people", n=people)))
    elif people:
        parts.append(words.t("suggest.reach", n=people))
    else:
        parts.append(words.t("suggest.reach_none"))
    if pd.isna(before):
        parts.append(words.t("suggest.first", after=number(after)))
    else:
        if round(after, digits) < round(before, digits):
            key = "suggest.falls"
        elif round(after, digits) > round(before, digits):
            key = "suggest.rises"
        else:
            key = "suggest.same"
        parts.append(words.t(key, before=number(before), after=number(after)))
    return "; ".join(parts)
