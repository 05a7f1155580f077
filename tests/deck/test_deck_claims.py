"""Each slide's title is a claim; on decks of generated journeys, the claim is checked against the
data the deck itself shows (its tables and charts), not against the code that wrote the title:
counts, ranks and drivers agree, and a gap in the ranks is explained on the slide."""

from __future__ import annotations

import re

import pytest

from xlplugin.core.analysis.quadrants import QUADRANTS
from xlplugin.deck import words

from helpers.comments import add_comments
from helpers.decks import build
from helpers.generated import generated_journey, progress_journey, with_blueprint

DOCUMENTS = {f"g{seed:02}": with_blueprint(add_comments(generated_journey(seed), seed), seed) for seed in range(40)}
DOCUMENTS |= {f"progress{seed}": add_comments(progress_journey(seed), seed) for seed in (0, 1, 2, 3)}


def _titled(prs, *starts):
    return [s for s in prs.slides if s.shapes.title is not None and s.shapes.title.text.startswith(starts)]


def _table_rows(slide):
    [shape] = [s for s in slide.shapes if s.has_table]
    rows = [[c.text for c in r.cells] for r in shape.table.rows]
    return rows[0], rows[1:]


def _appendix(prs, lang):
    rows = []
    for slide in _titled(prs, words.APPENDIX_TITLE.in_(lang)):
        headers, body = _table_rows(slide)
        rows += [dict(zip(headers, r, strict=True)) for r in body]
    return rows


@pytest.fixture(scope="module")
def decks():
    return {name: build(d, d["language"]) for name, d in DOCUMENTS.items()}


def test_the_summary_and_matrix_count_what_the_appendix_lists(decks):
    wrong = []
    for name, prs in decks.items():
        lang = DOCUMENTS[name]["language"]
        rows = _appendix(prs, lang)
        concentrate = sum(r[words.APPENDIX_HEADERS[9].in_(lang)] == QUADRANTS["concentrate-here"].in_(lang) for r in rows)
        summary = prs.slides[1].shapes.title.text
        if (m := re.match(r"(\d+) (touchpoints?|contactmoment)", summary)) and int(m.group(1)) != concentrate:
            wrong.append((name, summary, concentrate))
        for slide in prs.slides:
            title = slide.shapes.title.text if slide.shapes.title is not None else ""
            m = re.match(r"(\d+) (?:of|van de) (\d+) (?:touchpoints|contactmomenten)", title)
            if m and (int(m.group(1)), int(m.group(2))) != (concentrate, len(rows)):
                wrong.append((name, title, concentrate, len(rows)))
    assert wrong == []


def test_the_gaps_table_leads_with_the_gap_its_title_names_and_explains_missing_ranks(decks):
    wrong, explained = [], 0
    for name, prs in decks.items():
        lang = DOCUMENTS[name]["language"]
        prefix = words.STORY["gaps"].in_(lang).split("{")[0]
        slides = _titled(prs, prefix)
        if not slides:
            continue
        ranks, first = [], None
        for slide in slides:
            _, body = _table_rows(slide)
            first = first or body[0]
            ranks += [int(r[0]) for r in body if r[0].isdigit()]
        named = re.search(r"“(.+?)”", slides[0].shapes.title.text)
        if first[0] != "1" or (named and named.group(1).rstrip("…") not in first[1]):
            wrong.append((name, "title", slides[0].shapes.title.text, first[:2]))
        if ranks != sorted(ranks):
            wrong.append((name, "order", ranks))
        if ranks != list(range(1, len(ranks) + 1)):
            notes = [s for slide in slides for s in slide.shapes if s.name == "note: table note"]
            if len(notes) != len(slides) or not all(n.text_frame.text.startswith("#:") for n in notes):
                wrong.append((name, "unexplained ranks", ranks))
            explained += 1
    assert wrong == [] and explained >= 5


