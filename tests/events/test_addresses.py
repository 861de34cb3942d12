"""Addresses as people write them: both engines' SQL finds what email.utils.getaddresses finds,
and compares them folded (NFC, casefold) as the roster's are."""

from __future__ import annotations

import unicodedata
from email.utils import getaddresses

import pytest

from orgnet.events.addresses import address_key, roster_address
from tests.events.conftest import ENGINES

WRITTEN = [
    '"Ravn, Bent" <bent@example.invalid>, anne@example.invalid',
    '"Ravn; Bent" <Bent@Example.invalid>; "Ærø, Søren" <søren@example.invalid>',
    "Bent Ravn <bent@example.invalid>",
    "bent@example.invalid (Ravn, Bent)",
    " e3@k.dk ; s1@k.dk ",
    "a@b.dk,,c@d.dk",
    "plain@k.dk",
    "STRASSE@k.dk, straße@k.dk",  # one address folded: casefold('ß') is 'ss'
    "Jo\u0308rgen@K.dk",  # o and a combining diaeresis: NFC makes it ö
    "ΟΔΥΣΣΕΥΣ@k.gr",  # casefold gives σ at the end, where lower() gives the final ς
    "",
    'bo@k.dk; "Berg; Anna" <anna@k.dk>',
    "Berg; Anna <anna@k.dk>",  # a CSV cell "Berg; Anna <anna@k.dk>": the quotes were the CSV's
    "Ravn, Bent <bent@k.dk>; Holm; Bo <bo@k.dk>, x@y.dk",
]
# A display name without quotes before a bracketed address is one address; getaddresses also
# gives its first part ("Berg") as an address without a domain, which no roster can hold.
NOT_AS_GETADDRESSES = {
    "Berg; Anna <anna@k.dk>": ["anna@k.dk"],
    "Ravn, Bent <bent@k.dk>; Holm; Bo <bo@k.dk>, x@y.dk": ["bent@k.dk", "bo@k.dk", "x@y.dk"],
}


def expected(text: str) -> list[str]:
    """The reference: the standard library's addresses, folded, distinct (';' separates too)."""
    if text in NOT_AS_GETADDRESSES:
        return NOT_AS_GETADDRESSES[text]
    found = [address.strip() for _, address in getaddresses([text.replace(";", ",")]) if address.strip()]
    return sorted({address_key(address) for address in found})


def _engine(name: str):
    if name == "spark":
        from orgnet.events.spark_engine import SparkEngine

        return SparkEngine(master="local[2]")
    from orgnet.events.duckdb_engine import DuckDBEngine

    return DuckDBEngine()


@pytest.fixture(scope="module", params=ENGINES)
def parsed(request):
    """Every WRITTEN text through the engine's SQL: (recipients list, the text as a sender)."""
    engine = _engine(request.param)
    dialect = engine.dialect
    rows = ", ".join("(" + str(number) + ", '" + text.replace("'", "''") + "')" for number, text in enumerate(WRITTEN))
    try:
        frame = engine.query(
            f"SELECT n, {dialect.addresses(dialect.fold('x'))} AS recipients, {dialect.address(dialect.fold('x'))} AS sender "
            f"FROM (VALUES {rows}) AS t(n, x) ORDER BY n"
        )
    finally:
        engine.close()
    return [(sorted(row.recipients), row.sender) for row in frame.itertuples()]


@pytest.mark.parametrize("number", range(len(WRITTEN)), ids=[text or "empty" for text in WRITTEN])
def test_recipients_as_getaddresses_finds_them(parsed, number):
    assert parsed[number][0] == expected(WRITTEN[number])


@pytest.mark.parametrize(
    ("number", "address"),
    [(0, None), (2, "bent@example.invalid"), (3, "bent@example.invalid"), (6, "plain@k.dk"), (8, "jörgen@k.dk"), (9, "οδυσσευσ@k.gr"),
     (12, "anna@k.dk")],
)
def test_a_sender_written_with_a_display_name_is_its_address(parsed, number, address):
    if address is None:  # '"Ravn, Bent" <bent@…>, anne@…' as a sender: the first bracketed address
        address = "bent@example.invalid"
    assert parsed[number][1] == address


def test_the_roster_folds_as_the_logs_do():
    assert roster_address(" Bent Ravn <BENT@Example.invalid> ") == "bent@example.invalid"
    assert roster_address("STRASSE@k.dk") == roster_address("straße@k.dk") == "strasse@k.dk"
    assert roster_address(unicodedata.normalize("NFD", "Jørgen.Ærø@k.dk")) == "jørgen.ærø@k.dk"
    assert roster_address("   ") is None
    assert roster_address("Berg; Anna <Anna@k.dk>") == roster_address('"Berg; Anna" <anna@k.dk>') == "anna@k.dk"
