"""A portfolio of journeys: one summary per workbook, the priority gaps of all of them
ranked together, the phases they share side by side, and the personas of one journey.

Pure data: the summaries are made where each workbook is read (often in another
process) and hold only what the overview needs, so a portfolio of hundreds of
journeys costs little memory.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, NamedTuple

from xlplugin.core.analysis.ranking import Priorities
from xlplugin.core.model import Journey
from xlplugin.core.report import Report
from xlplugin.text import Lang, Text, normalise_name

TOP_GAPS = 3
"""Top gaps listed per journey."""


class TouchpointSummary(NamedTuple):
    """One touchpoint as the portfolio sees it."""

    id: str
    touchpoint: str | None
    phase: str | None
    importance: float | None
    rating: float | None
    emotion: float | None
    gap: float | None
    quadrant: str
    moment_of_truth: bool
    rank: int | None
    weight: float
    """Importance as a share of its scale (0..1): ties across scales are broken on it."""


@dataclass(frozen=True)
class PhaseSummary:
    name: str
    mean_rating: float | None
    mean_emotion: float | None


@dataclass(frozen=True)
class JourneySummary:
    """What the portfolio keeps of one workbook; `error` says why it could not be read."""

    file: str
    title: str | None = None
    objective: str | None = None
    persona: str | None = None
    scenario: str | None = None
    language: Lang | None = None
    scale: str | None = None
    scale_range: tuple[int, int] | None = None
    counts: dict[str, int] | None = None
    touchpoints: tuple[TouchpointSummary, ...] = ()
    phases: tuple[PhaseSummary, ...] = ()
    moments_at_risk: tuple[str, ...] = ()
    error: Text | None = None

    @property
    def read(self) -> bool:
        return self.error is None

    @property
    def valid(self) -> bool:
        return self.error is None and (self.counts or {}).get("error", 0) == 0

    @property
    def ranked(self) -> tuple[TouchpointSummary, ...]:
        return tuple(sorted((t for t in self.touchpoints if t.rank is not None), key=lambda t: t.rank or 0))

    @property
    def mean_rating(self) -> float | None:
        ratings = [t.rating for t in self.touchpoints if t.rating is not None]
        return math.fsum(ratings) / len(ratings) if ratings else None

    def name(self, lang: Lang = "en") -> str:
        """The journey's title, else its file name."""
        return self.title or self.file.replace("\\", "/").rsplit("/", 1)[-1]

    def to_dict(self, lang: Lang = "en") -> dict[str, Any]:
        """One entry of ``portfolio --format json`` "journeys" (docs/design.md, Portfolio)."""
        return {
            "file": self.file, "title": self.title, "persona": self.persona, "scenario": self.scenario,
            "valid": self.valid, "counts": self.counts,
            "touchpoints": len(self.touchpoints) if self.read else None,
            "mean_rating": _r2(self.mean_rating),
            "top_gaps": [{"id": t.id, "touchpoint": t.touchpoint, "gap": _r2(t.gap), "quadrant": t.quadrant}
                         for t in self.ranked[:TOP_GAPS]],
            "moments_of_truth_at_risk": list(self.moments_at_risk),
            "error": self.error.in_(lang) if self.error else None,
        }


def _r2(x: float | None) -> float | None:
    return None if x is None else round(x, 2)


def summarise(file: str, journey: Journey, report: Report, priorities: Priorities) -> JourneySummary:
    """The summary of one journey that was read, checked and ranked."""
    scale = priorities.scale
    span = scale.maximum - scale.minimum
    tps = tuple(
        TouchpointSummary(p.id, p.touchpoint, p.phase, p.importance, p.rating, p.emotion, p.gap, p.quadrant,
                          p.moment_of_truth, p.rank,
                          0.0 if p.importance is None else (p.importance - scale.minimum) / span)
        for p in priorities.touchpoints
    )
    phases = tuple(PhaseSummary(v.name, v.mean_rating, v.mean_emotion) for v in priorities.phases)
    return JourneySummary(
        file, journey.info.title, journey.info.objective, journey.persona.name, journey.info.scenario,
        report.language or journey.language, scale.name, (scale.minimum, scale.maximum), report.counts, tps,
        phases, tuple(p.id for p in priorities.moments_at_risk),
    )


