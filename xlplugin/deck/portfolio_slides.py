"""The portfolio deck: many journeys on a few slides, in the journey deck's style and
template. The answer first (the summary), then the journeys side by side, the phases
as a heat map, the largest gaps across journeys, and the personas' emotion curves."""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION, XL_MARKER_STYLE, XL_TICK_LABEL_POSITION
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.util import Emu, Inches, Pt

from xlplugin.core.analysis.portfolio import JourneySummary, Portfolio, PortfolioGap
from xlplugin.core.analysis.quadrants import QUADRANTS
from xlplugin.deck.frame import Area, Frame
from xlplugin.deck.shapes import GREY, table, text_box
from xlplugin.text import Lang, Text, decimal, long_date

T = Text
SERIES_COLOURS = ("0072B2", "D55E00", "009E73", "CC79A7", "E69F00", "56B4E9", "000000")
"""Okabe-Ito: one colour per persona, each with a marker of its own shape too."""
MARKERS = (XL_MARKER_STYLE.CIRCLE, XL_MARKER_STYLE.SQUARE, XL_MARKER_STYLE.TRIANGLE, XL_MARKER_STYLE.DIAMOND,
           XL_MARKER_STYLE.X, XL_MARKER_STYLE.PLUS, XL_MARKER_STYLE.STAR)
LOW, MID, HIGH = (0xE6, 0x9F, 0x00), (0xFF, 0xFF, 0xFF), (0x56, 0xB4, 0xE9)
TOP = 10
HEAT_COLUMNS = 7
HEAT_ROWS = 9

NOTES = {
    "title": T("An overview of several customer journeys: where each stands, and what to improve first across all of them.",
               "Een overzicht van meerdere klantreizen: waar elk staat, en wat over alle reizen heen eerst beter moet."),
    "summary": T("The answer first: the largest gaps across all journeys (gap score 0-100, comparable between 1-5 and "
                 "1-10 scales) and the moments of truth at risk. The request: an owner and a measurable target for each.",
                 "Eerst het antwoord: de grootste gaps over alle klantreizen (gapscore 0-100, vergelijkbaar tussen schaal "
                 "1-5 en 1-10) en de moments of truth in gevaar. De vraag: een eigenaar en een meetbaar doel voor elk."),
    "journeys": T("Each journey in one row: persona, scenario, size, mean rating on its own scale, its largest gap, "
                  "its moments of truth at risk and the result of the check.",
                  "Elke klantreis op één rij: persona, scenario, omvang, gemiddelde waardering op de eigen schaal, de "
                  "grootste gap, de moments of truth in gevaar en de uitkomst van de controle."),
    "heat": T("The phases that journeys share, side by side: the mean rating per phase per journey. The colour is "
              "the rating's place on that journey's scale: orange low, white middle, blue high; the number says it too.",
              "De fasen die klantreizen delen, naast elkaar: de gemiddelde waardering per fase per reis. De kleur is "
              "de plaats op de schaal van die reis: oranje laag, wit midden, blauw hoog; het getal zegt het ook."),
    "gaps": T("The touchpoints of all journeys ranked together by gap score; only those in 'concentrate here' and "
              "moments of truth at risk. A star marks a moment of truth.",
              "De contactmomenten van alle klantreizen samen gerangschikt op gapscore; alleen 'hier concentreren' en "
              "moments of truth in gevaar. Een ster markeert een moment of truth."),
    "personas": T("One journey drawn for several personas: the mean emotion per shared phase, one line per persona, "
                  "from -2 (very negative) to +2 (very positive). Where the lines part, the personas need different things.",
                  "Eén klantreis voor meerdere persona's: de gemiddelde emotie per gedeelde fase, één lijn per persona, "
                  "van -2 (zeer negatief) tot +2 (zeer positief). Waar de lijnen uiteengaan, hebben de persona's iets anders nodig."),
}


def num(value: float | None, lang: Lang, digits: int = 1) -> str:
    return decimal(value, lang, digits, missing="-")


def _label(j: JourneySummary, numbers: dict[str, int]) -> str:
    return f"J{numbers[j.file]}"


def _lines(text: str, width: int, size: float) -> int:
    """Lines `text` takes in a column `width` EMU wide at `size` pt (half an em per glyph, whole words)."""
    per_line = max(1, int((width / 12700 - 8) / (0.55 * size)))
    count = 0
    for para in text.split("\n"):
        line, n = 0, 1
        for word in para.split():
            need = len(word) + (1 if line else 0)
            if line and line + need > per_line:
                n, line = n + 1, len(word)
            else:
                line += need
        count += n
    return count


