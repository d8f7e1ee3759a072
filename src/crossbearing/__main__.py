"""``python -m crossbearing``: the command line, the same as the ``crossbearing`` command."""

from crossbearing.cli import main

if __name__ == "__main__":
    main()
