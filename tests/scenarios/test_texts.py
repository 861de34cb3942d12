"""The scenario pages' names for columns, figures and layers, from the catalogue."""

from __future__ import annotations

import pytest

from orgnet.scenarios.texts import label, text


@pytest.mark.parametrize(
    ("name", "english", "danish"),
    [
        ("flag:thin", "flag: thin", "flag: tyndt netværk"),  # the flag's name, not its code, in Danish
        ("flag:no_informal_external", "flag: no_informal_external", "flag: ingen uformel ekstern kontakt"),
        ("unit_first", "unit, first wave", "enhed, første måling"),
        ("degree_informal_external", "contacts (informal external)", "kontakter (uformelle eksterne)"),
        ("betweenness_change", "betweenness, change", "mellemliggende centralitet, ændring"),
        ("pædagogtimer", "pædagogtimer", "pædagogtimer"),  # a name orgnet does not know, as it is
    ],
)
def test_a_label_in_each_language(name, english, danish):
    assert (label(name, "en"), label(name, "da")) == (english, danish)


def test_a_text_keeps_its_fields_for_the_page_to_fill():
    assert text("more_rows", "da").format(shown=50, total=120) == "De første 50 af 120 rækker; regnearket har dem alle."
