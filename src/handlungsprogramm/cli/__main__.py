"""``python -m handlungsprogramm.cli``: the command, as when cli was a single module."""

from handlungsprogramm.cli import main

main()
