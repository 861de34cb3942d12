"""The ``orgnet`` command: a thin click layer over the library.

Each command parses options, makes library calls and prints or writes. Errors are turned into
a message in one place, :class:`OrgnetGroup`: an :class:`OrgnetError` prints its text and
exits with status 1; click keeps status 2 for wrong command-line usage; no traceback reaches
the user.
"""

from __future__ import annotations

import os
import signal
import sys

import click

from orgnet import __version__
from orgnet.errors import InputError, OrgnetError
from orgnet.io.limits import MAX_INPUT_MB, set_max_input_mb

MAX_PROBLEMS_SHOWN = 50


def error_text(error: OrgnetError, lang: str = "en") -> str:
    """The error as the user reads it, in ``lang``; a very long list of problems is cut, with the count."""
    if isinstance(error, InputError):
        return error.text(lang, most=MAX_PROBLEMS_SHOWN)
    return error.text(lang)


class OrgnetFailure(click.ClickException):
    """An :class:`OrgnetError` on the terminal: "Error: …" / "Fejl: …" in the command's language."""

    def __init__(self, error: OrgnetError, lang: str):
        super().__init__(error_text(error, lang))
        self.lang = lang

    def show(self, file=None) -> None:
        from orgnet.texts import texts

        click.echo(texts(self.lang).t("error.prefix", message=self.format_message()), file=file, err=file is None)


class OrgnetUsageError(click.UsageError):
    """click's own usage error (a mistyped option, a missing one, a value its type refuses) in the
    command's language; click's messages about a value's type ("'x' is not a valid integer") are
    click's and stay as click writes them."""

    def __init__(self, error: click.UsageError, lang: str):
        super().__init__(error.format_message(), error.ctx)
        self.error, self.lang = error, lang

    def format_message(self) -> str:
        from orgnet.texts import texts

        words, error = texts(self.lang), self.error
        if isinstance(error, click.NoSuchOption):
            said = words.t("error.usage.no_such_option", option=error.option_name)
            if error.possibilities and len(error.possibilities) == 1:
                return f"{said} {words.t('error.usage.did_you_mean', option=repr(error.possibilities[0]))}"
            if error.possibilities:
                return f"{said} {words.t('error.usage.possible', options=', '.join(sorted(error.possibilities)))}"
            return said
        if isinstance(error, click.MissingParameter) and error.param is not None:
            hint = error.param.get_error_hint(error.ctx)
            return words.t("error.usage.missing_argument" if error.param.param_type_name == "argument" else "error.usage.missing_option", hint=hint)
        if isinstance(error, click.BadParameter) and error.param is not None:
            return words.t("error.usage.invalid_value", hint=error.param.get_error_hint(error.ctx), message=error.message)
        return error.format_message()

    def show(self, file=None) -> None:
        from orgnet.texts import texts

        words, ctx = texts(self.lang), self.ctx
        if ctx is not None:
            usage = ctx.get_usage()
            usage = words.t("error.usage.usage") + usage.removeprefix("Usage:")
            hint = words.t("error.usage.hint", command=ctx.command_path, option="--help")
            click.echo(f"{usage}\n{hint}\n", file=file, err=file is None)
        click.echo(words.t("error.prefix", message=self.format_message()), file=file, err=file is None)


def _asked_lang(args) -> str | None:
    """``--lang da`` or ``--lang=da`` among a command's words, before click has read them."""
    for i, word in enumerate(args):
        if word == "--lang" and i + 1 < len(args):
            return args[i + 1]
        if word.startswith("--lang="):
            return word.partition("=")[2]
    return None


def command_lang(ctx: click.Context) -> str:
    """The language the command was asked to speak (``--lang``, ORGNET_LANG, the locale)."""
    from orgnet.cli.options import LANG_KEY, lang_default
    from orgnet.texts import LANGUAGES

    chosen = ctx.meta.get(LANG_KEY) or _asked_lang(ctx.meta.get(ARGS_KEY, ())) or os.environ.get("ORGNET_LANG") or lang_default()
    return chosen if chosen in LANGUAGES else "en"


class Stopped(Exception):
    """SIGTERM: the command was asked to stop (exit status 128 + 15)."""


def _stop(signum, frame):
    raise Stopped()


ARGS_KEY = "orgnet.args"  # the command's own words, for the language of an error before --lang is read


class OrgnetGroup(click.Group):
    def invoke(self, ctx: click.Context):
        ctx.meta[ARGS_KEY] = [*ctx.protected_args, *ctx.args]
        try:
            return super().invoke(ctx)
        except OrgnetError as error:
            raise OrgnetFailure(error, command_lang(ctx)) from None
        except click.UsageError as error:
            lang = command_lang(ctx)
            if lang == "en" or isinstance(error, OrgnetUsageError):
                raise
            raise OrgnetUsageError(error, lang) from None
        # An interrupt ends quietly: one line, the shell's exit status, no traceback; outputs
        # being written are removed (orgnet.io.atomic), the worker processes are ended.
        except KeyboardInterrupt:
            click.echo("orgnet: interrupted", err=True)
            raise click.exceptions.Exit(130) from None
        except Stopped:
            click.echo("orgnet: stopped", err=True)
            raise click.exceptions.Exit(143) from None
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except OSError as error:
            raise click.ClickException(f"{error.filename or ''}: {error.strerror}".lstrip(": ")) from None


@click.group(cls=OrgnetGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="orgnet")
@click.option(
    "--max-input-mb", type=click.IntRange(min=1), default=MAX_INPUT_MB, show_default=True,
    help="Largest input orgnet reads (a workbook's unpacked size; a CSV, GraphML or GEXF file).",
)
def main(max_input_mb: int) -> None:
    """orgnet — see the network behind the org chart.

    Reads people and ties (a folder of CSV files, .xlsx, .graphml or .gexf), checks them,
    and computes who is central, who bridges and who is isolated.
    """
    set_max_input_mb(max_input_mb)


def _register() -> None:
    from orgnet.cli import analysis, data, demo, events, findings, groups, personal, privacy, scenarios, stats, survey, visual
    from orgnet.cli.paths import guard_every_command

    for module in (data, analysis, findings, personal, groups, visual, privacy, scenarios, demo, survey, events, stats):
        for command in module.COMMANDS:
            guard_every_command(command)  # no command writes before its outputs are checked against its inputs
            main.add_command(command)


_register()


def run() -> None:  # pragma: no cover - the console-script entry point
    signal.signal(signal.SIGTERM, _stop)
    main(prog_name="orgnet")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(run())
