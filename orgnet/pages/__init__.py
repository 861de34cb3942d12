"""The one page frame: every HTML page orgnet writes is rendered by :func:`render` from a template
in ``templates/`` that extends ``base.html.j2`` (head, Content-Security-Policy, the one stylesheet
with its A4 print styles, the confidentiality banner, the footer with audience and k).

The environment's filters write in the page's language, read from the template's ``lang``:
``t`` (the catalogue), ``num``, ``pct``, ``fixed`` (numbers as the reader writes them),
``flagname``, ``column`` and ``value`` (orgnet's codes as words; the user's own values as she
wrote them).
"""

from __future__ import annotations

import secrets
from functools import cache

import jinja2

from orgnet import __version__
from orgnet.compare import DEFAULT_K
from orgnet.texts import check_lang
from orgnet.texts import install as install_catalogue


def _in_page_language(function):
    @jinja2.pass_context
    def filter_(context, value, *args, **options):
        return function(value, context["lang"], *args, **options)

    return filter_


@cache
def environment() -> jinja2.Environment:
    """The one jinja environment of orgnet's pages (autoescaping on: every value is text)."""
    from orgnet.i18n import column_name, flag_name, format_number, value_name

    pages = jinja2.Environment(
        loader=jinja2.PackageLoader("orgnet.pages", "templates"), autoescape=jinja2.select_autoescape(["html", "j2", "css"], default=True)
    )
    install_catalogue(pages)
    pages.filters.update(
        num=_in_page_language(lambda value, lang: format_number(value, lang)),
        pct=_in_page_language(lambda value, lang, digits=None: format_number(value, lang, percent=True, digits=digits)),
        fixed=_in_page_language(lambda value, lang, digits=3: format_number(value, lang, digits=digits)),
        flagname=_in_page_language(lambda code, lang: flag_name(code, lang)),
        column=_in_page_language(lambda name, lang: column_name(str(name), lang)),
        value=_in_page_language(lambda value, lang, attribute: value_name(attribute, value, lang)),
    )
    return pages


def render(template: str, *, lang: str, audience: str = "consultant", k: int = DEFAULT_K, source: str | None = None, **context) -> str:
    """The page ``template`` in ``lang`` for ``audience``; ``context`` is what the template shows.

    A fresh nonce per page lets its own inline scripts run and nothing else.
    """
    check_lang(lang)
    return environment().get_template(template).render(
        lang=lang, audience=audience, k=k, source=source, version=__version__, nonce=secrets.token_urlsafe(16), **context
    )
