"""Survey non-response: who answered, the response rates, and what to do with those who did not.

A survey network knows a non-respondent only from what others reported about them: their own
reports (their outgoing ties) are missing. ``orgnet survey import`` writes who answered as the
people table's ``responded`` column (``True``/``False``); this module is the one place that column
is read, with one yes/no vocabulary (:data:`YES`, :data:`NO`; an empty cell means "not stated").

Two treatments, as ``--missing`` on every analysing command:

``keep`` (the default, orgnet's behaviour before the option existed)
    Non-respondents keep the ties others reported about them, nothing is added; the flags say
    "did not answer" where a figure would otherwise read as a finding.
``reconstruct``
    A non-respondent's missing reports are taken from the reports about them: for each
    non-respondent j and each tie i → j that someone else reported, the tie j → i is added with
    the same relation, kind and weight, unless j → i is in the data already. This is UCINET's
    reconstruction (Borgatti's handout on missing data: the person's column fills the person's
    missing row) and the reconstruction of Stork & Richards (1992); Huisman (2009) calls it
    "reconstruction" and tests it against the full data.

Because orgnet's ``degree`` and ``betweenness`` use the symmetrised graph (a tie when either
person named the other), reconstruction leaves them exactly as they are: the symmetrised graph
already is the reconstruction of an undirected relation. It changes what reads direction or
strength: ``in_degree``, ``out_degree``, reciprocity, the mutual strength z_ij + z_ji behind
Burt's measures, and weighted paths (docs/metrics.md has the measured effect).

References
----------
Stork, D. & Richards, W. D. (1992). Nonrespondents in communication network studies: problems
and possibilities. *Group & Organization Management*, 17(2), 193–209.
Borgatti, S. P. Handling missing data (MGT 780 handout), analytictech.com/mgt780/handouts/missing.htm.
Huisman, M. (2009). Imputation of missing network data: some simple procedures. *Journal of
Social Structure*, 10(1).

Example
-------
>>> import orgnet
>>> network, treated = treat_missing(orgnet.read("survey-folder"), "reconstruct")  # doctest: +SKIP
>>> treated.metadata()["missing"]["ties_reconstructed"]  # doctest: +SKIP
37
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import pandas as pd

from orgnet.errors import InputError, OrgnetError, Problem, Said, shown
from orgnet.model import OrgNetwork
from orgnet.values import is_missing

TREATMENTS = ("keep", "reconstruct")
COLUMN = "responded"
YES = frozenset({"1", "yes", "y", "true", "ja", "j", "sand", "x"})
NO = frozenset({"0", "no", "n", "false", "nej", "falsk"})
FIRST_DATA_ROW = 2  # the header is row 1 of people.csv and of the people sheet
RULES = {
    "keep": "non-respondents keep the ties others reported about them; nothing is added",
    "reconstruct": "for each non-respondent j and each tie i→j reported by someone else, j→i is added "
    "with the same relation, kind and weight (UCINET; Stork & Richards 1992)",
}


def read_yes_no(people: pd.DataFrame, column: str, *, rows: bool = False) -> pd.Series:
    """``column`` as True / False / ``pd.NA`` (empty: not stated), or every unreadable value refused.

    ``rows``: name each refused value's row as well as its person — right only for the people
    table as read (row 2 is its first person), so only the edge (:func:`treat_missing`) asks for it.
    """
    column_values = people[column]
    # read each distinct value once: a people table has 10^5 rows but a handful of spellings
    meaning = {value: _yes_no(value) for value in pd.unique(column_values.astype("object"))}
    values = column_values.astype("object").map(meaning)
    unreadable = values.isin([UNREADABLE]).to_numpy(dtype=bool)
    if unreadable.any():
        positions = unreadable.nonzero()[0]
        raise InputError([
            Problem("people", Said("error.data.missing.yes_no", person=shown(people.index[i]), column=column, value=shown(column_values.iloc[i])),
                    row=int(i) + FIRST_DATA_ROW if rows else None, column=column, value=column_values.iloc[i])
            for i in positions
        ])
    return pd.Series(values.to_numpy(), index=people.index, dtype="boolean", name=column)


UNREADABLE = "unreadable"


def _yes_no(value) -> object:
    """True, False, ``pd.NA`` for an empty cell, or :data:`UNREADABLE`."""
    if is_missing(value):
        return pd.NA
    text = str(value).strip().lower()
    text = text[:-2] if text.endswith(".0") else text  # a spreadsheet's 1.0 / 0.0
    if text in YES:
        return True
    if text in NO:
        return False
    return pd.NA if text in ("", "nan", "<na>", "none") else UNREADABLE


def responded_of(people: pd.DataFrame, *, rows: bool = False) -> pd.Series | None:
    """Who answered the survey (True / False / ``pd.NA``), or None when the table has no ``responded``."""
    return read_yes_no(people, COLUMN, rows=rows) if COLUMN in people.columns else None


def non_respondents(people: pd.DataFrame) -> pd.Series:
    """True for people marked as not having answered; False for everyone else (and without the column)."""
    answered = responded_of(people)
    if answered is None:
        return pd.Series(False, index=people.index)
    return answered.eq(False).fillna(False).astype(bool)


@dataclass(frozen=True)
class MissingData:
    """What the data says about non-response, and what ``--missing`` did about it."""

    treatment: str
    people: int
    respondents: int
    non_respondents: tuple[str, ...]
    reconstructed: int = 0

    def metadata(self) -> dict:
        """The treatment as the outputs' metadata states it (``.meta.json``, the workbook's ``about``)."""
        return {"missing": {
            "treatment": self.treatment, "rule": RULES[self.treatment], "people": self.people, "respondents": self.respondents,
            "non_respondents": len(self.non_respondents), "ties_reconstructed": self.reconstructed,
        }}

    def note(self, lang: str = "en") -> str:
        """One line for the terminal, in ``lang``."""
        from orgnet.i18n import format_number
        from orgnet.texts import texts

        words = texts(lang)
        return words.t(
            f"cli.missing.{self.treatment}",
            count=format_number(len(self.non_respondents), lang),
            people=words.t("count.people", n=self.people),
            ties=words.t("count.tie", n=self.reconstructed),
        )


def treat_missing(network: OrgNetwork, treatment: str = "keep") -> tuple[OrgNetwork, MissingData | None]:
    """The network with ``treatment`` applied to its non-respondents, and what was done.

    Parameters
    ----------
    network : OrgNetwork
        The data as read (the ``responded`` column is checked here, row by row).
    treatment : "keep" or "reconstruct"
        See the module's docstring.

    Returns
    -------
    (OrgNetwork, MissingData or None)
        The network (the same object for ``keep``; with ``reconstruct`` the added ties have
        ``reports`` 0 and ``reconstructed`` True), and None when the data has no ``responded``.

    Notes
    -----
    A tie between two non-respondents was reported by neither and stays unknown (absent).
    Reconstruction assumes the relation is returned: right for "we work together", a guess
    for "I ask her for advice" (Borgatti's handout; Huisman 2009 finds it works best for
    reciprocal relations).
    """
    if treatment not in TREATMENTS:
        raise OrgnetError(Said("error.data.missing.treatment", treatment=treatment, choices=_or(TREATMENTS)))
    answered = responded_of(network.people, rows=True)
    if answered is None:
        if treatment == "reconstruct":
            raise OrgnetError(Said("error.data.missing.no_responded"))
        return network, None
    silent = answered.eq(False).fillna(False).astype(bool)
    missing = tuple(network.people.index[silent.to_numpy()])
    described = MissingData(treatment, len(network.people), int(answered.eq(True).sum()), missing)
    if treatment == "keep" or not missing:
        return network, described
    added = _reconstructed_ties(network.ties, pd.Index(missing))
    ties = pd.concat([network.ties.assign(reconstructed=False), added], ignore_index=True)
    return replace(network, ties=ties), replace(described, reconstructed=len(added))


def _or(items) -> Said | str:
    """``keep or reconstruct`` in the reader's language."""
    items = list(items)
    if len(items) == 1:
        return items[0]
    return Said("error.data.or", first=_or(items[:-1]), last=items[-1])


