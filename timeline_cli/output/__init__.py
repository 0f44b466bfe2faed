"""A chronology written out: every format, the terminal table, atomic writes."""
