"""Resolution: merging mentions of one event, within an article and across articles."""
