"""The progress slide: when the Responses sheet has two waves or more, the rating per wave
of the touchpoints that have a target or an action, as a native dot chart with the target
drawn and the significant changes marked, beside a table of the changes and targets, and
the actions that are late."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION, XL_MARKER_STYLE
from pptx.util import Emu, Inches, Pt

from xlplugin.core.analysis.progress import Progress, track_progress
from xlplugin.core.analysis.ranking import Priorities, Priority
from xlplugin.core.model import Journey
from xlplugin.deck.frame import Area, Frame
from xlplugin.deck.measure import EMU_PER_PT, TABLE, text_height, wrapped_lines
from xlplugin.deck.shapes import paginate_rows, table, table_widths, text_box
from xlplugin.deck.story import number
from xlplugin.deck.words import PAGE
from xlplugin.text import Lang, Text, long_date, normalise_name

TABLE_SIZE = TABLE
FOOTER_SIZE = 11.0
COLUMNS = (3.3, 2.1, 2.7, 1.6)
EARLIER, LATEST, TARGET = "A6A6A6", "0072B2", "000000"
"""Okabe-Ito blue for the latest wave, grey for the earlier ones, black for the target."""
UP, DOWN = "▲", "▼"

TITLE_MET = Text("{met} reached the target; {missed} not yet", "{met} haalde het doel; {missed} nog niet")
TITLE_MET_MANY = Text("{met} reached their targets; {missed} not yet", "{met} haalden hun doel; {missed} nog niet")
TITLE_ALL_MET = Text("Every target is reached: {met}", "Elk doel is gehaald: {met}")
TITLE_NONE_MET = Text("No target reached yet: {missed}", "Nog geen doel gehaald: {missed}")
TITLE_SAME = Text("No significant change since {start}", "Geen significante verandering sinds {start}")
HEADERS = (Text("Touchpoint", "Contactmoment"), Text("Rating per wave", "Waardering per meting"),
           Text("Change (p)", "Verandering (p)"), Text("Target", "Doel"))
TARGET_NAME = Text("Target", "Doel")
MET = {True: Text("met", "gehaald"), False: Text("not yet", "nog niet"), None: Text("–", "–")}
KEY = Text("{up} {down} significant change (Welch's t-test, p < 0.05); — target rating. Scale {scale}.",
           "{up} {down} significante verandering (Welch-t-toets, p < 0,05); — doelwaardering. Schaal {scale}.")
OVERDUE = Text("Overdue: {ids} (owners and dates on the actions slide).",
               "Te laat: {ids} (eigenaren en data op de dia met acties).")
OVERDUE_NOTES = Text("Overdue: {items}", "Te laat: {items}")
NO_OVERDUE = Text("No action is overdue (today {today}).", "Geen actie is te laat (vandaag {today}).")
NOTES = Text(
    "How to read: each column is a touchpoint with a target or an improvement action; the dots are its mean "
    "rating in each wave of measurement (grey earlier, blue the latest) and the dash is its target. A triangle "
    "marks a change between the last two waves that is more than chance (Welch's t-test, p < 0.05); a change "
    "without one may be noise. Late actions are listed at the bottom.",
    "Zo lees je dit: elke kolom is een contactmoment met een doel of een verbeteractie; de stippen zijn de "
    "gemiddelde waardering per meting (grijs eerder, blauw de laatste) en het streepje is het doel. Een driehoek "
    "markeert een verandering tussen de laatste twee metingen die meer is dan toeval (Welch-t-toets, p < 0,05); "
    "een verandering zonder driehoek kan ruis zijn. Acties die te laat zijn staan onderaan.",
)



def join_ids(ids: Sequence[str], lang: Lang) -> str:
    """E06, E08 and E10 (E06, E08 en E10)."""
    word = " en " if lang == "nl" else " and "
    return ids[0] if len(ids) == 1 else ", ".join(ids[:-1]) + word + ids[-1]


ROSE = Text("{ids} rose significantly since {start}", "{ids} {verb} significant gestegen sinds {start}")
ROSE_MANY = Text("{n} touchpoints rose significantly since {start}",
                 "{n} contactmomenten zijn significant gestegen sinds {start}")
ACTED_ALL = Text(", after a completed action", ", na een afgeronde actie")
ACTED_BOTH = Text(", both after a completed action", ", allebei na een afgeronde actie")
ACTED_EVERY = Text(", all after a completed action", ", allemaal na een afgeronde actie")
ACTED_SOME = Text(", {n} of them after a completed action", ", waarvan {n} na een afgeronde actie")
FELL = Text("{ids} fell", "{ids} {verb} gedaald")
FELL_FIRST = Text("{ids} fell significantly since {start}", "{ids} {verb} significant gedaald sinds {start}")
FELL_MANY = Text("{n} touchpoints fell", "{n} contactmomenten zijn gedaald")
NOTES_STORY = Text("Significantly higher: {up}. Significantly lower: {down}. After a completed action: {acted}. "
                   "Targets reached: {met}; not yet: {missed}. ",
                   "Significant hoger: {up}. Significant lager: {down}. Na een afgeronde actie: {acted}. "
                   "Doel gehaald: {met}; nog niet: {missed}. ")
TARGETS = Text("{met} of {n} targets reached", "{met} van de {n} doelen gehaald")
NAMED = 4
"""A title names at most this many touchpoints; more are counted."""


def _moved(progress: Progress) -> tuple[list[Priority], list[Priority], set[str]]:
    """The touchpoints that rose and that fell significantly between the last two waves, and the
    touchpoints (normalised IDs) with a completed action."""
    changed = [p for p in progress.touchpoints if p.change is not None and p.change.significant]
    done = {normalise_name(a.action.touchpoint_id) for a in progress.actions if a.action.status == "done"}
    return [p for p in changed if p.change.rating > 0], [p for p in changed if p.change.rating < 0], done  # type: ignore[union-attr]


def progress_title(progress: Progress, lang: Lang) -> str:
    """The finding of the slide: what rose significantly (and how much of it after a completed
    action) and what fell; without a significant change, which targets are met and which not."""
    up, down, done = _moved(progress)
    start = progress.waves[-2] if len(progress.waves) > 1 else "–"

    def verb(ids: list[Priority]) -> str:
        return "is" if len(ids) == 1 else "zijn"

    if up or down:
        parts = []
        if up:
            ids = [p.id for p in up]
            parts.append(ROSE_MANY.in_(lang).format(n=len(up), start=start) if len(up) > NAMED
                         else ROSE.in_(lang).format(ids=join_ids(ids, lang), start=start, verb=verb(up)))
            acted = [p for p in up if normalise_name(p.id) in done]
            if acted and len(acted) == len(up):
                parts[-1] += (ACTED_ALL if len(up) == 1 else ACTED_BOTH if len(up) == 2 else ACTED_EVERY).in_(lang)
            elif acted:
                parts[-1] += ACTED_SOME.in_(lang).format(n=len(acted))
        if down:
            ids = [p.id for p in down]
            if len(down) > NAMED:
                parts.append(FELL_MANY.in_(lang).format(n=len(down)))
            else:
                parts.append((FELL if up else FELL_FIRST).in_(lang).format(ids=join_ids(ids, lang), start=start,
                                                                        verb=verb(down)))
        title = "; ".join(parts)
        met = sum(p.target_met is True for p in progress.touchpoints)
        targets = sum(p.target_met is not None for p in progress.touchpoints)
        if targets and len(title) < 75:
            title += "; " + TARGETS.in_(lang).format(met=met, n=targets)
        return title
    met = [p.id for p in progress.touchpoints if p.target_met is True]
    missed = [p.id for p in progress.touchpoints if p.target_met is False]
    if met and missed:
        title = TITLE_MET_MANY if len(met) > 1 else TITLE_MET
        return title.in_(lang).format(met=join_ids(met, lang), missed=join_ids(missed, lang))
    if met:
        return TITLE_ALL_MET.in_(lang).format(met=join_ids(met, lang))
    if missed:
        return TITLE_NONE_MET.in_(lang).format(missed=join_ids(missed, lang))
    return TITLE_SAME.in_(lang).format(start=start)


def progress_notes(progress: Progress, lang: Lang) -> str:
    """The story in full for the speaker: every touchpoint that rose or fell, those after a completed
    action, and the targets."""
    up, down, done = _moved(progress)
    none = "–"
    ids = lambda ps: join_ids([p.id for p in ps], lang) if ps else none  # noqa: E731
    return NOTES_STORY.in_(lang).format(
        up=ids(up), down=ids(down), acted=ids([p for p in up + down if normalise_name(p.id) in done]),
        met=ids([p for p in progress.touchpoints if p.target_met is True]),
        missed=ids([p for p in progress.touchpoints if p.target_met is False]))


def _mark(p: Priority) -> str:
    c = p.change
    if c is None or not c.significant:
        return ""
    return UP if c.rating > 0 else DOWN


def _chart(slide: Any, area: Area, shown: Sequence[Priority], waves: Sequence[str], lang: Lang,
           scale: tuple[int, int]) -> Any:
    data = CategoryChartData()
    data.categories = [p.id for p in shown]
    for wave in waves:
        data.add_series(wave, [next((w.rating for w in p.waves if w.wave == wave and w.rating is not None), None)
                               for p in shown], number_format="0.0")
    data.add_series(TARGET_NAME.in_(lang), [p.target_rating for p in shown], number_format="0.0")
    frame = slide.shapes.add_chart(XL_CHART_TYPE.LINE_MARKERS, Emu(area.left), Emu(area.top), Emu(area.width),
                                   Emu(area.height), data)
    chart = frame.chart
    chart.font.size = Pt(11)
    chart.has_legend = True
    chart.legend.position = XL_LEGEND_POSITION.BOTTOM
    chart.legend.include_in_layout = False
    axis = chart.value_axis
    axis.minimum_scale, axis.maximum_scale = scale
    axis.major_unit = 1 if scale[1] - scale[0] <= 5 else 2
    axis.has_major_gridlines = True
    axis.major_gridlines.format.line.color.rgb = RGBColor(0xE6, 0xE6, 0xE6)
    plot = chart.plots[0]
    series = list(plot.series)
    for i, s in enumerate(series):
        s.smooth = False
        s.format.line.fill.background()  # dots, not lines: the waves are not a time axis across touchpoints
        s.marker.format.fill.solid()
        if i == len(series) - 1:  # the target
            s.marker.style, s.marker.size = XL_MARKER_STYLE.DASH, 20
            colour = TARGET
        else:
            s.marker.style, s.marker.size = XL_MARKER_STYLE.CIRCLE, 9 if i < len(series) - 2 else 11
            colour = LATEST if i == len(series) - 2 else EARLIER
        s.marker.format.fill.fore_color.rgb = RGBColor.from_string(colour)
        s.marker.format.line.color.rgb = RGBColor.from_string(colour)
    latest = series[-2]
    for k, p in enumerate(shown):
        mark = _mark(p)
        if p.rating is None:
            continue
        label = latest.points[k].data_label
        label.has_text_frame = True
        label.text_frame.text = f"{number(p.rating, lang)} {mark}".strip()
        label.font.size = Pt(11)
        label.font.bold = bool(mark)
        label.position = XL_LABEL_POSITION.RIGHT
    return frame


def _rows(shown: Sequence[Priority], lang: Lang) -> list[list[str]]:
    rows = []
    for p in shown:
        series = " → ".join(number(w.rating, lang, 2) for w in p.waves if w.rating is not None)
        c = p.change
        if c is None:
            change = "–"
        else:
            sign = "+" if c.rating >= 0 else ""
            p_text = "–" if c.p is None else ("< 0,001" if lang == "nl" else "< 0.001") if c.p < 0.001 else number(c.p, lang, 3)
            change = f"{sign}{number(c.rating, lang, 2)} {_mark(p)} (p {p_text})".replace("  ", " ")
        target = "–" if p.target_rating is None else f"{number(p.target_rating, lang)}: {MET[p.target_met].in_(lang)}"
        rows.append([f"{p.id} {p.touchpoint or ''}".strip(), series or "–", change, target])
    return rows


def progress_slides(frame: Frame, journey: Journey, priorities: Priorities, lang: Lang,
                    progress: Progress | None = None) -> list[Any]:
    """The progress slide(s), or none when there are fewer than two waves."""
    progress = progress or track_progress(journey, priorities)
    if len(progress.waves) < 2:
        return []
    acted = {normalise_name(a.action.touchpoint_id) for a in progress.actions}
    # the touchpoints with a target or an action, and every one that changed significantly (the title names them)
    chosen = [p for p in progress.touchpoints
              if p.waves and (p.target_rating is not None or normalise_name(p.id) in acted
                              or (p.change is not None and p.change.significant))]
    if not chosen:
        return []
    scale = (priorities.scale.minimum, priorities.scale.maximum)
    late = [a.action for a in progress.overdue]
    footer_items = "; ".join(f"{a.touchpoint_id} {a.action or ''} ({a.owner or '–'}, {long_date(a.due, lang)})"
                             .replace("  ", " ") for a in late)
    footer = (OVERDUE_NOTES.in_(lang).format(items=footer_items) if late
              else NO_OVERDUE.in_(lang).format(today=long_date(progress.today.isoformat(), lang)))
    area = frame.probe_area()
    if late and (wrapped_lines(footer, area.width / EMU_PER_PT - 11, FOOTER_SIZE, True) or 3) > 2:
        # a footnote stays a footnote: the touchpoints only, the actions in full on the actions slide
        footer = OVERDUE.in_(lang).format(ids=", ".join(dict.fromkeys(a.touchpoint_id for a in late)))
    key = KEY.in_(lang).format(up=UP, down=DOWN, scale=priorities.scale.name)
    title = progress_title(progress, lang)
    headers = [h.in_(lang) for h in HEADERS]
    rows = _rows(chosen, lang)
    # The key and the late actions under chart and table take the height their text needs.
    needed = text_height([key, footer], area.width, FOOTER_SIZE, bold=bool(late)) or area.height / EMU_PER_PT / 3
    bottom = max(int(Inches(0.85)), int((needed + 12) * EMU_PER_PT))
    gap = int(Inches(0.25))
    left_w = int(area.width * 0.46)
    right = Area(area.left + left_w + gap, area.top, area.width - left_w - gap, area.height - bottom)
    widths = table_widths(right, COLUMNS, headers, rows, TABLE_SIZE)
    # The rows per slide by their measured height, not a fixed count.
    pages = paginate_rows(rows, headers, widths, TABLE_SIZE, right.height)
    slides = []
    at = 0
    for n, page in enumerate(pages, start=1):
        shown = chosen[at:at + len(page)]
        at += len(page)
        name = title + (f" {PAGE.in_(lang).format(page=n, pages=len(pages))}" if len(pages) > 1 else "")
        slide = frame.add(frame.content_layout, name, f"{title}. " + progress_notes(progress, lang) + NOTES.in_(lang) + (
            " " + OVERDUE_NOTES.in_(lang).format(items=footer_items) + "." if late else ""))
        frame.clear(slide)
        area = frame.content_area(slide)
        left = Area(area.left, area.top, left_w, area.height - bottom)
        right = Area(left.right + gap, area.top, area.width - left.width - gap, area.height - bottom)
        _chart(slide, left, shown, [w for w in progress.waves if w is not None], lang, scale)
        table(slide, right, headers, list(page), COLUMNS, size=TABLE_SIZE, column_widths=widths)
        text_box(slide, Area(area.left, left.bottom + int(Inches(0.1)), area.width, bottom - int(Inches(0.1))),
                 [key, (footer, {"bold": bool(late)})], largest=FOOTER_SIZE, smallest=FOOTER_SIZE, role="note",
                 name="progress key")
        slides.append(slide)
    return slides
