"""`python -m presslint.cli` runs the command line."""

from . import main

main()
