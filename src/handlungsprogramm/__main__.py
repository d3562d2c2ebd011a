"""``python -m handlungsprogramm``: the same as the ``handlungsprogramm`` command."""

from handlungsprogramm.cli import main

main()
