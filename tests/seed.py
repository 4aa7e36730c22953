"""The seed day the tests run against: the repository's agenda and its time zone."""

from __future__ import annotations

from datetime import timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
AGENDA_FILE = ROOT / "agenda.toml"
CPH = timezone(timedelta(hours=1))
"""The seed day's time zone (Central European Time in November)."""
