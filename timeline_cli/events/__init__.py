"""Documents to dated events: triggers, types, dates, participants, evidence."""
