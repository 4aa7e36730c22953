"""A measured figure: what was measured, the baseline measured beside it, and the budget as
a ratio of the two."""

from __future__ import annotations

import statistics
from dataclasses import dataclass


@dataclass(frozen=True)
class Figure:
    """One row of RESULTS.md: `measured` / `baseline` must be at most `budget`."""

    name: str
    measured: float
    baseline: float
    budget: float
    unit: str
    baseline_name: str
    detail: str = ""

    @property
    def ratio(self) -> float:
        """The measured figure over its baseline."""
        return self.measured / self.baseline if self.baseline else float("inf")

    @property
    def passed(self) -> bool:
        """Whether the ratio is within the budget."""
        return self.ratio <= self.budget

    def row(self) -> str:
        """The figure as a row of the results table."""
        return (
            f"| {self.name} | {_value(self.measured, self.unit)} | {self.baseline_name}: "
            f"{_value(self.baseline, self.unit)} | {self.ratio:.2f} | ≤ {self.budget:g} | "
            f"{'pass' if self.passed else 'MISS'} | {self.detail} |"
        )


def _value(value: float, unit: str) -> str:
    if unit == "s":
        return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"
    return f"{value:.2f} {unit}"


def median(values: list[float]) -> float:
    """The median of `values`."""
    return statistics.median(values)


def p95(values: list[float]) -> float:
    """The 95th percentile of `values` (the value 95 % of them do not exceed)."""
    ordered = sorted(values)
    return ordered[max(0, int(len(ordered) * 0.95) - 1)]
