"""timeline-cli: turn a folder of news articles into one dated, sourced, merged chronology."""

__version__ = "0.1.0"
