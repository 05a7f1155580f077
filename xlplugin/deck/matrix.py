"""The priority matrix: a native XY scatter of importance against rating, one series per
quadrant (colour-blind-safe colour and a marker shape of its own), the thresholds as dashed
lines, and the touchpoint IDs as labels placed where they cover no point, line or other
label, each nearer its own point than any other (or joined to it by a leader line). Points that
coincide share one label ("W03, W17"), and so do points too close to be labelled one by one.

Label placement is plain geometry (`place_labels`) over the plot area, whose position in
the chart is fixed by a manual layout, so it can be tested without rendering.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from xlplugin.core.analysis.quadrants import Scale
from xlplugin.core.analysis.ranking import Priorities
from xlplugin.deck.frame import Area
from xlplugin.deck.measure import EMU_PER_PT, text_width

QUADRANT_ORDER = ("concentrate-here", "keep-up", "low-priority", "possible-overkill")
MARKERS = {"concentrate-here": "diamond", "keep-up": "circle", "low-priority": "triangle", "possible-overkill": "square"}
LABEL_SIZE = 11.0
"""Point labels (pt): above the 10 pt floor."""
MARKER_SIZE = 10
IDS_PER_LINE = 3
LABEL_IDS = 15
"""At most this many IDs in one label; a bigger group ends in a count (the appendix names them all)."""
MAX_LABELS = 40
"""At most this many labels in the chart (the most urgent first); the rest are listed beside it."""
ANYWHERE_SPOTS = 4000
"""How many spots, nearest first, a label looks at away from its point before it gives up (a
leader line that would cross another or run through a label rules a spot out)."""
RETRIES = 3
"""How many times the placement is tried again with a label that found no spot put first."""
LEADER_CLEARANCE = 6.0
"""The least room (pt) between a leader line and a point other than its own."""
LABEL_GAP = 3.0
"""The least room (pt) between two labels, so that two groups never read as one."""
LABEL_INSET = 25400
"""A label's inner margin (EMU): 2 pt."""


@dataclass(frozen=True)
class MatrixPoint:
    """One touchpoint in the matrix. `uncertain` gives its marker a white centre (an interval that
    straddles a threshold, or an importance derived from few answers)."""

    id: str
    name: str | None
    rating: float
    importance: float
    quadrant: str
    moment_of_truth: bool = False
    uncertain: bool = False
    gap: float | None = None
    estimate: bool = False
    """A placement without survey answers (typed in the workshop) where other touchpoints have them."""


def matrix_points(priorities: Priorities, uncertain: Sequence[str] | None = None) -> list[MatrixPoint]:
    """The rated touchpoints as matrix points; `uncertain` (IDs) overrides the priorities' own flags."""
    flagged = set(uncertain) if uncertain is not None else None
    surveyed = priorities.uses_responses
    return [MatrixPoint(p.id, p.touchpoint, p.rating, p.importance, p.quadrant, p.moment_of_truth,
                        (p.id in flagged) if flagged is not None else p.uncertain, p.gap,
                        surveyed and p.source == "typed")
            for p in priorities.touchpoints if p.importance is not None and p.rating is not None]


@dataclass(frozen=True)
class Group:
    """Points at the same place: one label."""

    points: tuple[MatrixPoint, ...]

    @property
    def rating(self) -> float:
        return self.points[0].rating

    @property
    def importance(self) -> float:
        return self.points[0].importance

    @property
    def quadrant(self) -> str:
        return self.points[0].quadrant

    @property
    def lines(self) -> list[str]:
        """The label text, a few IDs per line; a star after a moment of truth."""
        return self.wrapped(IDS_PER_LINE)

    def wrapped(self, per_line: int) -> list[str]:
        """The label text with `per_line` IDs on a line; past LABEL_IDS IDs, the rest as a count ("+12")."""
        ids = [p.id + ("★" if p.moment_of_truth else "") for p in self.points]
        if len(ids) > LABEL_IDS:
            ids = [*ids[:LABEL_IDS - 1], f"+{len(ids) - LABEL_IDS + 1}"]
        return [", ".join(ids[i:i + per_line]) + ("," if i + per_line < len(ids) else "")
                for i in range(0, len(ids), per_line)]


