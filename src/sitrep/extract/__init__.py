"""Extraction: parsed sentences of an article in, `Event`s out (one module per field group)."""
