"""PA Manager: employ personal assistants with a direct payment."""
from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("pa-manager")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"
