"""What the deck says: the findings of one journey, as the sentences of its titles, summary
and speaker notes (answer first; every later slide supports one claim).

No python-pptx here: the story is data and text, so it can be tested on its own.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from xlplugin.core.analysis.progress import Progress, track_progress
from xlplugin.core.analysis.ranking import Priorities, Priority
from xlplugin.core.analysis.stats import welch
from xlplugin.core.analysis.survey_stats import order_waves, overall_answers, summarise
from xlplugin.core.model import Action, Journey, Touchpoint
from xlplugin.deck import words
from xlplugin.text import Lang, Text, decimal, long_date, normalise_name

SUMMARY_NAMES = 3
SAYS = 5
"""A customer's comment of fewer words is a sigh ('Veel te lang.'); one of this many says what happened."""
"""How many priority gaps and moments of truth at risk the summary names."""
SHORT_NAME = 45
"""A touchpoint name up to this long goes into a title; a longer one is named by its ID."""
FEW_RESPONDENTS = 30
"""An uncertain placement on fewer respondents than this is put down to them, else to a threshold near by."""


def number(value: float | None, lang: Lang, digits: int = 1) -> str:
    """`value` with `digits` decimals, a decimal comma in Dutch; "–" when missing."""
    return decimal(value, lang, digits)


def side_digits(values: Iterable[float | None], threshold: float, above: bool, most: int = 3) -> int:
    """The fewest decimals (1 to `most`) at which every value prints on its own side of
    `threshold` (at or above it when `above`, else at or below it): 3.03 over a threshold of 3
    prints as 3.03, not 3.0, so it never reads the same as a 3.00 in another quadrant."""
    def side(v: float) -> bool:
        return v >= threshold if above else v <= threshold

    present = [v for v in values if v is not None]
    for digits in range(1, most + 1):
        if all(side(round(v, digits)) == side(v) for v in present):
            return digits
    return most


def plain(value: float, lang: Lang) -> str:
    """A threshold as people type it: 3, 3.5 (3,5 in Dutch)."""
    text = f"{value:g}"
    return text.replace(".", ",") if lang == "nl" else text


def series(items: list[str], lang: Lang) -> str:
    """'a, b and c' / 'a, b en c'."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {'en' if lang == 'nl' else 'and'} {items[-1]}"


QUOTE_CHARS = 140
"""A comment up to this long can be quoted; a longer one is left out, never shortened."""
QUOTES_PER_GAP = 2
"""How many comments the deck quotes for one priority gap."""


@dataclass(frozen=True)
class Quote:
    """One customer's comment on a touchpoint, verbatim, with who said it and when."""

    text: str
    respondent: str
    wave: str | None
    rating: float | None

    def source(self, lang: Lang) -> str:
        """'respondent R012, Hermeting' in the small print under a quote."""
        who = words.STORY["quote-source"].in_(lang).format(respondent=self.respondent)
        return f"{who}, {self.wave}" if self.wave else who


@dataclass(frozen=True)
class OverallWave:
    """The mean overall satisfaction of one wave over its respondents."""

    wave: str | None
    mean: float
    n: int


def phase_groups(journey: Journey) -> list[tuple[str, list[Touchpoint], bool]]:
    """The phases in journey order (the Phases sheet), each with its touchpoints and whether the
    Phases sheet has it. A phase it does not have (a typo, with --allow-errors) keeps its name as
    typed and its place after the phase of the touchpoint before it: every slide counts and draws
    the same phases."""
    names = {normalise_name(p.name): p.name for p in journey.phases}
    known = set(names)
    order = list(names)
    by_phase: dict[str, list[Touchpoint]] = {key: [] for key in order}
    previous: str | None = None
    for tp in journey.touchpoints:
        key = normalise_name(tp.phase or "")
        if key not in by_phase:
            names[key] = tp.phase or "–"
            order.insert(order.index(previous) + 1 if previous in order else len(order), key)
            by_phase[key] = []
        by_phase[key].append(tp)
        previous = key
    return [(names[key], by_phase[key], key in known) for key in order]