def _pages(rows: Sequence[Sequence[str]], headers: Sequence[str], widths: Sequence[float], area: Area,
           size: float, most: int = 99) -> list[list[Sequence[str]]]:
    """The rows split into pages whose wrapped heights fit in `area` (no row cut, none shrunk)."""
    total = sum(widths)
    columns = [area.width * w / total for w in widths]

    def height(row: Sequence[str], s: float) -> float:
        lines = max(_lines(str(v), int(c), s) for v, c in zip(row, columns, strict=True))
        return max(s * 2.1, lines * s * 1.2 + 6) * 12700

    room = area.height - height(headers, size)
    pages: list[list[Sequence[str]]] = [[]]
    used = 0.0
    for row in rows:
        h = height(row, size)
        if pages[-1] and (used + h > room or len(pages[-1]) >= most):
            pages.append([])
            used = 0.0
        pages[-1].append(row)
        used += h
    return pages


def _table_slides(frame: Frame, title: str, notes: str, headers: Sequence[str], rows: Sequence[Sequence[str]],
                  widths: Sequence[float], lang: Lang, size: float = 12, most: int = 99,
                  below: str | None = None) -> list[tuple[Any, Any, list[Sequence[str]]]]:
    probe = frame.prs.slides.add_slide(frame.content_layout)
    area = frame.content_area(probe)
    frame.drop_last()
    foot = int(Pt(_lines(below, area.width, 11) * 11 * 1.25 + 14)) if below else 0
    room = Area(area.left, area.top, area.width, area.height - foot)
    pages = _pages(rows, headers, widths, room, size, most)
    made = []
    for n, page in enumerate(pages, start=1):
        name = title + (f" ({n}/{len(pages)})" if len(pages) > 1 else "")
        slide = frame.add(frame.content_layout, name, notes)
        frame.clear(slide)
        area = frame.content_area(slide)
        shape = table(slide, Area(area.left, area.top, area.width, area.height - foot), headers, page, widths, size)
        if below:
            text_box(slide, Area(area.left, area.bottom - foot + int(Inches(0.1)), area.width, foot - int(Inches(0.1))),
                     [below], largest=11, smallest=10, colour=GREY, role="note", name="table note")
        made.append((slide, shape, page))
    return made


def _title_slide(frame: Frame, portfolio: Portfolio, lang: Lang) -> None:
    n = len(portfolio.journeys)
    slide = frame.add(frame.title_layout, T(f"Portfolio of {n} customer journeys", f"Portfolio van {n} klantreizen").in_(lang),
                      NOTES["title"].in_(lang))
    personas = len({(j.persona or "").strip().casefold() for j in portfolio.read if j.persona})
    rated = len(portfolio.gaps)
    subtitle = T(f"{len(portfolio.read)} journeys read · {personas} personas · {rated} rated touchpoints · ",
                 f"{len(portfolio.read)} reizen gelezen · {personas} persona's · {rated} beoordeelde contactmomenten · ").in_(lang)
    subtitle += long_date(date.today().isoformat(), lang) or ""
    sub = next((s for s in slide.placeholders if s.placeholder_format.type == PP_PLACEHOLDER.SUBTITLE), None)
    if sub is not None:
        sub.text_frame.text = subtitle
    else:
        text_box(slide, Area(int(Inches(0.8)), int(frame.height * 0.62), frame.width - int(Inches(1.6)), int(Inches(0.9))),
                 [subtitle], largest=20)
    frame.clear(slide, {PP_PLACEHOLDER.SUBTITLE})


def _attention(portfolio: Portfolio) -> list[PortfolioGap]:
    """The gaps the deck names: in 'concentrate here', or a moment of truth at risk."""
    return [g for g in portfolio.gaps
            if g.touchpoint.quadrant == "concentrate-here" or g.touchpoint.id in g.journey.moments_at_risk]


