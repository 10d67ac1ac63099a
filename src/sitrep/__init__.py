"""sitrep: conflict news reports in, sourced, dated, placed events out."""

__version__ = "0.1.0"
