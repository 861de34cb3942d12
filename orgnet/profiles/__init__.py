"""Personal network profiles: one page per person, to hand to that person alone."""
