"""Privacy by design: keyed pseudonyms (and, with the report, audiences)."""
