"""SVG charts drawn in Python: horizontal bars and an indicator's path over the years.

Coordinates are rounded to one decimal so the output is the same on every platform.
Every label goes through :func:`esc`; nothing in a chart comes from a script.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from plancheck.outputs.html._escape import esc

_WIDTH = 440
_ROW = 40
_LABEL_CHARS = 30


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    value: Decimal
    note: str  # printed after the bar: amount and share
    marked: bool = False  # drawn in the warning colour (e.g. money no 专栏 plans)


def _n(value: float) -> str:
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _clip(label: str) -> str:
    return label if len(label) <= _LABEL_CHARS else label[: _LABEL_CHARS - 1] + "…"


def bar_chart(bars: Sequence[Bar], *, title: str, chart_id: str) -> str:
    """One row per bar: the label above, the bar below it with its note at its end."""
    peak = max((bar.value for bar in bars), default=Decimal(0))
    span = _WIDTH - 150  # room on the right for the note of the longest bar
    height = _ROW * len(bars) + 8
    rows = []
    for number, bar in enumerate(bars):
        top = number * _ROW + 4
        width = float(bar.value / peak) * span if peak > 0 else 0.0
        width = max(width, 1.0) if bar.value > 0 else 0.0
        css = "bar bar-marked" if bar.marked else "bar"
        rows.append(
            f'<g class="row"><title>{esc(bar.label)}: {esc(bar.note)}</title>'
            f'<text class="label" x="0" y="{_n(top + 13)}">{esc(_clip(bar.label))}</text>'
            f'<rect class="{css}" x="0" y="{_n(top + 18)}" width="{_n(width)}" height="14" '
            f'rx="2"></rect>'
            f'<text class="note" x="{_n(width + 6)}" y="{_n(top + 29.5)}">{esc(bar.note)}</text>'
            "</g>"
        )
    return (
        f'<svg class="chart bars" id="{esc(chart_id)}" role="img" '
        f'aria-labelledby="{esc(chart_id)}-title" viewBox="0 0 {_WIDTH} {height}" '
        f'width="{_WIDTH}" height="{height}">'
        f'<title id="{esc(chart_id)}-title">{esc(title)}</title>' + "".join(rows) + "</svg>"
    )


@dataclass(frozen=True, slots=True)
class PathPoint:
    year: int
    amount: Decimal
    kind: str  # baseline, target, schedule, actual
    label: str


_PW, _PH, _PAD = 220, 64, 16


def path_chart(points: Sequence[PathPoint], *, title: str) -> str:
    """Baseline → targets as a line, evaluation points (schedule, actual) on top of it.

    Empty when fewer than two points have a year: a single value has no path.
    """
    if len({p.year for p in points}) < 2:
        return ""
    years = [p.year for p in points]
    amounts = [p.amount for p in points]
    low_year, high_year = min(years), max(years)
    low, high = min(amounts), max(amounts)
    spread = high - low or abs(high) or Decimal(1)

    def x(year: int) -> float:
        return _PAD + (year - low_year) / (high_year - low_year) * (_PW - 2 * _PAD)

    def y(value: Decimal) -> float:
        return _PH - 16 - float((value - low) / spread) * (_PH - 30)

    plan = [p for p in points if p.kind in ("baseline", "target")]
    schedule = [p for p in points if p.kind == "schedule"]
    parts = []
    for css, series in (("plan-line", plan), ("schedule-line", schedule)):
        if len(series) >= 2:
            coords = " ".join(f"{_n(x(p.year))},{_n(y(p.amount))}" for p in series)
            parts.append(f'<polyline class="{css}" points="{coords}"></polyline>')
    for point in points:
        cx, cy = _n(x(point.year)), _n(y(point.amount))
        tip = f"<title>{esc(point.label)}</title>"
        if point.kind == "actual":
            parts.append(
                f'<rect class="pt pt-actual" x="{_n(x(point.year) - 4)}" '
                f'y="{_n(y(point.amount) - 4)}" width="8" height="8" '
                f'transform="rotate(45 {cx} {cy})">{tip}</rect>'
            )
        else:
            parts.append(
                f'<circle class="pt pt-{point.kind}" cx="{cx}" cy="{cy}" r="4">{tip}</circle>'
            )
    for year in sorted(set(years)):
        parts.append(f'<text class="year" x="{_n(x(year))}" y="{_PH - 2}">{year}</text>')
    return (
        f'<svg class="chart path" role="img" viewBox="0 0 {_PW} {_PH}" width="{_PW}" '
        f'height="{_PH}"><title>{esc(title)}</title>' + "".join(parts) + "</svg>"
    )
