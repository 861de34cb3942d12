"""The CLI reference (docs/cli.md), generated from the commands' own --help texts.

``make docs`` writes it; a test checks that the file equals what this module generates, so
the reference cannot go stale.
"""

from __future__ import annotations

import click
from click.testing import CliRunner

from orgnet.cli import main


def reference() -> str:
    runner = CliRunner()
    parts = ["# Command-line reference", "", "Generated from `orgnet --help` by `make docs`; do not edit by hand.", ""]
    commands = [[]]
    for name in sorted(main.commands):
        commands.append([name])
        group = main.commands[name]
        if isinstance(group, click.Group):  # `orgnet survey template`, `orgnet survey import`
            commands += [[name, sub] for sub in sorted(group.commands)]
    for command in commands:
        output = runner.invoke(main, [*command, "--help"], prog_name="orgnet", terminal_width=100).output
        parts += [f"## orgnet {' '.join(command)}".rstrip(), "", "```text", output.rstrip(), "```", ""]
    return "\n".join(parts)


if __name__ == "__main__":  # pragma: no cover
    print(reference(), end="")
