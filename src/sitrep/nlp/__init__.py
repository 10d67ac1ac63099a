"""The spaCy document: sentences of an article in, parsed sentences out."""