def _summary_slide(frame: Frame, portfolio: Portfolio, numbers: dict[str, int], lang: Lang) -> None:
    attention = _attention(portfolio)
    risk = sum(len(j.moments_at_risk) for j in portfolio.read)
    at_risk_journeys = sum(bool(j.moments_at_risk) for j in portfolio.read)
    if attention:
        first = attention[0]
        name = first.touchpoint.touchpoint or first.touchpoint.id
        title = T(f"Fix '{name}' first: the largest gap of {len(portfolio.read)} journeys",
                  f"Eerst '{name}' verbeteren: de grootste gap van {len(portfolio.read)} reizen").in_(lang)
        if len(title) > 80:
            title = T(f"{first.touchpoint.id} in J{numbers[first.journey.file]} is the largest gap of {len(portfolio.read)} journeys",
                      f"{first.touchpoint.id} in J{numbers[first.journey.file]} is de grootste gap van {len(portfolio.read)} reizen").in_(lang)
    else:
        title = T("No touchpoint needs attention first in any journey", "Geen contactmoment vraagt eerst aandacht").in_(lang)
    slide = frame.add(frame.content_layout, title, NOTES["summary"].in_(lang))
    frame.clear(slide)
    area = frame.content_area(slide)
    paras: list[Any] = []
    if attention:
        paras.append((T("The largest gaps across all journeys:", "De grootste gaps over alle reizen:").in_(lang), {"bold": True}))
        for g in attention[:4]:
            t, j = g.touchpoint, g.journey
            star = " ★" if t.moment_of_truth else ""
            paras.append(f"{t.id} {t.touchpoint or ''}{star} · J{numbers[j.file]} {j.name(lang)} ({j.persona or '-'}) · "
                         + T(f"gap {num(t.gap, lang, 0)}", f"gap {num(t.gap, lang, 0)}").in_(lang))
    paras.append((T(f"{risk} moments of truth at risk in {at_risk_journeys} of {len(portfolio.read)} journeys.",
                    f"{risk} moments of truth in gevaar in {at_risk_journeys} van {len(portfolio.read)} reizen.").in_(lang),
                  {"bold": True}))
    unread = [j for j in portfolio.journeys if not j.read]
    invalid = [j for j in portfolio.read if not j.valid]
    if unread or invalid:
        paras.append(T(f"Not in this overview: {len(unread)} files that could not be read; {len(invalid)} journeys "
                       "have errors in their data (run xlplugin check).",
                       f"Niet in dit overzicht: {len(unread)} bestanden die niet te lezen waren; {len(invalid)} reizen "
                       "hebben fouten in de gegevens (draai xlplugin check).").in_(lang))
    paras.append((T("Asked: an owner and a measurable target for each of these gaps, reviewed across journeys.",
                    "Gevraagd: een eigenaar en een meetbaar doel voor elk van deze gaps, over de reizen heen bewaakt.").in_(lang),
                  {"bold": True}))
    text_box(slide, area, paras, largest=20, name="portfolio summary")


def _journeys_slides(frame: Frame, portfolio: Portfolio, numbers: dict[str, int], lang: Lang) -> None:
    headers = [T("#", "#"), T("Journey", "Klantreis"), T("Persona", "Persona"), T("Mean rating", "Gem. waardering"), T("Largest gap", "Grootste gap"),
               T("Moments of truth at risk", "Moments of truth in gevaar"), T("Check", "Controle")]
    rows = []
    for j in portfolio.journeys:
        if not j.read:
            rows.append([_label(j, numbers), j.file.replace("\\", "/").rsplit("/", 1)[-1], "–", "–", "–", "–",
                         T("could not be read", "niet te lezen").in_(lang)])
            continue
        top = j.ranked[:1]
        counts = j.counts or {}
        size = T(f"{len(j.touchpoints)} touchpoints", f"{len(j.touchpoints)} contactmomenten").in_(lang)
        rows.append([
            _label(j, numbers), j.name(lang) + "\n" + " · ".join(x for x in (j.scenario, size) if x), j.persona or "–",
            f"{num(j.mean_rating, lang)} ({j.scale})",
            f"{top[0].id} {top[0].touchpoint or ''} ({num(top[0].gap, lang, 0)})" if top else "–",
            ", ".join(j.moments_at_risk) or "–",
            T(f"{counts.get('error', 0)} errors", f"{counts.get('error', 0)} fouten").in_(lang),
        ])
    risky = sum(bool(j.moments_at_risk) for j in portfolio.read)
    title = T(f"{risky} of {len(portfolio.read)} journeys have moments of truth at risk",
              f"{risky} van {len(portfolio.read)} klantreizen hebben moments of truth in gevaar").in_(lang)
    _table_slides(frame, title, NOTES["journeys"].in_(lang), [h.in_(lang) for h in headers], rows,
                  (0.5, 3.8, 2.2, 1.7, 3.4, 1.7, 1.1), lang, 12)


def _mix(share: float) -> RGBColor:
    share = min(1.0, max(0.0, share))
    a, b, f = (LOW, MID, share * 2) if share <= 0.5 else (MID, HIGH, share * 2 - 1)
    return RGBColor(*(round(x + (y - x) * f) for x, y in zip(a, b, strict=True)))