def _reconstructed_ties(ties: pd.DataFrame, missing: pd.Index) -> pd.DataFrame:
    """j → i for every i → j into a non-respondent j from someone who is not one, unless j → i exists."""
    about = ties[ties["target"].isin(missing) & ~ties["source"].isin(missing)]
    returned = about.assign(source=about["target"].to_numpy(), target=about["source"].to_numpy(), reports=0, reconstructed=True)
    present = pd.MultiIndex.from_frame(ties[["source", "target", "relation"]].astype(str))
    wanted = pd.MultiIndex.from_frame(returned[["source", "target", "relation"]].astype(str))
    return returned[~wanted.isin(present)].reset_index(drop=True)


# --- the response rates, as orgnet survey import reports them --------------------------------------


def response_rates(people: pd.DataFrame) -> pd.DataFrame | None:
    """``level, group, people, responded, rate`` (all; per organisation; per organisation / unit).

    The same table as ``response_rates.csv`` of ``orgnet survey import``; people whose
    ``responded`` is empty are not counted. None without a ``responded`` column.
    """
    answered = responded_of(people)
    if answered is None:
        return None
    stated = answered.notna().to_numpy()
    return rate_table(people[stated], answered[stated].astype(bool))


def rate_table(people: pd.DataFrame, answered: pd.Series) -> pd.DataFrame:
    """The response-rate table of ``people`` given who ``answered`` (booleans): overall, per organisation, per unit."""
    rows = [("all", "all", len(people), int(answered.sum()))]
    for level in ("organisation", "unit"):
        if level not in people.columns:
            continue
        keys = people[level].astype("object").fillna("—")
        if level == "unit" and "organisation" in people.columns:
            keys = people["organisation"].astype("object").fillna("—") + " / " + keys
        grouped = answered.groupby(keys, sort=True)
        rows += [(level, group, int(size), int(count)) for group, size, count in zip(grouped.size().index, grouped.size(), grouped.sum())]
    rates = pd.DataFrame(rows, columns=["level", "group", "people", "responded"])
    rates["rate"] = (rates["responded"] / rates["people"]).round(4)
    return rates
