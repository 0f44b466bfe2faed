"""Files to documents: reading, readers per format, cleaning, publication dates."""