def _heat_slides(frame: Frame, portfolio: Portfolio, numbers: dict[str, int], lang: Lang) -> None:
    if not portfolio.phases:
        return
    order = {j.file: n for n, j in enumerate(portfolio.journeys)}
    journeys = sorted({j.file: j for p in portfolio.phases for j, _ in p.journeys}.values(), key=lambda j: order[j.file])

    def share(j: JourneySummary, rating: float) -> float:
        low, high = j.scale_range or (1, 5)
        return (rating - low) / (high - low)

    scores = []
    for phase in portfolio.phases:
        shares = [share(j, p.mean_rating) for j, p in phase.journeys if p.mean_rating is not None]
        scores.append((math.fsum(shares) / len(shares) if shares else 1.0, phase.name))
    lowest = min(scores)[1]
    title = T(f"'{lowest}' scores lowest of the phases journeys share", f"'{lowest}' scoort het laagst van de gedeelde fasen").in_(lang)
    key = "; ".join(f"J{numbers[j.file]} {j.name(lang)} ({j.persona or '-'}, {j.scale})" for j in journeys)
    legend = T("Mean rating per phase; colour on each journey's own scale: orange low, white middle, blue high. ",
               "Gemiddelde waardering per fase; kleur op de eigen schaal van de reis: oranje laag, wit midden, blauw hoog. ").in_(lang)
    for c0 in range(0, len(journeys), HEAT_COLUMNS):
        cols = journeys[c0:c0 + HEAT_COLUMNS]
        shown = "; ".join(f"J{numbers[j.file]} {j.name(lang)} ({j.persona or '-'}, {j.scale})" for j in cols)
        rows = []
        for phase in portfolio.phases:
            by = {j.file: p for j, p in phase.journeys}
            rows.append([phase.name, *(num(by[j.file].mean_rating, lang) if j.file in by else "" for j in cols)])
        headers = [T("Phase", "Fase").in_(lang), *(f"J{numbers[j.file]}" for j in cols)]
        widths = (3.0, *([1.3] * len(cols)))
        made = _table_slides(frame, title, NOTES["heat"].in_(lang) + " " + key, headers, rows, widths, lang, 14,
                             most=HEAT_ROWS, below=legend + shown)
        for _, shape, page in made:
            tbl = shape.table
            names = [r[0] for r in page]
            by_phase = {p.name: {j.file: q for j, q in p.journeys} for p in portfolio.phases}
            for r, name in enumerate(names, start=1):
                for c, j in enumerate(cols, start=1):
                    q = by_phase[name].get(j.file)
                    if q is None or q.mean_rating is None:
                        continue
                    cell = tbl.cell(r, c)
                    cell.fill.solid()
                    cell.fill.fore_color.rgb = _mix(share(j, q.mean_rating))
                    for para in cell.text_frame.paragraphs:
                        for run in para.runs:
                            run.font.color.rgb = RGBColor(0x26, 0x26, 0x26)


def _gaps_slides(frame: Frame, portfolio: Portfolio, numbers: dict[str, int], lang: Lang) -> None:
    attention = _attention(portfolio)[:TOP]
    rows = []
    for g in attention:
        t, j = g.touchpoint, g.journey
        star = " ★" if t.moment_of_truth else ""
        rows.append([str(g.rank), f"{t.id} {t.touchpoint or ''}{star}", f"J{numbers[j.file]} {j.name(lang)}",
                     j.persona or "–", t.phase or "–", num(t.gap, lang, 0), QUADRANTS[t.quadrant].in_(lang)])
    in_journeys = len({g.journey.file for g in attention})
    if attention:
        title = T(f"The {len(attention)} largest gaps lie in {in_journeys} of {len(portfolio.read)} journeys",
                  f"De {len(attention)} grootste gaps liggen in {in_journeys} van {len(portfolio.read)} klantreizen").in_(lang)
    else:
        title = T("No touchpoint is in 'concentrate here' in any journey", "Geen contactmoment staat in 'hier concentreren'").in_(lang)
        rows = []
    headers = [T("Rank", "Rang"), T("Touchpoint", "Contactmoment"), T("Journey", "Klantreis"), T("Persona", "Persona"),
               T("Phase", "Fase"), T("Gap", "Gap"), T("Quadrant", "Kwadrant")]
    below = T("★ moment of truth · gap 0-100: important and rated low on the journey's own scale",
              "★ moment of truth · gap 0-100: belangrijk en laag gewaardeerd op de eigen schaal van de reis").in_(lang)
    if rows:
        _table_slides(frame, title, NOTES["gaps"].in_(lang), [h.in_(lang) for h in headers], rows,
                      (0.7, 3.4, 3.0, 2.0, 1.7, 0.8, 1.7), lang, 12, below=below)


