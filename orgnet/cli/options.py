"""Options and arguments shared by several commands."""

from __future__ import annotations

from pathlib import Path

import click

import orgnet
from orgnet.model import OrgNetwork

data_argument = click.argument("data", type=click.Path(path_type=Path))
config_option = click.option(
    "--config",
    type=click.Path(path_type=Path),
    default=None,
    help="orgnet.toml to use (default: the one inside a data folder, if any).",
)


def read_data(data: Path, config: Path | None) -> OrgNetwork:
    return orgnet.read(data, config=config)