def group_points(points: Sequence[MatrixPoint]) -> list[Group]:
    """Points that coincide (to two decimals) as one group each, most urgent first:
    'concentrate here' by gap, then moments of truth, then the other quadrants."""
    groups: dict[tuple[float, float], list[MatrixPoint]] = {}
    for p in points:
        groups.setdefault((round(p.rating, 2), round(p.importance, 2)), []).append(p)

    def urgency(g: list[MatrixPoint]) -> tuple[int, int, float]:
        q = g[0].quadrant
        return (QUADRANT_ORDER.index(q) if q in QUADRANT_ORDER else 9, not any(p.moment_of_truth for p in g),
                -max((p.gap or 0) for p in g))

    return [Group(tuple(g)) for g in sorted(groups.values(), key=urgency)]


@dataclass(frozen=True)
class Box:
    left: float
    top: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.left + self.width

    @property
    def bottom(self) -> float:
        return self.top + self.height

    def overlaps(self, other: Box) -> bool:
        return not (self.right <= other.left or other.right <= self.left
                    or self.bottom <= other.top or other.bottom <= self.top)

    def inside(self, other: Box) -> bool:
        return (self.left >= other.left and self.top >= other.top and self.right <= other.right
                and self.bottom <= other.bottom)


@dataclass(frozen=True)
class Placed:
    group: Group
    box: Box
    """The label's box in EMU on the slide."""
    anchor: tuple[float, float]
    """The point it names (EMU)."""
    leader: bool
    """True when the label sits away from its point and a thin line joins them."""
    lines: tuple[str, ...] = ()
    """The label's text, line by line."""

    @property
    def segment(self) -> tuple[float, float, float, float] | None:
        """The leader line (x1, y1, x2, y2 in EMU) from the point to the nearest edge of the label,
        or None without one."""
        return leader(self.anchor, self.box) if self.leader else None


def leader(anchor: tuple[float, float], box: Box) -> tuple[float, float, float, float]:
    """The line from `anchor` to the nearest point of `box`."""
    x, y = anchor
    return x, y, min(max(x, box.left), box.right), min(max(y, box.top), box.bottom)