def _persona_slides(frame: Frame, portfolio: Portfolio, numbers: dict[str, int], lang: Lang) -> None:
    for group in portfolio.personas:
        phases = [d for d in group.phases if sum(e is not None for e in d.emotions) >= 2]
        if not phases:
            continue
        names = [f"{j.persona or '-'} (J{numbers[j.file]})" for j in group.journeys]
        spreads = []
        for d in phases:
            known = [e for e in d.emotions if e is not None]
            spreads.append((max(known) - min(known), d.name or d.key))
        widest = max(spreads)[1]
        people = " / ".join(j.persona.split(",")[0] if j.persona else "-" for j in group.journeys)
        title = T(f"{people} feel '{widest}' most differently", f"{people} beleven '{widest}' het meest verschillend").in_(lang)
        if len(title) > 85:
            title = T(f"The personas feel '{widest}' most differently", f"De persona's beleven '{widest}' het meest verschillend").in_(lang)
        slide = frame.add(frame.content_layout, title, NOTES["personas"].in_(lang) + " " + (group.title or ""))
        frame.clear(slide)
        area = frame.content_area(slide)
        data = CategoryChartData()
        data.categories = [d.name or d.key for d in phases]
        for i, name in enumerate(names):
            data.add_series(name, [None if d.emotions[i] is None else round(d.emotions[i], 2) for d in phases])
        diffs = [d for d in group.touchpoints if d.spread][:3]
        note = ""
        if diffs:
            note = T("Largest differences in rating per touchpoint: ", "Grootste verschillen in waardering per contactmoment: ").in_(lang)
            note += "; ".join(f"{d.key} {d.name or ''} (" + " / ".join(num(r, lang) for r in d.ratings) + ")" for d in diffs)
        foot = int(Pt(_lines(note, area.width, 12) * 12 * 1.25 + 14)) if note else 0
        shape = slide.shapes.add_chart(XL_CHART_TYPE.LINE_MARKERS, Emu(area.left), Emu(area.top), Emu(area.width),
                                       Emu(area.height - foot), data)
        chart = shape.chart
        chart.font.size = Pt(12)
        chart.has_legend = True
        chart.legend.position = XL_LEGEND_POSITION.TOP
        chart.legend.include_in_layout = False
        chart.category_axis.tick_label_position = XL_TICK_LABEL_POSITION.LOW  # phase names under the plot, not on 0
        axis = chart.value_axis
        axis.minimum_scale, axis.maximum_scale, axis.major_unit = -2, 2, 1
        axis.major_gridlines.format.line.color.rgb = RGBColor(0xD9, 0xD9, 0xD9)
        axis.has_title = True
        axis.axis_title.text_frame.text = T("Emotion (-2 to +2)", "Emotie (-2 tot +2)").in_(lang)
        for i, series in enumerate(chart.plots[0].series):
            colour = RGBColor.from_string(SERIES_COLOURS[i % len(SERIES_COLOURS)])
            series.smooth = False
            series.format.line.color.rgb = colour
            series.format.line.width = Pt(2.5)
            series.marker.style = MARKERS[i % len(MARKERS)]
            series.marker.size = 9
            series.marker.format.fill.solid()
            series.marker.format.fill.fore_color.rgb = colour
        if note:
            text_box(slide, Area(area.left, area.bottom - foot + int(Inches(0.1)), area.width, foot - int(Inches(0.1))),
                     [note], largest=12, smallest=10, colour=GREY, role="note", name="curve note")


def build_portfolio_deck(portfolio: Portfolio, lang: Lang, template: str | Path | None = None) -> Any:
    """The portfolio presentation (python-pptx) in `lang`, in the built-in design or `template`'s."""
    frame = Frame(template)
    numbers = {j.file: n for n, j in enumerate(portfolio.journeys, start=1)}
    _title_slide(frame, portfolio, lang)
    _summary_slide(frame, portfolio, numbers, lang)
    _journeys_slides(frame, portfolio, numbers, lang)
    _heat_slides(frame, portfolio, numbers, lang)
    _gaps_slides(frame, portfolio, numbers, lang)
    _persona_slides(frame, portfolio, numbers, lang)
    return frame.prs
