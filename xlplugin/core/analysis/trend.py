"""A touchpoint over the waves of measurement: the series of ratings and the change
between the last two waves, with Welch's t-test on whether it is more than noise."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from xlplugin.core.analysis.quadrants import Scale, gap_score
from xlplugin.core.analysis.stats import welch
from xlplugin.core.analysis.survey_stats import Aggregate

SIGNIFICANCE = 0.05


def _r2(x: float | None) -> float | None:
    return None if x is None else round(x, 2)


@dataclass(frozen=True)
class WavePoint:
    """One wave of one touchpoint: respondents, mean importance and rating, the rating's interval, the gap."""

    wave: str | None
    n: int
    importance: float | None
    rating: float | None
    rating_low: float | None
    rating_high: float | None
    gap: float | None
    rating_sd: float | None = None
    rating_n: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"wave": self.wave, "n": self.n, "importance": _r2(self.importance), "rating": _r2(self.rating),
                "rating_low": _r2(self.rating_low), "rating_high": _r2(self.rating_high), "gap": _r2(self.gap)}


@dataclass(frozen=True)
class Change:
    """The change of a touchpoint between the last two waves in which it has ratings."""

    start: str | None
    end: str | None
    rating: float
    gap: float | None
    p: float | None
    """Welch's two-sided p on the ratings; None when either wave has fewer than two ratings."""

    @property
    def significant(self) -> bool:
        return self.p is not None and self.p < SIGNIFICANCE

    @property
    def direction(self) -> str:
        """"up", "down" or "same": what the change says when it is significant, else "same"."""
        if not self.significant:
            return "same"
        return "up" if self.rating > 0 else "down"

    def to_dict(self) -> dict[str, Any]:
        return {"from": self.start, "to": self.end, "rating": _r2(self.rating), "gap": _r2(self.gap),
                "p": None if self.p is None else round(self.p, 4), "significant": self.significant}


def wave_series(agg: Aggregate, importance: float | None, scale: Scale) -> tuple[WavePoint, ...]:
    """The touchpoint's waves in order; a wave without importance answers borrows `importance`
    (the value the ranking uses) for its gap."""
    points = []
    for w in agg.waves:
        imp = w.importance.mean if w.importance else importance
        rat = w.rating
        gap = gap_score(imp, rat.mean, scale) if imp is not None and rat is not None else None
        points.append(WavePoint(
            w.wave, w.respondents, imp, rat.mean if rat else None, rat.low if rat else None,
            rat.high if rat else None, gap, rat.sd if rat else None, rat.n if rat else 0,
        ))
    return tuple(points)


def last_change(points: tuple[WavePoint, ...]) -> Change | None:
    """The change between the last two waves with ratings; None with fewer than two."""
    rated = [p for p in points if p.rating is not None]
    if len(rated) < 2:
        return None
    a, b = rated[-2], rated[-1]
    test = welch(a.rating_n, a.rating, a.rating_sd or 0.0, b.rating_n, b.rating, b.rating_sd or 0.0)  # type: ignore[arg-type]
    gap = None if a.gap is None or b.gap is None else b.gap - a.gap
    return Change(a.wave, b.wave, b.rating - a.rating, gap, None if test is None else test.p)  # type: ignore[operator]


def target_met(rating: float | None, target: float | None) -> bool | None:
    """Whether the current rating reaches the target rating; None when either is missing."""
    if rating is None or target is None:
        return None
    return rating >= target - 1e-9
