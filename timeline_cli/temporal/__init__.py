"""The date grammar: temporal expressions found, and resolved to calendar values."""
