"""What-if scenarios, key players and change over time (two survey waves).

- :mod:`~orgnet.scenarios.changes`: remove, merge and move, applied to a copy of a network;
- :mod:`~orgnet.scenarios.whatif`: the network before and after, side by side;
- :mod:`~orgnet.scenarios.keyplayer`: Borgatti's key player problem (KPP-Neg, KPP-Pos);
- :mod:`~orgnet.scenarios.diff`: two waves of the same population compared;
- :mod:`~orgnet.scenarios.wave`: a simulated second wave of a network.
"""

from orgnet.scenarios.changes import Outcome, Scenario, apply_scenario, parse_scenario, read_scenarios

__all__ = ["Outcome", "Scenario", "apply_scenario", "parse_scenario", "read_scenarios"]
