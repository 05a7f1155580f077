"""The statistics the progress and derived-importance views rest on, in plain Python.

Welch's t-test (with Student's t distribution through the regularized incomplete beta
function), Pearson's r with its Fisher-z interval, and the adjusted-Wald interval of a
share. No scipy: a click in Excel starts a fresh process, and the package stays small.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

Z975 = 1.959963984540054
"""The 0.975 quantile of the standard normal distribution."""


def _beta_fraction(a: float, b: float, x: float) -> float:
    """The continued fraction of the incomplete beta function (modified Lentz)."""
    tiny, eps = 1e-300, 3e-16
    qab, qap, qam = a + b, a + 1.0, a - 1.0
    c, d = 1.0, 1.0 - qab * x / qap
    d = 1.0 / (d if abs(d) > tiny else tiny)
    h = d
    for m in range(1, 400):
        m2 = 2 * m
        aa = m * (b - m) * x / ((qam + m2) * (a + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > tiny else tiny)
        c = 1.0 + aa / c
        c = c if abs(c) > tiny else tiny
        h *= d * c
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > tiny else tiny)
        c = 1.0 + aa / c
        c = c if abs(c) > tiny else tiny
        delta = d * c
        h *= delta
        if abs(delta - 1.0) < eps:
            break
    return h


def incomplete_beta(a: float, b: float, x: float) -> float:
    """The regularized incomplete beta function I_x(a, b), for a, b > 0 and 0 <= x <= 1."""
    if not 0.0 <= x <= 1.0:
        raise ValueError("x must lie in [0, 1]")
    if x in (0.0, 1.0):
        return x
    log_front = math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)
    front = math.exp(log_front)
    if x < (a + 1.0) / (a + b + 2.0):
        return front * _beta_fraction(a, b, x) / a
    return 1.0 - front * _beta_fraction(b, a, 1.0 - x) / b


def t_two_sided(t: float, df: float) -> float:
    """P(|T| >= |t|) for Student's t with `df` (possibly fractional) degrees of freedom."""
    if df <= 0:
        raise ValueError("degrees of freedom must be positive")
    if math.isinf(t):
        return 0.0
    return incomplete_beta(df / 2.0, 0.5, df / (df + t * t))


def t_cdf(t: float, df: float) -> float:
    """P(T <= t) for Student's t with `df` degrees of freedom."""
    tail = t_two_sided(t, df) / 2.0
    return 1.0 - tail if t >= 0 else tail


@dataclass(frozen=True)
class Welch:
    """Welch's two-sample t-test: the statistic, its degrees of freedom and the two-sided p."""

    t: float
    df: float
    p: float


def welch(n1: int, mean1: float, sd1: float, n2: int, mean2: float, sd2: float) -> Welch | None:
    """Welch's test of mean2 - mean1 from the two samples' sizes, means and standard
    deviations; None when either sample has fewer than two answers."""
    if n1 < 2 or n2 < 2:
        return None
    v1, v2 = sd1 * sd1 / n1, sd2 * sd2 / n2
    diff = mean2 - mean1
    if v1 + v2 == 0:  # both samples without spread: any difference is certain
        return Welch(math.copysign(math.inf, diff) if diff else 0.0, float(n1 + n2 - 2), 0.0 if diff else 1.0)
    t = diff / math.sqrt(v1 + v2)
    df = (v1 + v2) ** 2 / (v1 * v1 / (n1 - 1) + v2 * v2 / (n2 - 1))
    return Welch(t, df, t_two_sided(t, df))


@dataclass(frozen=True)
class Correlation:
    """Pearson's r over n pairs with its 95 % interval by Fisher's z (None below `minimum` pairs)."""

    r: float | None
    n: int
    low: float | None
    high: float | None


def pearson(xs: list[float], ys: list[float], minimum: int = 10) -> Correlation:
    """Pearson's r of the pairs (xs[i], ys[i]) with its Fisher-z 95 % interval; r is None
    under `minimum` pairs or when either variable does not vary."""
    n = len(xs)
    if n < max(minimum, 4):
        return Correlation(None, n, None, None)
    mx, my = math.fsum(xs) / n, math.fsum(ys) / n
    sxy = math.fsum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    sxx = math.fsum((x - mx) ** 2 for x in xs)
    syy = math.fsum((y - my) ** 2 for y in ys)
    if sxx == 0 or syy == 0:
        return Correlation(None, n, None, None)
    r = max(-1.0, min(1.0, sxy / math.sqrt(sxx * syy)))
    low, high = fisher_interval(r, n)
    return Correlation(r, n, low, high)


def fisher_interval(r: float, n: int) -> tuple[float, float]:
    """The 95 % interval of a correlation r over n > 3 pairs, by Fisher's z transformation."""
    if abs(r) >= 1.0:
        return r, r
    z, half = math.atanh(r), Z975 / math.sqrt(n - 3)
    return math.tanh(z - half), math.tanh(z + half)


def adjusted_wald(successes: int, n: int) -> tuple[float, float]:
    """The adjusted-Wald (Agresti-Coull) 95 % interval of the share successes / n."""
    if n <= 0:
        raise ValueError("no answers")
    z2 = Z975 * Z975
    size = n + z2
    share = (successes + z2 / 2) / size
    half = Z975 * math.sqrt(share * (1 - share) / size)
    return max(0.0, share - half), min(1.0, share + half)
