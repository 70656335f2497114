"""PA Manager: employ personal assistants with a direct payment."""
from pa_manager import dataclass_code

# The one place the version is written; pyproject.toml reads it from here.
__version__ = "0.2.0"

# Before any of the app's record types is made: their generated methods' code is kept between runs.
dataclass_code.install()
