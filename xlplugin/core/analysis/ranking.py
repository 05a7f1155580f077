"""What to fix first: touchpoints ranked by gap score, with the journey-level view.

Ranking (docs/design.md): gap score descending; ties go to the moment of truth first, then
to the higher importance, then to journey order (phase order, then row order). Where
responses exist, their means replace the typed importance and rating.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Any

from xlplugin.core.analysis.quadrants import QUADRANTS, Scale, gap_score, quadrant
from xlplugin.core.analysis.stats import Correlation
from xlplugin.core.analysis.survey_stats import Aggregate, Stat, aggregate, order_waves
from xlplugin.core.analysis.trend import Change, WavePoint, last_change, target_met, wave_series
from xlplugin.core.model import Journey, Touchpoint
from xlplugin.text import normalise_name


@dataclass(frozen=True)
class Priority:
    """One touchpoint's place among the priorities."""

    id: str
    phase: str | None
    touchpoint: str | None
    importance: float | None
    rating: float | None
    gap: float | None
    quadrant: str
    rank: int | None
    moment_of_truth: bool
    respondents: int | None
    emotion: float | None
    source: str
    """"typed" (the Touchpoints sheet) or "responses" (means of the Responses sheet)."""
    uncertain: bool
    """The 95 % interval of importance or rating lies on both sides of its threshold."""
    opportunity: float | None
    importance_stat: Stat | None
    rating_stat: Stat | None
    pointer: str
    waves: tuple[WavePoint, ...] = ()
    """The rating per wave, when the Responses sheet has a Wave column."""
    change: Change | None = None
    target_rating: float | None = None
    target_met: bool | None = None
    derived: Correlation | None = None
    """Derived importance: Pearson's r of the rating with the overall rating (with an Overall column)."""
    importance_source: str = "stated"
    """"derived" when `importance` is the derived importance mapped onto the scale, else "stated"."""
    stated_importance: float | None = None
    to_check: bool = False
    """Importance or rating typed but unreadable or off the scale: not ranked, and not 'unrated'
    either; the workbook says 'check' as its live column does, the check names the cell."""

    def to_dict(self) -> dict[str, Any]:
        """The documented JSON shape (first ten keys), then what the responses add."""
        def r2(x: float | None) -> float | None:
            return None if x is None else round(x, 2)

        data: dict[str, Any] = {
            "id": self.id, "phase": self.phase, "touchpoint": self.touchpoint,
            "importance": r2(self.importance), "rating": r2(self.rating), "gap": r2(self.gap),
            "quadrant": self.quadrant, "rank": self.rank, "moment_of_truth": self.moment_of_truth,
            "respondents": self.respondents,
            "source": self.source, "uncertain": self.uncertain, "opportunity": r2(self.opportunity),
        }
        for name, stat in (("importance", self.importance_stat), ("rating", self.rating_stat)):
            if stat is not None:
                data[f"{name}_interval"] = [r2(stat.low), r2(stat.high)]
                data[f"{name}_sd"] = r2(stat.sd)
                data[f"{name}_top2"] = r2(stat.top2)
        data["target_rating"] = self.target_rating
        data["target_met"] = self.target_met
        if self.rating_stat is not None:
            low, high = self.rating_stat.top2_interval
            data.update(top2=round(self.rating_stat.top2, 3), top2_low=round(low, 3), top2_high=round(high, 3))
        if self.waves:
            data["waves"] = [w.to_dict() for w in self.waves]
            data["change"] = None if self.change is None else self.change.to_dict()
        if self.derived is not None:
            d = self.derived
            data["derived_importance"] = {"r": None if d.r is None else round(d.r, 3), "n": d.n,
                                          "low": None if d.low is None else round(d.low, 3),
                                          "high": None if d.high is None else round(d.high, 3)}
            data["stated_importance"] = r2(self.stated_importance)
            data["importance_source"] = self.importance_source
        return data


@dataclass(frozen=True)
class PhaseView:
    """A phase in the emotion curve: its mean rating and mean emotion (the valleys)."""

    name: str
    touchpoints: int
    mean_rating: float | None
    mean_emotion: float | None


@dataclass(frozen=True)
class Priorities:
    """The ranked touchpoints of one journey and the journey-level view."""

    scale: Scale
    touchpoints: tuple[Priority, ...]
    phases: tuple[PhaseView, ...]
    importance_source: str = "stated"
    waves: tuple[str | None, ...] = ()
    """The waves of the Responses sheet in order (empty without responses)."""

    @property
    def ranked(self) -> tuple[Priority, ...]:
        return tuple(p for p in self.touchpoints if p.rank is not None)

    @property
    def moments_at_risk(self) -> tuple[Priority, ...]:
        """Moments of truth rated at or below the rating threshold."""
        return tuple(p for p in self.touchpoints
                     if p.moment_of_truth and p.rating is not None and p.rating <= self.scale.rating_threshold)

    @property
    def quadrant_shares(self) -> dict[str, float]:
        total = len(self.touchpoints)
        return {q: (sum(p.quadrant == q for p in self.touchpoints) / total if total else 0.0) for q in QUADRANTS}

    @property
    def uses_responses(self) -> bool:
        return any(p.source == "responses" for p in self.touchpoints)

    def to_dict(self, top: int | None = None) -> dict[str, Any]:
        """``gaps --format json``: the documented shape, with the journey-level view added."""
        shown = self.touchpoints if top is None else self.ranked[:top]
        return {
            "scale": self.scale.name,
            "thresholds": {"importance": self.scale.importance_threshold, "rating": self.scale.rating_threshold},
            "touchpoints": [p.to_dict() for p in shown],
            "phases": [
                {"phase": v.name, "touchpoints": v.touchpoints,
                 "mean_rating": None if v.mean_rating is None else round(v.mean_rating, 2),
                 "mean_emotion": None if v.mean_emotion is None else round(v.mean_emotion, 2)}
                for v in self.phases
            ],
            "moments_of_truth_at_risk": [p.id for p in self.moments_at_risk],
            "quadrant_shares": {q: round(s, 4) for q, s in self.quadrant_shares.items()},
            "importance_source": self.importance_source,
            **({"waves": list(self.waves)} if any(w is not None for w in self.waves) else {}),
        }


