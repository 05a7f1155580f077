"""The priority matrix's labels where the reader sees them: every label nearer its own marker
than any other (or joined to it by a leader line that runs to its own marker past no other), and
no plotted point without a label unless the slide lists it beside the chart.

Measured on the rendered matrix slides of the decks of generated journeys (tests/helpers/generated.py)
and of the sample workbooks, all rendered by LibreOffice in one call. A label is where its words are
drawn on the PDF page (pdftotext -bbox-layout): the union of the boxes of the words inside its text
box. A marker is the 10 pt square (MARKER_SIZE) around its point, read from the slide: the chart's
frame, its plot area's manual layout, its axes' range and the touchpoint's rating and importance
(slide EMU / 12700 = PDF pt; the page is the slide's size).

"Nearer" is the gap between the label's drawn box and the marker's square (0 when they touch or
cross, else the shortest distance between the two boxes, in pt). A label without a leader line is
*astray* when some other marker is not at least NEARER pt further from it than the nearest of its
own: a label about as near another marker as its own reads as either's. A label with a leader line
is astray when the line does not start on its own marker (within 1 pt of the point) or passes
within CLEAR pt of another marker's square. Points of one label (the same place to two decimals)
are all its own.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE

from xlplugin.core.analysis.ranking import rank_gaps
from xlplugin.core.model import Journey
from xlplugin.deck import words
from xlplugin.deck.matrix import MARKER_SIZE, QUADRANT_ORDER, Box, segment_hits_box

from helpers.decks import build
from helpers.generated import generated_journey, progress_journey
from helpers.pdf import Page, Word, pages_of, render

SEEDS = range(48)
SAMPLES = sorted(Path(__file__).resolve().parents[2].joinpath("samples").glob("*.json"))
NEARER = 1.0
"""How much further (pt) the nearest other marker must be than the label's own."""
LISTED_AT_MOST = 8
"""Of some thousand plotted points, at most this many listed beside the chart instead of labelled."""
CLEAR = 2.0
"""The least gap (pt) between a leader line and a marker other than its own."""
PT = 12700
C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"


def documents() -> dict[str, dict]:
    out = {f"g{seed:02}": generated_journey(seed) for seed in SEEDS}
    out |= {f"progress{seed}": progress_journey(seed) for seed in (0, 2)}
    out |= {f"sample-{path.stem}": json.loads(path.read_text(encoding="utf-8")) for path in SAMPLES}
    return out


def matrix_only(prs) -> int:
    """Keep only the matrix slide of `prs` (one slide renders far faster than a deck); its old number."""
    slides = list(prs.slides)
    [keep] = [n for n, s in enumerate(slides) if any(
        sh.has_chart and sh.chart.chart_type == XL_CHART_TYPE.XY_SCATTER for sh in s.shapes)]
    ids = prs.slides._sldIdLst
    for n, entry in reversed(list(enumerate(ids))):
        if n != keep:
            prs.part.drop_rel(entry.rId)
            ids.remove(entry)
    return keep


@dataclass(frozen=True)
class Rect:
    x0: float
    y0: float
    x1: float
    y1: float

    def gap(self, other: Rect) -> float:
        dx = max(other.x0 - self.x1, self.x0 - other.x1, 0.0)
        dy = max(other.y0 - self.y1, self.y0 - other.y1, 0.0)
        return math.hypot(dx, dy)


def segment_gap(seg: tuple[float, float, float, float], r: Rect) -> float:
    """The shortest distance (pt) between a segment and a rectangle (0 when it crosses it)."""
    x1, y1, x2, y2 = seg
    if segment_hits_box(seg, Box(r.x0, r.y0, r.x1 - r.x0, r.y1 - r.y0)):
        return 0.0
    corners = [(r.x0, r.y0), (r.x1, r.y0), (r.x1, r.y1), (r.x0, r.y1)]
    edges = [(*corners[k], *corners[(k + 1) % 4]) for k in range(4)]
    return min([_point_segment(px, py, seg) for px, py in corners]
               + [_point_segment(x, y, e) for x, y in ((x1, y1), (x2, y2)) for e in edges])


