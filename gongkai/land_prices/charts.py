"""Charts drawn on the server as inline SVG: no script and no external
library or CDN, so they show in every browser and in print. Each chart is
paired in its template with a data table holding the same numbers (WCAG
1.1.1: the table is the text alternative); the SVG itself carries a title
and is labelled by its figure caption. Pure: numbers in, markup out."""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

WIDTH, HEIGHT = 720, 320
LEFT, RIGHT, TOP, BOTTOM = 64, 150, 20, 48
# Distinguishable in colour blindness (Okabe-Ito) and told apart by marker.
COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9")
MARKERS = ("circle", "square", "triangle", "diamond", "circle", "square")


@dataclass(frozen=True)
class Series:
    label: str
    values: tuple[Decimal | None, ...]


def _nice_top(value: float) -> float:
    if value <= 0:
        return 1.0
    magnitude = 10 ** (len(str(int(value))) - 1)
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * magnitude:
            return step * magnitude
    return 10.0 * magnitude


def _marker(kind: str, x: float, y: float, colour: str) -> str:
    if kind == "square":
        return f'<rect x="{x - 4:.1f}" y="{y - 4:.1f}" width="8" height="8" fill="{colour}"/>'
    if kind == "triangle":
        return (
            f'<polygon points="{x:.1f},{y - 5:.1f} {x - 5:.1f},{y + 4:.1f} '
            f'{x + 5:.1f},{y + 4:.1f}" fill="{colour}"/>'
        )
    if kind == "diamond":
        return (
            f'<polygon points="{x:.1f},{y - 5:.1f} {x + 5:.1f},{y:.1f} '
            f'{x:.1f},{y + 5:.1f} {x - 5:.1f},{y:.1f}" fill="{colour}"/>'
        )
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{colour}"/>'


def line_chart(
    *, title: str, categories: list[str], series: list[Series], unit: str
) -> SafeString:
    """Lines over ``categories`` (quarters, left to right), one per series;
    a missing value breaks its line."""
    values = [float(v) for s in series for v in s.values if v is not None]
    top = _nice_top(max(values, default=0))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    step = plot_w / max(len(categories) - 1, 1)

    def x(index: int) -> float:
        return LEFT + index * step if len(categories) > 1 else LEFT + plot_w / 2

    def y(value: float) -> float:
        return TOP + plot_h - value / top * plot_h

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'role="img" class="chart" focusable="false"><title>{escape(title)}</title>'
    ]
    for tick in range(5):
        value = top * tick / 4
        ty = y(value)
        parts.append(
            f'<line x1="{LEFT}" y1="{ty:.1f}" x2="{LEFT + plot_w}" y2="{ty:.1f}" '
            f'stroke="#ccc" stroke-width="1"/>'
            f'<text x="{LEFT - 6}" y="{ty + 4:.1f}" text-anchor="end" font-size="12" '
            f'fill="#333">{value:g}</text>'
        )
    parts.append(
        f'<text x="{LEFT}" y="{TOP - 6}" font-size="12" fill="#333">{escape(unit)}</text>'
    )
    label_every = max(1, len(categories) // 8)
    for index, category in enumerate(categories):
        if index % label_every == 0 or index == len(categories) - 1:
            parts.append(
                f'<text x="{x(index):.1f}" y="{TOP + plot_h + 18}" text-anchor="middle" '
                f'font-size="12" fill="#333">{escape(category)}</text>'
            )
    for number, one in enumerate(series):
        colour = COLOURS[number % len(COLOURS)]
        marker = MARKERS[number % len(MARKERS)]
        segment: list[str] = []
        segments: list[list[str]] = [segment]
        for index, value in enumerate(one.values):
            if value is None:
                segment = []
                segments.append(segment)
                continue
            segment.append(f"{x(index):.1f},{y(float(value)):.1f}")
            parts.append(_marker(marker, x(index), y(float(value)), colour))
        for points in segments:
            if len(points) > 1:
                parts.append(
                    f'<polyline points="{" ".join(points)}" fill="none" '
                    f'stroke="{colour}" stroke-width="2"/>'
                )
        ly = TOP + 10 + number * 22
        lx = WIDTH - RIGHT + 16
        parts.append(
            _marker(marker, lx, ly, colour)
            + f'<text x="{lx + 12}" y="{ly + 4}" font-size="13" fill="#111">'
            f"{escape(one.label)}</text>"
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308  # every text above is escaped


def bar_chart(*, title: str, bars: list[tuple[str, Decimal]], unit: str) -> SafeString:
    """One bar per label (the uses of the latest quarter)."""
    top = _nice_top(max((float(v) for _l, v in bars), default=0))
    plot_w, plot_h = WIDTH - LEFT - 40, HEIGHT - TOP - BOTTOM
    slot = plot_w / max(len(bars), 1)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'role="img" class="chart" focusable="false"><title>{escape(title)}</title>',
        f'<text x="{LEFT}" y="{TOP - 6}" font-size="12" fill="#333">{escape(unit)}</text>',
        f'<line x1="{LEFT}" y1="{TOP + plot_h}" x2="{LEFT + plot_w}" '
        f'y2="{TOP + plot_h}" stroke="#333"/>',
    ]
    for index, (label, value) in enumerate(bars):
        height = float(value) / top * plot_h
        bx = LEFT + index * slot + slot * 0.2
        parts.append(
            f'<rect x="{bx:.1f}" y="{TOP + plot_h - height:.1f}" width="{slot * 0.6:.1f}" '
            f'height="{height:.1f}" fill="{COLOURS[index % len(COLOURS)]}"/>'
            f'<text x="{bx + slot * 0.3:.1f}" y="{TOP + plot_h - height - 4:.1f}" '
            f'text-anchor="middle" font-size="12" fill="#111">{value}</text>'
            f'<text x="{bx + slot * 0.3:.1f}" y="{TOP + plot_h + 18}" text-anchor="middle" '
            f'font-size="12" fill="#333">{escape(label)}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308  # every text above is escaped
