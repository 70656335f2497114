"""Where the app keeps its data by default: the user's data folder, never the install folder."""
from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_path

APP_NAME = "PA Manager"
DATA_FILE_NAME = "pa-manager.sqlite3"


def default_data_file() -> Path:
    return user_data_path(APP_NAME, appauthor=False) / DATA_FILE_NAME
