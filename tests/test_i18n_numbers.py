"""Numbers as a Danish or English reader writes them (CLDR via Babel)."""

from __future__ import annotations

import pytest

from orgnet.i18n import format_number


@pytest.mark.parametrize(
    ("value", "lang", "options", "expected"),
    [
        (1170, "da", {}, "1.170"),
        (1170, "en", {}, "1,170"),
        (0.0093, "da", {}, "0,0093"),
        (14.5, "da", {}, "14,5"),
        (0.41, "da", {"digits": 2}, "0,41"),
        (0.145, "da", {"percent": True, "digits": 1}, "14,5\xa0%"),
        (0.145, "en", {"percent": True, "digits": 1}, "14.5%"),
        (0.41, "da", {"percent": True}, "41\xa0%"),
        (float("nan"), "da", {}, "—"),
        (None, "en", {}, "—"),
    ],
)
def test_format_number(value, lang, options, expected):
    assert format_number(value, lang, **options) == expected
