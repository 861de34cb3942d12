"""orgnet — organisational network analysis: who is central, who bridges, who is isolated."""

from orgnet.config import Config, load_config
from orgnet.errors import InputError, OrgnetError, Problem
from orgnet.io import read, write
from orgnet.model import OrgNetwork

__version__ = "0.1.0"

__all__ = ["Config", "InputError", "OrgNetwork", "OrgnetError", "Problem", "load_config", "read", "write", "__version__"]
