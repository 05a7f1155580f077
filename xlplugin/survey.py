"""Survey responses summed up per touchpoint: n, mean, standard deviation, a 95 % interval
and the top-2-box share, for importance and rating.

Plain Python in one pass: no pandas import for a few sums (a click in Excel starts a
fresh process, and importing pandas alone costs about half a second).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from .model import Response
from .priorities import Scale
from .text import normalise_name

# Student's t, two-sided 95 % (the 0.975 quantile), for 1..30 degrees of freedom.
_T975 = (12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145,
         2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048,
         2.045, 2.042)
_Z975 = 1.959964


def t975(df: int) -> float:
    """The 0.975 quantile of Student's t with `df` degrees of freedom."""
    if df < 1:
        raise ValueError("at least one degree of freedom")
    if df <= len(_T975):
        return _T975[df - 1]
    z = _Z975  # Cornish-Fisher expansion: within 0.001 of the exact value from 31 on
    return z + (z**3 + z) / (4 * df) + (5 * z**5 + 16 * z**3 + 3 * z) / (96 * df**2)


@dataclass(frozen=True)
class Stat:
    """One measure (importance or rating) of one touchpoint over its respondents."""

    n: int
    mean: float
    sd: float
    low: float | None
    high: float | None
    """The 95 % interval of the mean; None when one answer gives no interval."""
    top2: float
    """Share (0-1) of answers in the top two boxes of the scale (4-5 on 1-5, 9-10 on 1-10)."""

    def straddles(self, threshold: float) -> bool:
        """True when the interval lies on both sides of `threshold` (or there is none)."""
        if self.low is None or self.high is None:
            return True
        return self.low <= threshold <= self.high and not (self.low == self.high == threshold)


def summarise(values: list[float], scale: Scale) -> Stat | None:
    """The Stat of `values` (answers on `scale`), or None without answers."""
    n = len(values)
    if n == 0:
        return None
    mean = math.fsum(values) / n
    sd = math.sqrt(math.fsum((v - mean) ** 2 for v in values) / (n - 1)) if n > 1 else 0.0
    half = t975(n - 1) * sd / math.sqrt(n) if n > 1 else None
    top2 = sum(1 for v in values if v >= scale.maximum - 1) / n
    return Stat(n, mean, sd, None if half is None else mean - half, None if half is None else mean + half, top2)


@dataclass(frozen=True)
class Aggregate:
    """Everything the responses say about one touchpoint."""

    respondents: int
    importance: Stat | None
    rating: Stat | None
    emotion: float | None

    def opportunity(self) -> float | None:
        """Ulwick's opportunity score, 0-20: importance + max(importance - satisfaction, 0),
        each the top-2-box share scaled to 0-10."""
        if self.importance is None or self.rating is None:
            return None
        imp, sat = self.importance.top2 * 10, self.rating.top2 * 10
        return imp + max(imp - sat, 0.0)


def aggregate(responses: Iterable[Response], scale: Scale) -> dict[str, Aggregate]:
    """Per touchpoint ID (normalised), the aggregate of its responses. Answers off the
    scale are left out: the check reports them."""
    buckets: dict[str, tuple[list[float], list[float], list[int], set[str]]] = defaultdict(
        lambda: ([], [], [], set())
    )
    low, high, norm = scale.minimum, scale.maximum, normalise_name
    for r in responses:  # 100,000 of them in a big survey: no calls that can be saved
        imp, rat, emo, who = buckets[norm(r.touchpoint_id)]
        who.add(norm(r.respondent))
        v = r.importance
        if v is not None and low <= v <= high:
            imp.append(float(v))
        v = r.rating
        if v is not None and low <= v <= high:
            rat.append(float(v))
        e = r.emotion
        if e is not None and -2 <= e <= 2:
            emo.append(e)
    return {
        key: Aggregate(len(who), summarise(imp, scale), summarise(rat, scale),
                       (sum(emo) / len(emo)) if emo else None)
        for key, (imp, rat, emo, who) in buckets.items()
    }
