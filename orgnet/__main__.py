"""``python -m orgnet`` runs the command-line interface."""

from orgnet.cli import main

main(prog_name="orgnet")