@dataclass(frozen=True)
class PortfolioGap:
    """A touchpoint's place among the gaps of all journeys."""

    journey: JourneySummary
    touchpoint: TouchpointSummary
    rank: int

    def to_dict(self) -> dict[str, Any]:
        j, t = self.journey, self.touchpoint
        return {"file": j.file, "title": j.title, "persona": j.persona, "id": t.id, "touchpoint": t.touchpoint,
                "phase": t.phase, "gap": _r2(t.gap), "quadrant": t.quadrant}


@dataclass(frozen=True)
class SharedPhase:
    """A phase that two or more journeys have (matched by name), with each one's mean rating."""

    name: str
    journeys: tuple[tuple[JourneySummary, PhaseSummary], ...]

    def to_dict(self) -> dict[str, Any]:
        return {"phase": self.name, "ratings": {j.file: _r2(p.mean_rating) for j, p in self.journeys}}


@dataclass(frozen=True)
class PersonaDifference:
    """One touchpoint (same ID) or phase (same name) seen through the personas of a group."""

    key: str
    name: str | None
    ratings: tuple[float | None, ...]
    emotions: tuple[float | None, ...]

    @property
    def spread(self) -> float | None:
        known = [r for r in self.ratings if r is not None]
        return max(known) - min(known) if len(known) >= 2 else None


@dataclass(frozen=True)
class PersonaGroup:
    """Journeys whose titles or objectives match but whose personas differ."""

    journeys: tuple[JourneySummary, ...]
    touchpoints: tuple[PersonaDifference, ...]
    phases: tuple[PersonaDifference, ...]

    @property
    def title(self) -> str | None:
        return self.journeys[0].title

    def to_dict(self) -> dict[str, Any]:
        files = [j.file for j in self.journeys]

        def by_file(values: tuple[float | None, ...]) -> dict[str, float | None]:
            return {f: _r2(v) for f, v in zip(files, values, strict=True) if v is not None}

        return {
            "title": self.title,
            "journeys": [{"file": j.file, "title": j.title, "persona": j.persona} for j in self.journeys],
            "touchpoints": [{"id": d.key, "touchpoint": d.name, "ratings": by_file(d.ratings),
                             "emotions": by_file(d.emotions), "spread": _r2(d.spread)} for d in self.touchpoints],
            "phases": [{"phase": d.name, "ratings": by_file(d.ratings), "emotions": by_file(d.emotions),
                        "spread": _r2(d.spread)} for d in self.phases],
        }


@dataclass(frozen=True)
class Portfolio:
    """Many journeys at once."""

    journeys: tuple[JourneySummary, ...]
    gaps: tuple[PortfolioGap, ...]
    phases: tuple[SharedPhase, ...]
    personas: tuple[PersonaGroup, ...]

    @property
    def read(self) -> tuple[JourneySummary, ...]:
        return tuple(j for j in self.journeys if j.read)

    @property
    def exit_code(self) -> int:
        """0 when every journey was read without errors, 1 when any has errors or could not
        be read, 2 when none could be read."""
        if not self.read:
            return 2
        return 0 if all(j.valid for j in self.journeys) else 1

    def language(self) -> Lang | None:
        """The journeys' language when they all have the same one."""
        langs = {j.language for j in self.read}
        return langs.pop() if len(langs) == 1 else None

    def to_dict(self, lang: Lang = "en", top: int | None = None) -> dict[str, Any]:
        """``portfolio --format json`` (docs/design.md, Portfolio), with the persona groups added."""
        return {
            "journeys": [j.to_dict(lang) for j in self.journeys],
            "gaps": [g.to_dict() for g in (self.gaps if top is None else self.gaps[:top])],
            "phases": [p.to_dict() for p in self.phases],
            "personas": [g.to_dict() for g in self.personas],
        }


