"""claimlint: a linter for dietary-supplement marketing copy in Turkish and English."""

__version__ = "0.1.0"
