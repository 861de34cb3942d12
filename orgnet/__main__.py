"""``python -m orgnet`` runs the command-line interface."""

from orgnet.cli import run

run()
