"""Network feedback: suggested contacts and a personal profile for each person."""
