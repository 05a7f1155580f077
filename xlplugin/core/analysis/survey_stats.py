"""Survey responses summed up per touchpoint: n, mean, standard deviation, a 95 % interval
and the top-2-box share, for importance and rating.

Plain Python in one pass: no pandas import for a few sums (a click in Excel starts a
fresh process, and importing pandas alone costs about half a second).
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from xlplugin.core.analysis.quadrants import Scale
from xlplugin.core.analysis.stats import Correlation, adjusted_wald, pearson
from xlplugin.core.model import Response
from xlplugin.text import normalise_name

# Student's t, two-sided 95 % (the 0.975 quantile), for 1..30 degrees of freedom.
_T975 = (12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145,
         2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048,
         2.045, 2.042)
_Z975 = 1.959964

MIN_RESPONDENTS = 5
"""Fewer respondents than this on a touchpoint is `low-respondents`: the default of every
command and host (`check --min-respondents`)."""


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

    @property
    def top2_interval(self) -> tuple[float, float]:
        """The adjusted-Wald 95 % interval of the top-2-box share."""
        return adjusted_wald(round(self.top2 * self.n), self.n)

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
class WaveAggregate:
    """What one wave of responses says about one touchpoint."""

    wave: str | None
    respondents: int
    importance: Stat | None
    rating: Stat | None


@dataclass(frozen=True)
class Aggregate:
    """Everything the responses say about one touchpoint: the current values are those of
    the latest wave in which it has answers; `waves` is the whole series, in wave order."""

    respondents: int
    importance: Stat | None
    rating: Stat | None
    emotion: float | None
    waves: tuple[WaveAggregate, ...] = ()
    derived: Correlation | None = None
    """Pearson's r of the rating with the overall rating in the current wave (None without Overall answers)."""

    def opportunity(self) -> float | None:
        """Ulwick's opportunity score, 0-20: importance + max(importance - satisfaction, 0),
        each the top-2-box share scaled to 0-10."""
        if self.importance is None or self.rating is None:
            return None
        imp, sat = self.importance.top2 * 10, self.rating.top2 * 10
        return imp + max(imp - sat, 0.0)


_DATE_FORMS = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y", "%Y/%m/%d")


def as_date(text: str) -> dt.date | None:
    """The date `text` names (2026-09-30, 30-09-2026, 30/09/2026, 30.09.2026), else None."""
    for form in _DATE_FORMS:
        try:
            return dt.datetime.strptime(text.strip(), form).date()
        except ValueError:
            continue
    return None


def order_waves(waves: Iterable[str | None]) -> list[str | None]:
    """The waves (in the order they first appear) ordered by date when all are dates,
    else kept in that order (docs/design.md, Responses waves)."""
    seen = list(dict.fromkeys(waves))
    dates = [as_date(w) if w is not None else None for w in seen]
    if seen and all(d is not None for d in dates):
        return [w for _, w in sorted(zip(dates, seen, strict=True), key=lambda dw: dw[0])]  # type: ignore[arg-type,return-value]
    return seen


def overall_answers(responses: Iterable[Response]) -> dict[tuple[str | None, str], float]:
    """Per (wave, normalised respondent) the first overall answer given."""
    found: dict[tuple[str | None, str], float] = {}
    for r in responses:
        if r.overall is not None:
            found.setdefault((r.wave, normalise_name(r.respondent)), float(r.overall))
    return found


def aggregate(responses: Iterable[Response], scale: Scale) -> dict[str, Aggregate]:
    """Per touchpoint ID (normalised), the aggregate of its responses. Answers off the
    scale are left out: the check reports them."""
    buckets: dict[tuple[str, str | None], tuple[list[float], list[float], list[int], set[str], list[tuple[str, float]]]] \
        = defaultdict(lambda: ([], [], [], set(), []))
    low, high = scale.minimum, scale.maximum
    names: dict[str, str] = {}  # normalised names, once per distinct name: ids repeat 100,000 times

    def norm(name: str) -> str:
        found = names.get(name)
        if found is None:
            found = names[name] = normalise_name(name)
        return found

    overall: dict[tuple[str | None, str], float] = {}
    appear: dict[str | None, None] = {}
    for r in responses:  # 100,000 of them in a big survey: no calls that can be saved
        wave = r.wave
        if wave not in appear:
            appear[wave] = None
        tid, person = r.touchpoint_id, r.respondent
        imp, rat, emo, who, pairs = buckets[(names.get(tid) or norm(tid), wave)]
        person = names.get(person) or norm(person)
        who.add(person)
        v = r.importance
        if v is not None and low <= v <= high:
            imp.append(float(v))
        v = r.rating
        if v is not None and low <= v <= high:
            rat.append(float(v))
            pairs.append((person, float(v)))
        e = r.emotion
        if e is not None and -2 <= e <= 2:
            emo.append(e)
        o = r.overall
        if o is not None and low <= o <= high and (wave, person) not in overall:
            overall[(wave, person)] = float(o)
    rank = {w: i for i, w in enumerate(order_waves(appear))}
    series: dict[str, list[tuple[int, str | None]]] = defaultdict(list)
    for key, wave in buckets:
        series[key].append((rank[wave], wave))
    result: dict[str, Aggregate] = {}
    for key, waves in series.items():
        waves.sort(key=lambda rw: rw[0])
        items = []
        for _, wave in waves:
            imp, rat, _emo, who, _pairs = buckets[(key, wave)]
            items.append(WaveAggregate(wave, len(who), summarise(imp, scale), summarise(rat, scale)))
        answered = [w for w in items if w.importance or w.rating] or items
        current = answered[-1]
        _imp, _rat, emo, _who, pairs = buckets[(key, current.wave)]
        derived = None
        if overall:
            xs, ys = [], []
            for person, value in pairs:
                o = overall.get((current.wave, person))
                if o is not None:
                    xs.append(value)
                    ys.append(o)
            derived = pearson(xs, ys)
        result[key] = Aggregate(current.respondents, current.importance, current.rating,
                                (sum(emo) / len(emo)) if emo else None, tuple(items), derived)
    return result
