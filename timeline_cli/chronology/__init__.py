"""Events to one chronology: merging, sources, corrections, filters, key dates."""