def rank_across(journeys: tuple[JourneySummary, ...]) -> tuple[PortfolioGap, ...]:
    """The rated touchpoints of all journeys by gap score (0-100 on every scale). Ties as
    within one journey: moment of truth first, then higher importance (as a share of its
    scale), then the order of the journeys and each journey's own ranking."""
    items = [(j, t, n) for n, j in enumerate(journeys) if j.read for t in j.ranked]
    items.sort(key=lambda it: (-(it[1].gap or 0.0), not it[1].moment_of_truth, -it[1].weight, it[2],
                               it[1].rank or 0))
    return tuple(PortfolioGap(j, t, rank) for rank, (j, t, _) in enumerate(items, start=1))


def shared_phases(journeys: tuple[JourneySummary, ...]) -> tuple[SharedPhase, ...]:
    """Phases (by name, case and spaces aside) in two or more journeys, in order of first appearance."""
    found: dict[str, list[tuple[JourneySummary, PhaseSummary]]] = {}
    names: dict[str, str] = {}
    for j in journeys:
        seen = set()
        for p in j.phases:
            key = normalise_name(p.name)
            if key in seen:
                continue
            seen.add(key)
            names.setdefault(key, p.name)
            found.setdefault(key, []).append((j, p))
    return tuple(SharedPhase(names[k], tuple(v)) for k, v in found.items() if len(v) >= 2)


def _groups(journeys: list[JourneySummary]) -> list[list[JourneySummary]]:
    """Journeys joined when their titles or their objectives match (in the same scenario)."""
    parent = list(range(len(journeys)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first: dict[tuple[str, str, str], int] = {}
    for i, j in enumerate(journeys):
        for kind, value in (("title", j.title), ("objective", j.objective)):
            if not value or not normalise_name(value):
                continue
            key = (kind, normalise_name(value), j.scenario or "")  # as-is and to-be are no personas of each other
            if key in first:
                parent[root(i)] = root(first[key])
            else:
                first[key] = i
    groups: dict[int, list[JourneySummary]] = {}
    for i, j in enumerate(journeys):
        groups.setdefault(root(i), []).append(j)
    return list(groups.values())


def persona_groups(journeys: tuple[JourneySummary, ...]) -> tuple[PersonaGroup, ...]:
    """Groups of journeys on the same title or objective with two or more personas, and
    where the personas differ: per touchpoint ID and per phase in at least two of them,
    the largest spread of ratings first."""
    result = []
    for members in _groups([j for j in journeys if j.read]):
        if len({normalise_name(j.persona or "") for j in members}) < 2:
            continue
        n = len(members)
        touchpoints: dict[str, list[Any]] = {}
        phases: dict[str, list[Any]] = {}
        for i, j in enumerate(members):
            for t in j.touchpoints:
                row = touchpoints.setdefault(normalise_name(t.id), [t.id, t.touchpoint, [None] * n, [None] * n, 0])
                if row[2][i] is None and row[3][i] is None:
                    row[2][i], row[3][i], row[4] = t.rating, t.emotion, row[4] + 1
            for p in j.phases:
                row = phases.setdefault(normalise_name(p.name), [p.name, p.name, [None] * n, [None] * n, 0])
                if row[2][i] is None and row[3][i] is None:
                    row[2][i], row[3][i], row[4] = p.mean_rating, p.mean_emotion, row[4] + 1

        def differences(rows: dict[str, list[Any]], sort: bool) -> tuple[PersonaDifference, ...]:
            diffs = [PersonaDifference(k, name, tuple(r), tuple(e)) for k, name, r, e, count in rows.values()
                     if count >= 2]
            if sort:
                diffs.sort(key=lambda d: -(d.spread or 0.0))
            return tuple(diffs)

        result.append(PersonaGroup(tuple(members), differences(touchpoints, True), differences(phases, False)))
    return tuple(result)


def build_portfolio(journeys: list[JourneySummary] | tuple[JourneySummary, ...]) -> Portfolio:
    """The portfolio of the `journeys` summaries (in the order given)."""
    journeys = tuple(journeys)
    return Portfolio(journeys, rank_across(journeys), shared_phases(journeys), persona_groups(journeys))
