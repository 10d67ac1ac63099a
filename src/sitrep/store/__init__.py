"""The store: articles and deduplicated events kept in an embedded DuckDB file."""
