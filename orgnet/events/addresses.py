"""E-mail addresses as people write them, reduced to the one key that the roster and the logs share.

A log's sender or recipients may be written ``"Ravn, Bent" <bent@example.invalid>``, ``Bent Ravn
<bent@…>``, ``bent@… (Bent Ravn)`` or plain ``bent@…``, in lists separated by ``,`` or ``;``.
The address is what the standard library's :func:`email.utils.getaddresses` finds: the part in
angle brackets, or the text without its comment in parentheses; a comma or semicolon inside a
quoted display name or a comment does not separate two addresses. ``;`` also separates
(getaddresses reads it as the end of a group, giving an empty address that is dropped). One
difference: a display name written without quotes before an address in angle brackets
(``Berg; Anna <anna@…>``, ``Ravn, Bent <bent@…>``) is one address, where getaddresses would
also give its first part (``Berg``) as an address without a domain.

Two spellings of one address are one person: the key is the address in Unicode NFC, case
folded (:meth:`str.casefold`, so ``STRASSE`` and ``straße`` meet) and NFC again. The engines
compute it in SQL: ASCII text (nearly all addresses) with ``lower``, which equals case folding
there, and the rare non-ASCII text with :func:`address_key` itself (DuckDB, a Python function)
or ICU's normaliser and case folding (Spark, in the JVM).
"""

from __future__ import annotations

import unicodedata
from email.utils import getaddresses

# One address of a list: a display name written without quotes (Outlook's ``Berg; Anna <anna@…>``,
# or a CSV cell whose quotes were the CSV's) with its bracketed address, else a run of quoted
# strings, comments and characters that do not separate. A piece without "@" before a bracketed
# address is part of its name, not an address (getaddresses would give "Berg" as one). The
# groups capture nothing: with capturing groups DuckDB's RE2 takes a slower path (4 times here).
TOKEN = '(?:[^,;"(<>@]*[,;])*[^,;"(<>@]*<[^>]*>|(?:"[^"]*"|[(][^)]*[)]|[^,;"(])+'
ANGLE = "<([^>]*)>"
COMMENT = "[(][^)]*[)]"
FOLD_FUNCTION = "orgnet_address_key"


def address_key(text: str | None) -> str | None:
    """``text`` in NFC, case folded, in NFC again: the form in which addresses are compared."""
    if text is None:
        return None
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", text).casefold())


def roster_address(text: str | None) -> str | None:
    """A roster's e-mail cell as the key its address has in the logs (None if it holds none)."""
    if text is None:
        return None
    found = [address for _, address in getaddresses([str(text)]) if address.strip()]
    found = [address for address in found if "@" in address] or found  # "Berg; Anna <anna@…>": not "Berg"
    return address_key(found[0].strip()) if found else None