def test_the_importance_title_names_the_strongest_drivers_on_its_chart(decks):
    wrong, checked = [], 0
    for name, prs in decks.items():
        claim = re.compile(r" (?:(?:is|are) most closely tied to the overall rating|(?:hangt|hangen) het sterkst samen)")
        slides = [s for s in prs.slides if s.shapes.title is not None and claim.search(s.shapes.title.text)]
        if not slides:
            continue
        derived = []
        for slide in slides:
            [chart] = [s.chart for s in slide.shapes if s.has_chart]
            categories = list(chart.plots[0].categories)
            derived += [(v, c.split()[0]) for c, v in zip(categories, chart.plots[0].series[1].values, strict=True)]
        title = slides[0].shapes.title.text
        named = set(re.findall(r"G\d\d", claim.split(title)[0]))
        shown = {c: v for v, c in derived}
        # the drivers named have the longest bars, longer than every other one's
        if not named or len(named) > 2 or min(shown[c] for c in named) <= max(
                [v for c, v in shown.items() if c not in named] + [0]):
            wrong.append((name, title, sorted(derived, reverse=True)[:3]))
        checked += 1
    assert wrong == [] and checked >= 5


def test_the_progress_title_says_what_the_table_marks(decks):
    wrong, checked = [], 0
    for name, prs in decks.items():
        for slide in prs.slides:
            title = slide.shapes.title.text if slide.shapes.title is not None else ""
            if not re.search(r"rose significantly|fell significantly|significant gestegen|significant gedaald| fell| gedaald",
                             title):
                continue
            ups, downs = set(), set()
            for s in prs.slides:
                if s.shapes.title is not None and s.shapes.title.text.split(" (")[0] == title.split(" (")[0]:
                    _, body = _table_rows(s)
                    ups |= {r[0].split()[0] for r in body if "▲" in r[2]}
                    downs |= {r[0].split()[0] for r in body if "▼" in r[2]}
            said = title.split(";")
            rose = next((p for p in said if "rose" in p or "gestegen" in p), "")
            fell = next((p for p in said if "fell" in p or "gedaald" in p), "")
            for part, marked in ((rose, ups), (fell, downs)):
                count = re.match(r"\s*(\d+) (touchpoints|contactmomenten)", part)
                if (count and int(count.group(1)) != len(marked)) or (not count and set(re.findall(r"G\d\d", part)) != marked):
                    wrong.append((name, title, sorted(ups), sorted(downs)))
            checked += 1
            break
    assert wrong == [] and checked >= 3


def test_the_actions_title_counts_what_its_table_shows(decks):
    """'9 acties: 3 gereed, 2 te laat en 2 prioriteiten zonder actie': each count is the table's."""
    wrong, checked = [], 0
    for name, prs in decks.items():
        lang = DOCUMENTS[name]["language"]
        start = words.STORY["actions"].in_(lang).split("{")[1].split("}")[1]  # ' actions: ' / ' acties: '
        slides = [s for s in prs.slides if s.shapes.title is not None and start in s.shapes.title.text
                  and any(sh.has_table for sh in s.shapes)]
        if not slides:
            continue
        rows = [r for s in slides for r in _table_rows(s)[1]]
        title = slides[0].shapes.title.text
        none = words.NO_ACTION_YET.in_(lang)
        counts = {
            r"(\d+) (?:priorities without an action|prioriteiten zonder actie)|(1) (?:priority without|prioriteit zonder)":
                sum(none in r[1] for r in rows),
            r"(\d+) (?:done|gereed)": sum(r[5].startswith(("Done", "Gereed")) for r in rows),
            r"(\d+) (?:overdue|te laat)": sum(words.STORY["late"].in_(lang) in r[5] for r in rows),
        }
        for pattern, seen in counts.items():
            m = re.search(pattern, title)
            said = int(next(g for g in m.groups() if g)) if m else 0
            if said != seen:
                wrong.append((name, title, pattern, seen))
        if not re.match(r"(\d+) ", title) or int(title.split()[0]) != sum(none not in r[1] for r in rows):
            wrong.append((name, title, "actions", len(rows)))
        checked += 1
    assert wrong == [] and checked >= 10
