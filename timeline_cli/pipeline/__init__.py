"""The stages run together: parsing, extraction engines, the parse cache."""