def _point_segment(px: float, py: float, seg: tuple[float, float, float, float]) -> float:
    x1, y1, x2, y2 = seg
    dx, dy = x2 - x1, y2 - y1
    t = 0.0 if dx == dy == 0 else max(0.0, min(1.0, ((px - x1) * dx + (py - y1) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - x1 - t * dx, py - y1 - t * dy)


@dataclass
class Finding:
    astray: list[str]
    """One line per astray label: what it says, its gap to its own marker, and the nearer one."""
    unlabelled: list[str]
    """Plotted IDs in no label and not listed beside the chart."""
    listed: list[str]
    """Plotted IDs without a label, listed beside the chart as not labelled."""
    labels: int
    leaders: int


def marker_points(slide) -> tuple[dict[tuple[float, float], tuple[float, float]], object]:
    """The matrix's points as (rating, importance) -> (x, y) in pt on the page, read from the chart."""
    [frame] = [s for s in slide.shapes if s.has_chart and s.chart.chart_type == XL_CHART_TYPE.XY_SCATTER]
    chart = frame.chart
    manual = chart._chartSpace.find(f"{C}chart/{C}plotArea/{C}layout/{C}manualLayout")
    fx, fy, fw, fh = (float(manual.find(f"{C}{k}").get("val")) for k in ("x", "y", "w", "h"))
    left, top = frame.left + frame.width * fx, frame.top + frame.height * fy
    width, height = frame.width * fw, frame.height * fh
    lo, hi = chart.category_axis.minimum_scale, chart.category_axis.maximum_scale
    assert (chart.value_axis.minimum_scale, chart.value_axis.maximum_scale) == (lo, hi)
    out = {}
    for series in chart.plots[0].series:
        if not series.name.endswith(")"):  # the threshold lines
            continue
        xs = [float(v) for v in series._element.xpath("./c:xVal//c:pt/c:v/text()")]
        ys = [float(v) for v in series._element.xpath("./c:yVal//c:pt/c:v/text()")]
        for r, i in zip(xs, ys, strict=True):
            out[(r, i)] = ((left + width * (r - lo) / (hi - lo)) / PT, (top + height - height * (i - lo) / (hi - lo)) / PT)
    return out, chart


def label_words(shape, page: Page) -> list[Word]:
    """The words drawn inside a label's text box (its box grown by 2 pt)."""
    x0, y0 = shape.left / PT - 2, shape.top / PT - 2
    x1, y1 = (shape.left + shape.width) / PT + 2, (shape.top + shape.height) / PT + 2
    return [w for w in page.words if x0 <= (w.x0 + w.x1) / 2 <= x1 and y0 <= (w.y0 + w.y1) / 2 <= y1]


def beside(slide, page: Page, lang: str, quadrants: dict[str, str]) -> set[str]:
    """The IDs the text beside the chart lists as not labelled in it (by ID, or counted per quadrant),
    when that heading is drawn on the page."""
    heading = words.MATRIX_OTHERS.in_(lang)
    drawn = " ".join(w.text for w in page.words)
    [text] = [s.text_frame.text for s in slide.shapes if s.has_text_frame and heading in s.text_frame.text] or [""]
    if not text or heading.split()[-1] not in drawn:
        return set()
    listed = text.split(heading, 1)[1]
    out = {i for i in quadrants if re.search(rf"\b{i}\b", listed)}
    for code in QUADRANT_ORDER:
        many = words.MATRIX_MANY.in_(lang).format(quadrant=words.QUADRANT[code].in_(lang), n=0).split(" 0 ")[0]
        if re.search(re.escape(many) + r" \d+ ", listed):
            out |= {i for i, q in quadrants.items() if q == code}  # counted: the appendix names them
    return out


def measure(document: dict, slide, page: Page) -> Finding:
    """The matrix slide's labels against its markers (see the module's docstring)."""
    priorities = rank_gaps(Journey.from_document(document))
    plotted = {p.id: (p.rating, p.importance) for p in priorities.touchpoints
               if p.rating is not None and p.importance is not None}
    quadrants = {p.id: p.quadrant for p in priorities.touchpoints if p.id in plotted}
    spots, _ = marker_points(slide)
    assert set(spots) == set(plotted.values())  # the chart draws exactly the rated touchpoints
    half = MARKER_SIZE / 2
    where = {i: spots[v] for i, v in plotted.items()}
    square = {i: Rect(x - half, y - half, x + half, y + half) for i, (x, y) in where.items()}
    leaders = [(s.begin_x / PT, s.begin_y / PT, s.end_x / PT, s.end_y / PT)
               for s in slide.shapes if s.name == "matrix leader"]
    astray, named = [], set()
    labels = [s for s in slide.shapes if s.name == "note: matrix label"]
    for shape in labels:
        drawn = label_words(shape, page)
        text = " ".join(w.text for w in drawn)
        own = {i for i in where if i in {t.strip(",★ ") for t in text.replace("★", " ").split()}}
        named |= own
        if not own or not drawn:
            astray.append(f"{text!r}: names no plotted point")
            continue
        box = Rect(min(w.x0 for w in drawn), min(w.y0 for w in drawn), max(w.x1 for w in drawn),
                   max(w.y1 for w in drawn))
        group = {i for i in where if plotted[i] in {plotted[o] for o in own}}
        sx0, sy0 = shape.left / PT, shape.top / PT
        sx1, sy1 = sx0 + shape.width / PT, sy0 + shape.height / PT
        mine = [seg for seg in leaders if sx0 - 1 <= seg[2] <= sx1 + 1 and sy0 - 1 <= seg[3] <= sy1 + 1]
        if mine:
            [seg] = mine
            start = min(math.hypot(seg[0] - where[i][0], seg[1] - where[i][1]) for i in own)
            passed = [(i, segment_gap(seg, square[i])) for i in where if i not in group]
            near = [f"{i} {g:.1f}" for i, g in passed if g < CLEAR]
            if start > 1 or near:
                astray.append(f"{text!r} (leader from {start:.1f} pt of its point) passes {near}")
            continue
        mine_gap = min(box.gap(square[i]) for i in own)
        others = sorted((box.gap(square[i]), i) for i in where if i not in group)
        if others and others[0][0] < mine_gap + NEARER:
            astray.append(f"{text!r}: {mine_gap:.1f} pt from its own, {others[0][0]:.1f} from {others[0][1]}")
    missing = sorted(set(where) - named)
    for shape in labels:  # a big group's label ends in a count of the IDs it leaves to the appendix
        drawn = " ".join(w.text for w in label_words(shape, page))
        more = re.search(r"\+(\d+)", drawn)
        ids = {i for i in where if re.search(rf"\b{i}\b", drawn)}
        if more and ids:
            rest = [i for i in missing if plotted[i] == plotted[min(ids)]]
            if len(rest) == int(more.group(1)):
                missing = [i for i in missing if i not in rest]
    listed = [i for i in missing if i in beside(slide, page, document["language"], quadrants)]
    return Finding(astray, [i for i in missing if i not in listed], listed, len(labels), len(leaders))


def measured(folder: Path) -> dict[str, Finding]:
    """Every document's deck built, cut to its matrix slide, rendered in one call and measured."""
    docs = documents()
    for name, document in docs.items():
        prs = build(document, document["language"])
        matrix_only(prs)
        prs.save(folder / f"{name}.pptx")
    render([folder / f"{name}.pptx" for name in docs], folder)
    out = {}
    for name, document in docs.items():
        [slide] = Presentation(folder / f"{name}.pptx").slides
        [page] = pages_of(folder / f"{name}.pdf")
        out[name] = measure(document, slide, page)
    return out


@pytest.fixture(scope="module")
def findings(tmp_path_factory) -> dict[str, Finding]:
    return measured(tmp_path_factory.mktemp("matrix"))


def test_the_measure_sees_labels_and_leader_lines(findings):
    assert len(findings) >= 40 + len(SAMPLES)
    assert sum(f.labels for f in findings.values()) >= 300
    assert sum(f.leaders for f in findings.values()) >= 5


def test_every_label_is_nearer_its_own_marker_than_any_other(findings):
    found = [(name, line) for name, f in findings.items() for line in f.astray]
    assert found == []


def test_every_plotted_point_is_labelled_or_listed_beside_the_chart(findings):
    assert [(name, f.unlabelled) for name, f in findings.items() if f.unlabelled] == []


def test_hardly_a_point_is_left_to_the_list_beside_the_chart(findings):
    """A point goes to the list beside the chart only where it is boxed in: in a corner under a
    quadrant's name, or inside a huddle at the plot's edge. Before labels were measured against
    the other markers 33 of these matrices' points were listed there; LISTED_AT_MOST now."""
    listed = [(name, f.listed) for name, f in findings.items() if f.listed]
    assert sum(len(ids) for _, ids in listed) <= LISTED_AT_MOST, listed


if __name__ == "__main__":  # counts: PYTHONPATH=.:tests python tests/deck/test_deck_matrix_labels.py [-v] [DIR]
    import sys
    import tempfile

    keep = [a for a in sys.argv[1:] if not a.startswith("-")]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(keep[0] if keep else tmp)
        folder.mkdir(parents=True, exist_ok=True)
        result = measured(folder)
    verbose = "-v" in sys.argv
    for name, f in result.items():
        if verbose and (f.astray or f.unlabelled or f.listed):
            print(name, f.astray, "unlabelled:", f.unlabelled, "listed:", f.listed)
    print(f"{len(result)} decks, {sum(f.labels for f in result.values())} labels "
          f"({sum(f.leaders for f in result.values())} with a leader): "
          f"{sum(len(f.astray) for f in result.values())} astray, "
          f"{sum(len(f.listed) for f in result.values())} points listed beside instead of labelled, "
          f"{sum(len(f.unlabelled) for f in result.values())} neither labelled nor listed")
