"""The ``orgnet`` command: a thin click layer over the library.

Each command parses options, makes library calls and prints or writes. Errors are turned into
a message in one place, :class:`OrgnetGroup`: an :class:`OrgnetError` prints its text and
exits with status 1; click keeps status 2 for wrong command-line usage; no traceback reaches
the user.
"""

from __future__ import annotations

import sys

import click

from orgnet import __version__
from orgnet.errors import InputError, OrgnetError

MAX_PROBLEMS_SHOWN = 50


def error_text(error: OrgnetError) -> str:
    """The error as the user reads it; a very long list of problems is cut, with the count."""
    if isinstance(error, InputError) and len(error.problems) > MAX_PROBLEMS_SHOWN:
        shown = InputError(error.problems[:MAX_PROBLEMS_SHOWN])
        rest = len(error.problems) - MAX_PROBLEMS_SHOWN
        head = f"{len(error.problems)} problems in the input (the first {MAX_PROBLEMS_SHOWN} shown):"
        return "\n".join([head, *str(shown).splitlines()[1:], f"  … and {rest} more"])
    return str(error)


class OrgnetGroup(click.Group):
    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except OrgnetError as error:
            raise click.ClickException(error_text(error)) from None
        except (click.exceptions.Exit, click.ClickException, click.Abort, KeyboardInterrupt):
            raise
        except OSError as error:
            raise click.ClickException(f"{error.filename or ''}: {error.strerror}".lstrip(": ")) from None


@click.group(cls=OrgnetGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="orgnet")
def main() -> None:
    """orgnet — see the network behind the org chart.

    Reads people and ties (a folder of CSV files, .xlsx, .graphml or .gexf), checks them,
    and computes who is central, who bridges and who is isolated.
    """


def _register() -> None:
    from orgnet.cli import analysis, data, demo, events, findings, privacy, survey, visual

    for module in (data, analysis, findings, visual, privacy, demo, survey, events):
        for command in module.COMMANDS:
            main.add_command(command)


_register()


def run() -> None:  # pragma: no cover - the console-script entry point
    main(prog_name="orgnet")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(run())
