"""The command line: one module per command over one typer app."""
