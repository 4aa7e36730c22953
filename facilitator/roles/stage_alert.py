"""When the stage flashes an overrun: a few seconds as the slot goes into overtime, then a
short flash at each further minute over, so a speaker notices without a screen that
blinks all the time. Computed from the overrun, not from ticks, so a redraw that comes
late, a restart or a fake clock all give the same answer.
"""

from __future__ import annotations

import math

OVERTIME_FLASH_SECONDS = 5.0
"""How long the stage flashes as a slot goes into overtime."""
REMINDER_EVERY = 60.0
"""Seconds between the short flashes after that, while the overrun lasts."""
REMINDER_SECONDS = 2.0
"""How long each of those flashes."""
FLASH_STEP = 0.5
"""Seconds between a flash's bright and dark halves."""


def flash_window(overrun: float) -> bool:
    """Whether an overrun of `overrun` seconds is inside a flash (none before zero)."""
    if overrun < 0:
        return False
    if overrun < OVERTIME_FLASH_SECONDS:
        return True
    return overrun >= REMINDER_EVERY and overrun % REMINDER_EVERY < REMINDER_SECONDS


def flash_bright(overrun: float) -> bool:
    """Whether the stage is in the bright half of an overtime flash at `overrun` seconds."""
    return flash_window(overrun) and math.floor(overrun / FLASH_STEP) % 2 == 0