def segments_cross(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    """True when the two segments share a point (touching ends included)."""
    def orient(px: float, py: float, qx: float, qy: float, rx: float, ry: float) -> int:
        v = (qx - px) * (ry - py) - (qy - py) * (rx - px)
        return 0 if abs(v) < 1e-6 else (1 if v > 0 else -1)

    def on(px: float, py: float, qx: float, qy: float, rx: float, ry: float) -> bool:
        return min(px, qx) <= rx <= max(px, qx) and min(py, qy) <= ry <= max(py, qy)

    ax, ay, bx, by = a
    cx, cy, dx, dy = b
    o1, o2 = orient(ax, ay, bx, by, cx, cy), orient(ax, ay, bx, by, dx, dy)
    o3, o4 = orient(cx, cy, dx, dy, ax, ay), orient(cx, cy, dx, dy, bx, by)
    if o1 != o2 and o3 != o4:
        return True
    return ((o1 == 0 and on(ax, ay, bx, by, cx, cy)) or (o2 == 0 and on(ax, ay, bx, by, dx, dy))
            or (o3 == 0 and on(cx, cy, dx, dy, ax, ay)) or (o4 == 0 and on(cx, cy, dx, dy, bx, by)))


def segment_hits_box(seg: tuple[float, float, float, float], box: Box) -> bool:
    """True when the segment passes through the inside of `box` (Liang-Barsky clipping)."""
    x1, y1, x2, y2 = seg
    dx, dy = x2 - x1, y2 - y1
    t0, t1 = 0.0, 1.0
    for p, q in ((-dx, x1 - box.left), (dx, box.right - x1), (-dy, y1 - box.top), (dy, box.bottom - y1)):
        if p == 0:
            if q <= 0:
                return False
            continue
        t = q / p
        if p < 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
        if t0 >= t1:
            return False
    return True


LEGEND_SIZE = 12.0


def plot_fractions(chart: Area, legend: Sequence[str]) -> tuple[float, float, float, float]:
    """Where the plot area sits in a chart frame at `chart` (x, y, width, height as fractions of
    the frame), leaving room on the left for the tick labels and the axis title and below for
    them and a legend of `legend` entries (in as many rows as the frame's width needs). Fixed,
    so that labels placed over the plot line up with the points."""
    pt = EMU_PER_PT
    left, right, top = 52 * pt, 14 * pt, 8 * pt
    column = max((text_width(name, LEGEND_SIZE) + 34 for name in legend), default=0) * pt
    per_row = max(1, int((chart.width - 20 * pt) // column)) if column else 1
    rows = -(-len(legend) // per_row) if legend else 0
    bottom = (24 + 26 + rows * LEGEND_SIZE * 1.5 + 12) * pt
    return (left / chart.width, top / chart.height, (chart.width - left - right) / chart.width,
            (chart.height - top - bottom) / chart.height)


def plot_area(chart: Area, fractions: tuple[float, float, float, float]) -> Area:
    """The plot area inside a chart frame placed at `chart` (see plot_fractions)."""
    x, y, w, h = fractions
    return Area(chart.left + int(chart.width * x), chart.top + int(chart.height * y), int(chart.width * w),
                int(chart.height * h))


def to_slide(plot: Area, scale: Scale, rating: float, importance: float) -> tuple[float, float]:
    """Where (rating, importance) lands on the slide (EMU)."""
    span = scale.maximum - scale.minimum
    return (plot.left + plot.width * (rating - scale.minimum) / span,
            plot.bottom - plot.height * (importance - scale.minimum) / span)


def label_box_size(lines: Sequence[str], size: float = LABEL_SIZE) -> tuple[float, float]:
    """Width and height (EMU) of a label of `lines` at `size` pt, with its insets."""
    width = max(text_width(line, size) for line in lines) + 2 * LABEL_INSET / EMU_PER_PT + 2
    return width * EMU_PER_PT, (len(lines) * size * 1.2 + 2 * LABEL_INSET / EMU_PER_PT + 2) * EMU_PER_PT


def place_labels(groups: Sequence[Group], plot: Area, scale: Scale,
                 obstacles: Sequence[Box] = ()) -> tuple[list[Placed], list[Group]]:
    """Labels for `groups` (the first MAX_LABELS, most urgent first), each at the first spot that
    covers no point, no threshold line, no obstacle, no leader line and no label placed before it,
    inside the plot: right beside its point where its letters are NEARER pt nearer that point than
    any other (PLAINLY pt where it can), else away from it, joined to it by a leader line that
    crosses no other leader and runs through no point, label or obstacle. When a label finds no
    spot, or only one across a threshold line from its point, the placement is tried again with
    those labels first, and the better kept (fewer 'concentrate here' labels missing, then fewer
    missing or astray). Points that still have none share a label with the points that huddle
    round them (HUDDLES). Returns the placed labels (in the order of `groups`) and the groups
    without one (listed beside the chart)."""
    xt, yt = to_slide(plot, scale, scale.rating_threshold, scale.importance_threshold)

    def astray(label: Placed) -> bool:
        """True when the label sits across a threshold line from its point."""
        cx, cy = label.box.left + label.box.width / 2, label.box.top + label.box.height / 2
        return (cx < xt) != (label.anchor[0] < xt) or (cy < yt) != (label.anchor[1] < yt)

    def bad(placed: list[Placed], missed: list[Group]) -> list[Group]:
        return missed + [p.group for p in placed if astray(p)]

    def score(placed: list[Placed], missed: list[Group]) -> tuple[int, int]:
        return sum(g.quadrant == "concentrate-here" for g in missed), len(bad(placed, missed))

    def tried(groups: Sequence[Group], retries: int = RETRIES) -> tuple[list[Placed], list[Group]]:
        rank = {id(g): n for n, g in enumerate(groups)}
        order = list(groups[:MAX_LABELS])
        placed, missed = _place_in_order(order, plot, scale, obstacles, groups)
        for _ in range(retries):
            wrong = bad(placed, missed)
            if not wrong:
                break
            ahead = {id(g) for g in wrong}
            front = [g for g in order if id(g) in ahead]
            if all(a is b for a, b in zip(order[:len(front)], front, strict=True)):
                break
            order = [*front, *(g for g in order if id(g) not in ahead)]
            again, missing = _place_in_order(order, plot, scale, obstacles, groups)
            if score(again, missing) >= score(placed, missed):
                break
            placed, missed = again, missing
        placed.sort(key=lambda p: rank[id(p.group)])
        missed.sort(key=lambda g: rank[id(g)])
        return placed, missed + list(groups[MAX_LABELS:])

    def unnamed(missed: list[Group]) -> tuple[int, int]:
        return (sum(p.quadrant == "concentrate-here" for g in missed for p in g.points),
                sum(len(g.points) for g in missed))

    placed, missed = tried(groups)
    for reach in HUDDLES:  # points too close to be told apart one by one: one label for a huddle
        labelled = {id(g) for g in groups[:MAX_LABELS]}
        if not any(id(g) in labelled for g in missed):
            break
        huddled = _huddle(groups, [g for g in missed if id(g) in labelled], plot, scale, reach)
        if len(huddled) < len(groups):
            again, missing = tried(huddled, 1)
            if unnamed(missing) < unnamed(missed):
                groups, placed, missed = huddled, again, missing
    return placed, missed


HUDDLES = (1.6 * MARKER_SIZE, 2.6 * MARKER_SIZE)
"""A point without a label shares one with the points of its quadrant whose centres are this
near (pt; the nearer first): their markers all but touch, or leave no room for a label between
them that stands nearer one than the others."""


def _huddle(groups: Sequence[Group], missed: Sequence[Group], plot: Area, scale: Scale,
            reach: float) -> list[Group]:
    """`groups` with every group of `missed` joined to the others of its quadrant within `reach`
    pt (see HUDDLES), the most urgent points first, in the order of the huddle's most urgent group."""
    reach *= EMU_PER_PT
    where = {id(g): to_slide(plot, scale, g.rating, g.importance) for g in groups}
    grid = _Grid()
    boxes: dict[int, Group] = {}
    for g in groups:
        x, y = where[id(g)]
        box = Box(x, y, 0, 0)
        grid.append(box)
        boxes[id(box)] = g
    home = {id(g): id(g) for g in groups}  # each group's huddle: a union-find over the groups

    def find(k: int) -> int:
        while home[k] != k:
            home[k] = home[home[k]]
            k = home[k]
        return k

    for g in missed:
        x, y = where[id(g)]
        for box in grid.within(Box(x - reach, y - reach, 2 * reach, 2 * reach)):
            other = boxes[id(box)]
            if other.quadrant == g.quadrant and (box.left - x) ** 2 + (box.top - y) ** 2 <= reach * reach:
                home[find(id(other))] = find(id(g))
    huddles: dict[int, list[Group]] = {}
    for g in groups:
        huddles.setdefault(find(id(g)), []).append(g)
    return [Group(tuple(p for member in members for p in member.points))
            for members in huddles.values()]


def _place_in_order(groups: Sequence[Group], plot: Area, scale: Scale, obstacles: Sequence[Box],
                    everyone: Sequence[Group] = ()) -> tuple[list[Placed], list[Group]]:
    """place_labels for `groups` in this order, in one pass; `everyone` (all the groups, labelled
    or not) are the points the labels keep clear of and may not be mistaken for."""
    pt = EMU_PER_PT
    bounds = Box(plot.left, plot.top, plot.width, plot.height)
    half = (MARKER_SIZE / 2 + 2) * pt
    taken = _Grid(obstacles)  # what a label may not cover: labels, threshold lines, obstacles
    solid = _Grid(obstacles)  # what a leader line may not pass through: points, labels, obstacles
    marks = _Marks()
    spots: dict[int, list[tuple[float, float]]] = {}
    for g in everyone or groups:
        for p in g.points:
            x, y = to_slide(plot, scale, p.rating, p.importance)
            marks.append(g, x, y)
            solid.append(_mark(x, y))
            if all(abs(x - a) + abs(y - b) > pt for a, b in spots.get(id(g), ())):
                spots.setdefault(id(g), []).append((x, y))
    xt, _ = to_slide(plot, scale, scale.rating_threshold, scale.minimum)
    _, yt = to_slide(plot, scale, scale.minimum, scale.importance_threshold)
    taken.append(Box(xt - 2 * pt, plot.top, 4 * pt, plot.height))
    taken.append(Box(plot.left, yt - 2 * pt, plot.width, 4 * pt))
    segments: list[tuple[float, float, float, float]] = []
    pad = LABEL_GAP * pt

    def clear(box: Box, far: bool, g: Group, x: float, y: float) -> bool:
        if any(segment_hits_box(seg, box) for seg in segments):
            return False
        if not far:
            return True
        seg, own = leader((x, y), box), [_mark(a, b) for a, b in spots[id(g)]]
        return (not any(segments_cross(seg, other) for other in segments)
                and not any(b not in own and segment_hits_box(seg, b) for b in solid.along(seg)))

    def place(g: Group) -> Placed | None:
        x, y = spots[id(g)][0]
        # A label stays in its point's quadrant: across a threshold line it would claim the wrong one.
        low, important = g.rating <= scale.rating_threshold, g.importance >= scale.importance_threshold
        area = Box(plot.left if low else xt, plot.top if important else yt,
                   (xt - plot.left) if low else (plot.left + plot.width - xt),
                   (yt - plot.top) if important else (plot.top + plot.height - yt))
        # Beside its point, plainly nearer it than any other point, else nearer; else away from it,
        # joined to it by a leader line. A big group may take fewer, longer lines; a crowded quadrant
        # sends the label elsewhere.
        for per_line, region, search, margin in (
                (IDS_PER_LINE, area, _beside, PLAINLY), (IDS_PER_LINE, area, _beside, NEARER),
                (5, area, _beside, NEARER), (8, area, _beside, NEARER), (IDS_PER_LINE, area, _near, 0),
                (5, area, _near, 0), (IDS_PER_LINE, area, _anywhere, 0), (IDS_PER_LINE, bounds, _near, 0),
                (IDS_PER_LINE, bounds, _anywhere, 0)):
            lines = g.wrapped(per_line)
            w, h = label_box_size(lines)
            far = search is not _beside
            for px, py in spots[id(g)] if not far else [(x, y)]:
                for spot in search(px, py, w, h, half, region):
                    box = _inside(spot, region)
                    if (_free(box, region, taken, pad) and not marks.covered(box, pad, g)
                            and (far or marks.nearest_is(g, box, margin)) and clear(box, far, g, px, py)):
                        return Placed(g, box, (px, py), far, tuple(lines))
        return None

    placed: list[Placed] = []
    missed: list[Group] = []
    for g in groups:
        label = place(g)
        if label is None:
            missed.append(g)
            continue
        placed.append(label)
        taken.append(label.box)
        solid.append(label.box)
        if label.segment:
            segments.append(label.segment)
    return placed, missed


def _mark(x: float, y: float) -> Box:
    """The marker of the point at (x, y) with the room a leader line keeps from it (so that the
    line neither grazes the point nor takes the place its own label needs)."""
    r = (MARKER_SIZE / 2 + LEADER_CLEARANCE) * EMU_PER_PT
    return Box(x - r, y - r, 2 * r, 2 * r)


class _Grid:
    """Boxes bucketed by area, so that a new box is tested only against its neighbours."""

    CELL = 36 * EMU_PER_PT

    def __init__(self, boxes: Sequence[Box] = ()):
        self.cells: dict[tuple[int, int], list[Box]] = {}
        for box in boxes:
            self.append(box)

    def _keys(self, box: Box) -> list[tuple[int, int]]:
        c = self.CELL
        return [(i, j) for i in range(int(box.left // c), int(box.right // c) + 1)
                for j in range(int(box.top // c), int(box.bottom // c) + 1)]

    def append(self, box: Box) -> None:
        for key in self._keys(box):
            self.cells.setdefault(key, []).append(box)

    def hits(self, box: Box) -> bool:
        return any(box.overlaps(t) for key in self._keys(box) for t in self.cells.get(key, ()))

    def within(self, box: Box) -> list[Box]:
        """The boxes in the cells `box` touches (each once)."""
        return list({id(b): b for key in self._keys(box) for b in self.cells.get(key, ())}.values())

    def along(self, seg: tuple[float, float, float, float]) -> list[Box]:
        """The boxes in the cells the segment's bounding box touches (each once)."""
        x1, y1, x2, y2 = seg
        near = self._keys(Box(min(x1, x2), min(y1, y2), abs(x2 - x1), abs(y2 - y1)))
        return list({id(b): b for key in near for b in self.cells.get(key, ())}.values())


def _inside(box: Box, bounds: Box) -> Box:
    """`box` moved inside `bounds` where it is out (and an EMU further, against rounding): a label
    by the plot's edge or a threshold line slides along its point's side instead of giving up."""
    dx = (bounds.left - box.left + 1 if box.left < bounds.left else 0.0) - (
        box.right - bounds.right + 1 if box.right > bounds.right else 0.0)
    dy = (bounds.top - box.top + 1 if box.top < bounds.top else 0.0) - (
        box.bottom - bounds.bottom + 1 if box.bottom > bounds.bottom else 0.0)
    return Box(box.left + dx, box.top + dy, box.width, box.height) if dx or dy else box


def _free(box: Box, bounds: Box, taken: _Grid, pad: float) -> bool:
    grown = Box(box.left - pad, box.top - pad, box.width + 2 * pad, box.height + 2 * pad)
    return box.inside(bounds) and not taken.hits(grown)


NEARER = 2.0
"""How much nearer (pt) a label without a leader line must be to its own point than to any
other, so that it reads as that point's: a point more than the test on the rendered deck asks."""
PLAINLY = 6.0
"""The margin a label looks for first (pt), before it settles for NEARER."""


def _ink(box: Box) -> Box:
    """Where a label's letters are drawn in its box: left-aligned after the 2 pt inset, the line's
    ascent to descent inside the 1 pt of room above and below (as LibreOffice draws Carlito)."""
    pt = EMU_PER_PT
    return Box(box.left + 2 * pt, box.top + 2.5 * pt, box.width - 6 * pt, box.height - 5 * pt)


class _Marks:
    """The points' markers (MARKER_SIZE squares) bucketed by area, each with its group."""

    def __init__(self) -> None:
        self.grid = _Grid()
        self.owner: dict[int, int] = {}
        self.own: dict[int, list[Box]] = {}

    def append(self, g: Group, x: float, y: float) -> None:
        r = MARKER_SIZE / 2 * EMU_PER_PT
        square = Box(x - r, y - r, 2 * r, 2 * r)
        self.grid.append(square)
        self.owner[id(square)] = id(g)
        self.own.setdefault(id(g), []).append(square)

    def covered(self, box: Box, pad: float, g: Group) -> bool:
        """True when `box` comes within `pad` of another group's marker (plus 2 pt), or covers its own
        marker's room (2 pt round it)."""
        near = 2 * EMU_PER_PT
        grown = _grow(box, pad + near)
        return any(grown.overlaps(m) if self.owner[id(m)] != id(g) else _grow(box, near).overlaps(m)
                   for m in self.grid.within(grown))

    def nearest_is(self, g: Group, box: Box, margin: float) -> bool:
        """True when the letters of a label at `box` are `margin` pt nearer one of `g`'s markers than
        any other."""
        ink = _ink(box)
        # its own marker measured from letters that end short (the widths are estimates), the
        # others from letters that run on
        short = Box(ink.left, ink.top, ink.width - 2 * EMU_PER_PT, ink.height)
        own = min(_gap(short, m) for m in self.own[id(g)])
        reach = own + margin * EMU_PER_PT
        return not any(self.owner[id(m)] != id(g) and _gap(ink, m) < reach for m in self.grid.within(_grow(ink, reach)))


def _grow(box: Box, by: float) -> Box:
    return Box(box.left - by, box.top - by, box.width + 2 * by, box.height + 2 * by)


def _gap(a: Box, b: Box) -> float:
    """The shortest distance between two boxes (0 when they touch or overlap)."""
    dx = max(b.left - a.right, a.left - b.right, 0.0)
    dy = max(b.top - a.bottom, a.top - b.bottom, 0.0)
    return (dx * dx + dy * dy) ** 0.5


def _beside(x: float, y: float, w: float, h: float, half: float, bounds: Box) -> Iterator[Box]:
    """Spots right beside the point: to its right, left, above and below, then at its corners and
    slid along its sides, a little further out each ring (no leader line)."""
    for ring in range(3):
        d = half + ring * 4.5 * EMU_PER_PT
        c = half + ring * 3.5 * EMU_PER_PT  # a corner spot nearly as near as a side one
        for dx, dy in ((d, -h / 2), (-d - w, -h / 2), (-w / 2, -d - h), (-w / 2, d),
                       (c, -c - h), (-c - w, -c - h), (c, c), (-c - w, c),
                       (d, -h + half), (d, -half), (-d - w, -h + half), (-d - w, -half),
                       (-half, -d - h), (half - w, -d - h), (-half, d), (half - w, d),
                       (d, -h), (d, 0), (-d - w, -h), (-d - w, 0), (0, -d - h), (-w, -d - h), (0, d), (-w, d)):
            yield Box(x + dx, y + dy, w, h)


def _near(x: float, y: float, w: float, h: float, half: float, bounds: Box) -> Iterator[Box]:
    """Spots around the point, in eight directions, a little further out each ring (joined to the
    point by a leader line)."""
    for ring in range(1, 6):
        d = half + ring * 9 * EMU_PER_PT
        for dx, dy in ((d, -h / 2), (-d - w, -h / 2), (-w / 2, -d - h), (-w / 2, d), (d, -d - h),
                       (-d - w, -d - h), (d, d), (-d - w, d)):
            yield Box(x + dx, y + dy, w, h)


def _anywhere(x: float, y: float, w: float, h: float, half: float, bounds: Box) -> Iterator[Box]:
    """Spots in `bounds`, nearest the point first (joined to it by a leader line)."""
    step = 10 * EMU_PER_PT
    spots = [Box(bounds.left + i * step, bounds.top + j * step, w, h)
             for i in range(int((bounds.width - w) // step) + 1) for j in range(int((bounds.height - h) // step) + 1)]
    spots.sort(key=lambda b: (b.left + b.width / 2 - x) ** 2 + (b.top + b.height / 2 - y) ** 2)
    yield from spots[:ANYWHERE_SPOTS]