def _on(scale: Scale, value: float | None) -> float | None:
    """`value` when it lies on the scale; values off the scale are the check's to report."""
    return value if value is not None and scale.minimum <= value <= scale.maximum else None


def derived_on_scale(r: float, scale: Scale) -> float:
    """Derived importance on the scale: min + (max - min) x max(r, 0) (docs/design.md)."""
    return scale.minimum + (scale.maximum - scale.minimum) * max(r, 0.0)


def _priority(tp: Touchpoint, scale: Scale, agg: Aggregate | None, derived: bool = False) -> Priority:
    source = "typed"
    importance, rating = _on(scale, tp.importance), _on(scale, tp.rating)
    respondents, emotion = tp.respondents, (float(tp.emotion) if tp.emotion is not None else None)
    imp_stat = rat_stat = None
    if agg is not None and (agg.importance or agg.rating):
        source, respondents = "responses", agg.respondents
        imp_stat, rat_stat = agg.importance, agg.rating
        importance = imp_stat.mean if imp_stat else importance
        rating = rat_stat.mean if rat_stat else rating
        emotion = agg.emotion if agg.emotion is not None else emotion
    stated = importance
    correlation = agg.derived if agg is not None else None
    imp_uncertain = bool(imp_stat and imp_stat.straddles(scale.importance_threshold))
    used = "stated"
    if derived and correlation is not None and correlation.r is not None:
        used, importance = "derived", derived_on_scale(correlation.r, scale)
        low = derived_on_scale(correlation.low, scale)  # type: ignore[arg-type]
        high = derived_on_scale(correlation.high, scale)  # type: ignore[arg-type]
        imp_uncertain = low <= scale.importance_threshold <= high and low != high
    rated = importance is not None and rating is not None
    typed_wrong = bool(tp.unreadable) or any(v is not None and _on(scale, v) is None for v in (tp.importance, tp.rating))
    to_check = not rated and source == "typed" and typed_wrong
    uncertain = imp_uncertain or bool(rat_stat and rat_stat.straddles(scale.rating_threshold))
    waves = wave_series(agg, stated, scale) if agg is not None and any(w.wave is not None for w in agg.waves) else ()
    target = _on(scale, tp.target_rating)
    return Priority(
        tp.id, tp.phase, tp.name, importance, rating,
        gap_score(importance, rating, scale) if rated else None,  # type: ignore[arg-type]
        quadrant(importance, rating, scale), None, tp.moment_of_truth, respondents, emotion, source,
        uncertain, agg.opportunity() if agg else None, imp_stat, rat_stat, tp.pointer,
        waves, last_change(waves), target, target_met(rating, target), correlation, used, stated, to_check,
    )


def _mean(values: list[float]) -> float | None:
    return math.fsum(values) / len(values) if values else None


def rank_gaps(journey: Journey, importance: str | None = None) -> Priorities:
    """The touchpoints of `journey` ranked by gap score, with the journey-level view.
    `importance`: "stated" or "derived" (docs/design.md, derived importance); default the
    Journey sheet's Importance source."""
    scale = journey.scale
    derived = (importance or journey.info.importance_source) == "derived"
    aggregates = aggregate(journey.responses, scale) if journey.responses else {}
    phase_order = {normalise_name(p.name): i for i, p in enumerate(journey.phases)}
    items = [
        (_priority(tp, scale, aggregates.get(normalise_name(tp.id)), derived), i)
        for i, tp in enumerate(journey.touchpoints)
    ]

    def journey_order(item: tuple[Priority, int]) -> tuple[int, int]:
        p, row = item
        return (phase_order.get(normalise_name(p.phase or ""), len(phase_order)), row)

    in_order = sorted(items, key=journey_order)
    rated = [it for it in in_order if it[0].gap is not None]
    rated.sort(key=lambda it: (-it[0].gap, not it[0].moment_of_truth, -it[0].importance))  # type: ignore[operator]
    ranked = [replace(p, rank=rank) for rank, (p, _) in enumerate(rated, start=1)]
    unrated = [p for p, _ in in_order if p.gap is None]

    by_phase: dict[str, list[Priority]] = {}
    for p, _ in items:
        by_phase.setdefault(normalise_name(p.phase or ""), []).append(p)
    views = []
    for phase in journey.phases:
        members = by_phase.get(normalise_name(phase.name), [])
        views.append(PhaseView(
            phase.name, len(members),
            _mean([p.rating for p in members if p.rating is not None]),
            _mean([p.emotion for p in members if p.emotion is not None]),
        ))
    return Priorities(scale, tuple(ranked + unrated), tuple(views), "derived" if derived else "stated",
                      tuple(order_waves(r.wave for r in journey.responses)) if journey.responses else ())
