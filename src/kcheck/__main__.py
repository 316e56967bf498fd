"""``python -m kcheck``: the same command line as the ``kcheck`` script."""

from kcheck.cli import main

if __name__ == "__main__":
    main()
