"""Suggested contacts: for each person, the peers whose contact would widen her network most."""
