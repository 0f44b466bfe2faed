"""The data every stage hands on: documents, events, calendar values, safe text."""