def first_name(name: str | None) -> str | None:
    """'Fatima' of 'Fatima, beleidsmedewerker': how the notes refer to the persona."""
    if not name:
        return None
    return name.split(",")[0].strip() or None


@dataclass(frozen=True)
class Story:
    """The findings of one journey that the deck's slides state."""

    journey: Journey
    priorities: Priorities
    errors: int = 0

    @cached_property
    def concentrate(self) -> tuple[Priority, ...]:
        """Touchpoints in 'concentrate here', largest gap first."""
        return tuple(p for p in self.priorities.ranked if p.quadrant == "concentrate-here")

    @cached_property
    def at_risk(self) -> tuple[Priority, ...]:
        """Moments of truth rated at or below the rating threshold, largest gap first."""
        risky = {p.id for p in self.priorities.moments_at_risk}
        return tuple(p for p in self.priorities.touchpoints if p.id in risky)

    @cached_property
    def focus(self) -> tuple[Priority, ...]:
        """What the gap table lists: 'concentrate here' and the moments of truth at risk, ranked."""
        ids = {p.id for p in self.concentrate} | {p.id for p in self.at_risk}
        return tuple(p for p in self.priorities.touchpoints if p.id in ids)

    @cached_property
    def rated(self) -> tuple[Priority, ...]:
        return tuple(p for p in self.priorities.touchpoints if p.importance is not None and p.rating is not None)

    @cached_property
    def valley(self) -> tuple[str, float] | None:
        """The phase with the lowest mean emotion, when it is below neutral."""
        views = [v for v in self.priorities.phases if v.mean_emotion is not None]
        if not views:
            return None
        low = min(views, key=lambda v: v.mean_emotion)  # type: ignore[arg-type, return-value]
        return (low.name, low.mean_emotion) if low.mean_emotion < 0 else None  # type: ignore[operator]

    def _action_ids(self, missing: str) -> list[str]:
        return list(dict.fromkeys(a.touchpoint_id for a in self.journey.actions if not getattr(a, missing)))

    @property
    def without_owner(self) -> list[str]:
        """Touchpoint IDs of actions without an owner."""
        return self._action_ids("owner")

    @property
    def without_target(self) -> list[str]:
        """Touchpoint IDs of actions without a measurable target."""
        return self._action_ids("target")

    @property
    def uncovered(self) -> list[Priority]:
        """Priority touchpoints no action is planned for."""
        planned = {normalise_name(a.touchpoint_id) for a in self.journey.actions}
        return [p for p in self.focus if normalise_name(p.id) not in planned]

    @property
    def actions(self) -> tuple[Action, ...]:
        return self.journey.actions

    @cached_property
    def progress(self) -> Progress:
        """The waves, targets and late actions (as of today)."""
        return track_progress(self.journey, self.priorities)

    @property
    def remeasured(self) -> bool:
        """True when the journey has been measured in two waves or more."""
        return len(self.progress.waves) >= 2

    @cached_property
    def overall(self) -> tuple[OverallWave, ...]:
        """The mean overall satisfaction per wave (the Responses sheet's Overall column, answers on
        the scale), in wave order; empty without Overall answers."""
        scale = self.journey.info.scale
        per_wave: dict[str | None, list[float]] = {}
        for (wave, _person), value in overall_answers(self.journey.responses).items():
            if scale.minimum <= value <= scale.maximum:
                per_wave.setdefault(wave, []).append(value)
        return tuple(OverallWave(w, sum(per_wave[w]) / len(per_wave[w]), len(per_wave[w]))
                     for w in order_waves(r.wave for r in self.journey.responses) if w in per_wave)

    def overall_line(self, lang: Lang) -> str | None:
        """'Overall satisfaction 3.10 → 3.52 (n 64, 58), significantly higher.'; None without Overall answers."""
        waves = self.overall
        if not waves:
            return None
        means = " → ".join(number(w.mean, lang, 2) for w in waves)
        counts = series([str(w.n) for w in waves], lang)
        text = words.STORY["overall"].in_(lang).format(means=means, counts=counts, scale=self.journey.info.scale.name)
        if len(waves) >= 2:
            scale = self.journey.info.scale
            a, b = (summarise([v for (w, _), v in overall_answers(self.journey.responses).items()
                               if w == wave.wave and scale.minimum <= v <= scale.maximum], scale)
                    for wave in waves[-2:])
            test = welch(a.n, a.mean, a.sd, b.n, b.mean, b.sd) if a and b else None
            if test is not None:
                key = "overall-same" if test.p >= 0.05 else "overall-up" if b.mean > a.mean else "overall-down"  # type: ignore[union-attr]
                text += " " + words.STORY[key].in_(lang)
        target = self.journey.info.overall_target
        if target is not None:
            latest = waves[-1].mean
            key = "overall-target-met" if latest >= target else "overall-target-open"
            return text + ". " + words.STORY[key].in_(lang).format(
                target=number(target, lang, 1), short=number(target - latest, lang, 2))
        return text + "."

    def quotes(self, p: Priority, most: int = QUOTES_PER_GAP) -> list[Quote]:
        """Up to `most` comments on `p`, verbatim, from respondents who rated it at or below the rating
        threshold (the voice of the gap, not praise beside it): from the latest wave that has any, the
        lowest ratings first, the shortest first among those; a comment longer than QUOTE_CHARS is left
        out, never shortened."""
        key = normalise_name(p.id)
        low = self.priorities.scale.rating_threshold
        found: dict[str, Quote] = {}
        for r in self.journey.responses:
            text = " ".join((r.comment or "").split())
            if text and len(text) <= QUOTE_CHARS and normalise_name(r.touchpoint_id) == key \
                    and r.rating is not None and r.rating <= low and text.casefold() not in found:
                found[text.casefold()] = Quote(text, r.respondent, r.wave, r.rating)
        if not found:
            return []
        rank = {w: i for i, w in enumerate(order_waves(r.wave for r in self.journey.responses))}
        latest = max(rank.get(q.wave, 0) for q in found.values())
        pool = [q for q in found.values() if rank.get(q.wave, 0) == latest]
        # the lowest ratings first; among those a comment that says something (SAYS words or more)
        # before a bare 'Too long.', then the shortest
        pool.sort(key=lambda q: (q.rating if q.rating is not None else float("inf"), len(q.text.split()) < SAYS,
                                 len(q.text)))
        return pool[:most]

    @cached_property
    def voiced(self) -> tuple[tuple[Priority, tuple[Quote, ...]], ...]:
        """The priority gaps (as the summary names them, largest first) that customers commented on,
        each with its quotes."""
        out = []
        for p in self.focus:
            found = self.quotes(p)
            if found:
                out.append((p, tuple(found)))
        return tuple(out)

    @property
    def phase_count(self) -> int:
        """The phases the deck draws: the Phases sheet's, and a phase a touchpoint names that it lacks."""
        return len(phase_groups(self.journey))

    @property
    def unknown_phases(self) -> list[str]:
        """Phases touchpoints name that the Phases sheet does not have (a typo, in a draft)."""
        return [name for name, _, known in phase_groups(self.journey) if not known]

    def doubt(self, p: Priority, lang: Lang, short: bool = False) -> str:
        """' (uncertain: few respondents)' after an uncertain placement, else ''."""
        if not p.uncertain:
            return ""
        # 'uncertain' only for few answers; a placement close to a threshold says just that
        few = p.respondents is not None and p.respondents < FEW_RESPONDENTS
        if short:
            key = "uncertain" if few else "near/short"
        else:
            key = "uncertain/few" if few else "uncertain/near"
        return f" ({words.STORY[key].in_(lang)})"

    def progress_lines(self, lang: Lang) -> tuple[str, list[str]] | None:
        """The summary's paragraph on the re-measurement: targets met and missed, and the
        significant improvements and declines since the previous wave; None with one wave."""
        if not self.remeasured:
            return None
        shown = self.progress.touchpoints
        items = []
        met = [p.id for p in shown if p.target_met is True]
        missed = [p.id for p in shown if p.target_met is False]
        if met:
            items.append(words.STORY["targets-met"].in_(lang).format(ids=series(met, lang)))
        if missed:
            items.append(words.STORY["targets-missed"].in_(lang).format(ids=series(missed, lang)))
        changed = [p for p in shown if p.change is not None and p.change.significant]
        for key, sign in (("improved", 1), ("declined", -1)):
            moved = [f"{p.id} ({'+' if sign > 0 else '−'}{number(abs(p.change.rating), lang)})"  # type: ignore[union-attr]
                     for p in changed if (p.change.rating > 0) == (sign > 0)]  # type: ignore[union-attr]
            if moved:
                items.append(words.STORY[key].in_(lang).format(items=series(moved, lang)))
        if not changed:
            items.append(words.STORY["no-change"].in_(lang))
        start = self.progress.waves[-2]
        return words.STORY["progress-generic"].in_(lang).format(start=start), items

    # -- sentences ---------------------------------------------------------------------------------

    def name(self, p: Priority) -> str:
        """How a title names a touchpoint: its name when short, else its ID."""
        return f"“{p.touchpoint}”" if p.touchpoint and len(p.touchpoint) <= SHORT_NAME else p.id

    def summary_title(self) -> Text:
        """The finding, and the headline figure beside it: the overall satisfaction per wave (and its
        target) when the Responses sheet has an Overall column."""
        title = self._summary_finding()
        if not self.overall:
            return title

        def kpi(lang: Lang) -> str:
            means = " → ".join(number(w.mean, lang, 2) for w in self.overall)
            target = self.journey.info.overall_target
            aim = words.STORY["title-target"].in_(lang).format(target=number(target, lang, 1)) if target is not None else ""
            return words.STORY["title-overall"].in_(lang).format(means=means, target=aim)

        return Text(title.en + kpi("en"), title.nl + kpi("nl"))

    def _summary_finding(self) -> Text:
        n, m = len(self.concentrate), sum(p.moment_of_truth for p in self.concentrate)
        r = self.priorities.scale.rating_threshold
        if not self.rated:
            return words.STORY["summary/unrated"]
        if n == 0:
            if self.at_risk:
                return words.STORY["summary/at-risk"].format(m=len(self.at_risk))
            return _both(words.STORY["summary/none"], r=r)
        if n == 1:
            return words.STORY["summary/1-mot" if m else "summary/1"]
        if m == 0:
            return words.STORY["summary/no-mot"].format(n=n)
        key = "summary/all-mot" if m == n else "summary/mot-1" if m == 1 else "summary"
        return words.STORY[key].format(n=n, m=m)

    def shows(self, lang: Lang, names: int = SUMMARY_NAMES) -> list[tuple[str, list[str]]]:
        """The summary's left column: (paragraph, its list items), each list naming at most `names`
        touchpoints and counting the rest."""
        info = self.journey.info
        out: list[tuple[str, list[str]]] = []
        overall = self.overall_line(lang)
        if overall:
            out.append((overall, []))
        if info.objective:
            out.append((words.STORY["objective"].in_(lang).format(text=info.objective), []))
        if info.why:
            out.append((words.STORY["why"].in_(lang).format(text=info.why), []))
        ratings = [p.rating for p in self.rated if p.rating is not None]
        if ratings:
            text = words.STORY["size"].in_(lang).format(
                touchpoints=len(self.journey.touchpoints), phases=self.phase_count,
                mean=number(sum(ratings) / len(ratings), lang), scale=self.priorities.scale.name)
            unknown = self.unknown_phases
            if unknown:
                text += " " + words.STORY["unknown-phases/1" if len(unknown) == 1 else "unknown-phases"].in_(lang) \
                    .format(names=series([f"“{n}”" for n in unknown], lang))
            if self.valley:
                text += " " + words.STORY["valley"].in_(lang).format(phase=self.valley[0])
            out.append((text, []))
        r = plain(self.priorities.scale.rating_threshold, lang)
        if self.concentrate:
            out.append((words.STORY["focus"].in_(lang), self._items(self.concentrate, "gap-item", lang, names)))
        elif self.rated:
            out.append((words.STORY["none-focus"].in_(lang).format(r=r), []))
        others = tuple(p for p in self.at_risk if p not in self.concentrate)
        if others:
            key = "at-risk-also" if self.concentrate else "at-risk"
            out.append((words.STORY[key].in_(lang), self._items(others, "risk-item", lang, names)))
        progress = self.progress_lines(lang)
        if progress:
            out.append(progress)
        return out

    def _items(self, items: tuple[Priority, ...], key: str, lang: Lang, names: int = SUMMARY_NAMES) -> list[str]:
        lines = [words.STORY[key].in_(lang).format(id=p.id + (words.MOT_MARK if p.moment_of_truth else ""),
                                                   name=p.touchpoint or "", phase=p.phase or "–",
                                                   gap=number(p.gap, lang, 0), rating=number(p.rating, lang))
                 for p in items[:names]]
        for i, p in enumerate(items[:names]):  # the doubt goes inside the closing bracket
            if p.uncertain:
                lines[i] = lines[i][:-1] + "; " + self.doubt(p, lang)[2:] if lines[i].endswith(")") \
                    else lines[i] + self.doubt(p, lang)
        if len(items) > names:
            lines.append(words.STORY["more"].in_(lang).format(n=len(items) - names))
        return lines

    def asks(self, lang: Lang) -> list[str]:
        """What management is asked: the decisions, then the housekeeping."""
        return self.decisions(lang) + self.housekeeping(lang)

    def commitments(self, lang: Lang) -> list[str]:
        """The decision by name: per priority the summary names, the planned action with its owner
        and due date ('E08: Recalculate the first instalment – Manager Billing, by 30 September 2026')."""
        order = {normalise_name(p.id): k for k, p in enumerate(self.focus[:SUMMARY_NAMES])}
        late = {id(s.action) for s in self.progress.overdue}
        chosen = sorted((a for a in self.journey.actions
                         if normalise_name(a.touchpoint_id) in order and a.action and a.status != "done"),
                        key=lambda a: order[normalise_name(a.touchpoint_id)])
        out = []
        for a in chosen:
            who = a.owner or words.STORY["owner-to-name"].in_(lang)
            due = long_date(a.due, lang)
            key = "commit/on-hold" if a.status == "on-hold" else "commit/late" if id(a) in late \
                else "commit" if due else "commit/no-due"
            out.append(words.STORY[key].in_(lang).format(id=a.touchpoint_id, action=a.action, owner=who, due=due))
        return out

    def housekeeping(self, lang: Lang) -> list[str]:
        """The smaller asks kept apart from the decision: owners and targets missing, overdue actions."""
        out = []
        if self.without_owner:
            out.append(words.STORY["ask-owner"].in_(lang).format(ids=_ids(self.without_owner)))
        if self.without_target:
            out.append(words.STORY["ask-target"].in_(lang).format(ids=_ids(self.without_target)))
        late = self.progress.overdue
        if late:
            items = [words.STORY["overdue-item"].in_(lang).format(
                id=a.action.touchpoint_id, owner=a.action.owner or words.STORY["nobody"].in_(lang),
                due=long_date(a.action.due, lang)) for a in late[:4]]
            more = len(late) - len(items)
            out.append(words.STORY["ask-overdue"].in_(lang).format(
                items=series(items, lang) if not more else "; ".join(items) + f" (+{more})"))
        return out

    def decisions(self, lang: Lang, names: int = SUMMARY_NAMES) -> list[str]:
        """The summary's right column: what management is asked to decide (the priorities named, at
        most `names` of them, the rest counted)."""
        out = []
        if self.errors:
            out.append(words.STORY["ask-errors"].in_(lang).format(n=self.errors))
        if not self.rated:
            out.append(words.STORY["ask-ratings"].in_(lang))
        elif self.focus:
            # by name, as the priority gaps slide has them (the doubt is said there and on the left)
            named = [f"{p.id} {p.touchpoint or ''}".strip() for p in self.focus[:names]]
            more = len(self.focus) - len(named)
            listed = ", ".join(named) + " " + words.STORY["ask-decide/more"].in_(lang).format(n=more) if more \
                else series(named, lang)
            key = "ask-decide/1" if len(self.focus) == 1 else "ask-decide"
            out.append(words.STORY[key].in_(lang).format(ids=listed))
        else:
            out.append(words.STORY["ask-hold"].in_(lang))
        out += self.commitments(lang)
        if self.uncovered:
            out.append(words.STORY["ask-plan"].in_(lang).format(ids=_ids(p.id for p in self.uncovered)))
        if self.actions and not (self.uncovered or self.without_owner or self.without_target):
            out.append(words.STORY["ask-approve"].in_(lang))
        return out

    def curve_title(self) -> Text:
        if not any(v.mean_emotion is not None for v in self.priorities.phases):
            return words.STORY["curve/none"]
        if self.valley:
            return words.STORY["curve"].format(phase=self.valley[0])
        return words.STORY["curve/positive"]

    def matrix_title(self) -> Text:
        n, total, r = len(self.concentrate), len(self.priorities.touchpoints), self.priorities.scale.rating_threshold
        if n == 0:
            return _both(words.STORY["matrix/0"], r=r)
        return _both(words.STORY["matrix/1" if n == 1 else "matrix"], n=n, total=total, r=r)

    def gaps_title(self) -> Text:
        if not self.focus:
            return words.STORY["gaps/none"]
        top = self.focus[0]
        # 'the largest gap' only when it is: a larger one may lie outside the priorities (not important)
        key = "gaps" if top.rank == 1 else "gaps/first"
        title = words.STORY[key].format(name=self.name(top), phase=top.phase or "–")
        return Text(title.en + self.doubt(top, "en"), title.nl + self.doubt(top, "nl"))

    def actions_title(self) -> Text:
        """How far the actions are (done, on hold) and what is wrong with them: owners, targets,
        priorities without one, overdue."""
        n = len(self.actions)
        if not n:
            return words.STORY["actions/none"]
        states = (("actions/done", sum(a.status == "done" for a in self.actions)),
                  ("actions/on-hold", sum(a.status == "on-hold" for a in self.actions)))
        problems = (("no-owner", len([a for a in self.actions if not a.owner])),
                    ("no-target", len([a for a in self.actions if not a.target])),
                    ("uncovered", len(self.uncovered)),
                    ("overdue", len(self.progress.overdue)))
        if not any(count for _, count in problems):
            return words.STORY["actions/ok-1" if n == 1 else "actions/ok"].format(n=n)
        said_en, said_nl = [], []
        for key, count in (*states, *problems):
            if count:
                text = words.STORY["uncovered/1"] if key == "uncovered" and count == 1 else words.STORY[key]
                said_en.append(text.en.format(n=count))
                said_nl.append(text.nl.format(n=count))
        key = "actions/1" if n == 1 else "actions"
        return Text(words.STORY[key].en.format(n=n, problems=series(said_en, "en")),
                    words.STORY[key].nl.format(n=n, problems=series(said_nl, "nl")))


def _both(text: Text, **params: float | int | str) -> Text:
    """`text` filled in, numbers written as each language writes them."""
    def fill(lang: Lang) -> str:
        values = {k: plain(v, lang) if isinstance(v, float) else v for k, v in params.items()}
        return text.in_(lang).format(**values)

    return Text(fill("en"), fill("nl"))


def _ids(ids: object) -> str:
    return ", ".join(ids)  # type: ignore[call-overload]
