"""``python -m claimlint``."""

from .cli import main

main()
