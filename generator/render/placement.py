"""Placing text labels on a drawing so that they neither overlap each other nor the marks they name."""

from __future__ import annotations

from dataclasses import dataclass

CHAR_WIDTH = 0.6  # average width of a sans-serif character, in font sizes (generous, so estimates do not touch)


@dataclass(frozen=True)
class Box:
    """An axis-aligned rectangle in drawing units."""

    left: float
    top: float
    right: float
    bottom: float

    def overlaps(self, other: Box) -> bool:
        """Whether the two rectangles share any area."""
        return self.left < other.right and other.left < self.right and self.top < other.bottom and other.top < self.bottom


@dataclass(frozen=True)
class Label:
    """Where a label was put: its baseline position and alignment."""

    x: float
    y: float
    anchor: str  # SVG text-anchor: start, middle or end


def text_box(x: float, y: float, text: str, anchor: str, size: float, char_width: float = CHAR_WIDTH) -> Box:
    """The rectangle a line of text takes, given its baseline position and alignment."""
    width = len(text) * size * char_width
    left = x if anchor == "start" else x - width / 2 if anchor == "middle" else x - width
    return Box(left, y - size * 0.85, left + width, y + size * 0.3)


def beside(x: float, y: float, gap: float, size: float) -> list[Label]:
    """Candidate places for a point's label, best first: right, left, above, below, then further up and down."""
    candidates = [Label(x + gap, y + size * 0.35, "start"), Label(x - gap, y + size * 0.35, "end"),
                  Label(x, y - gap - 2, "middle"), Label(x, y + gap + size * 0.9, "middle")]
    for rows in (1, 2, 3):
        for sign in (1, -1):
            dy = sign * rows * size * 1.15
            candidates += [Label(x + gap, y + size * 0.35 + dy, "start"), Label(x - gap, y + size * 0.35 + dy, "end")]
    return candidates


class Placer:
    """Greedy placement: each label takes the first candidate that stays inside and overlaps nothing placed."""

    def __init__(self, width: float, height: float) -> None:
        self.width, self.height = width, height
        self.taken: list[Box] = []

    def reserve(self, box: Box) -> None:
        """Keep labels off a mark."""
        self.taken.append(box)

    def place(self, text: str, candidates: list[Label], size: float, required: bool = True,
              char_width: float = CHAR_WIDTH) -> Label | None:
        """The first free candidate; if none is free, the first one (when the label is required) or None."""
        for label in candidates:
            box = text_box(label.x, label.y, text, label.anchor, size, char_width)
            inside = box.left >= 0 and box.right <= self.width and box.top >= 0 and box.bottom <= self.height
            if inside and not any(box.overlaps(other) for other in self.taken):
                self.taken.append(box)
                return label
        if not required:
            return None
        self.taken.append(text_box(candidates[0].x, candidates[0].y, text, candidates[0].anchor, size))
        return candidates[0]
