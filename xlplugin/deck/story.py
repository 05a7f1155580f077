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
from xlplugin.core.model import Action, Journey
from xlplugin.deck import words
from xlplugin.text import Lang, Text, decimal, normalise_name

SUMMARY_NAMES = 3
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

    def doubt(self, p: Priority, lang: Lang, short: bool = False) -> str:
        """' (uncertain: few respondents)' after an uncertain placement, else ''."""
        if not p.uncertain:
            return ""
        if short:
            key = "uncertain"
        else:
            few = p.respondents is not None and p.respondents < FEW_RESPONDENTS
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

    def shows(self, lang: Lang) -> list[tuple[str, list[str]]]:
        """The summary's left column: (paragraph, its list items)."""
        info = self.journey.info
        out: list[tuple[str, list[str]]] = []
        if info.objective:
            out.append((words.STORY["objective"].in_(lang).format(text=info.objective), []))
        ratings = [p.rating for p in self.rated if p.rating is not None]
        if ratings:
            text = words.STORY["size"].in_(lang).format(
                touchpoints=len(self.journey.touchpoints), phases=len(self.journey.phases),
                mean=number(sum(ratings) / len(ratings), lang), scale=self.priorities.scale.name)
            if self.valley:
                text += " " + words.STORY["valley"].in_(lang).format(phase=self.valley[0])
            out.append((text, []))
        r = plain(self.priorities.scale.rating_threshold, lang)
        if self.concentrate:
            out.append((words.STORY["focus"].in_(lang), self._items(self.concentrate, "gap-item", lang)))
        elif self.rated:
            out.append((words.STORY["none-focus"].in_(lang).format(r=r), []))
        others = tuple(p for p in self.at_risk if p not in self.concentrate)
        if others:
            key = "at-risk-also" if self.concentrate else "at-risk"
            out.append((words.STORY[key].in_(lang), self._items(others, "risk-item", lang)))
        progress = self.progress_lines(lang)
        if progress:
            out.append(progress)
        return out

    def _items(self, items: tuple[Priority, ...], key: str, lang: Lang) -> list[str]:
        lines = [words.STORY[key].in_(lang).format(id=p.id + (words.MOT_MARK if p.moment_of_truth else ""),
                                                   name=p.touchpoint or "", phase=p.phase or "–",
                                                   gap=number(p.gap, lang, 0), rating=number(p.rating, lang))
                 for p in items[:SUMMARY_NAMES]]
        for i, p in enumerate(items[:SUMMARY_NAMES]):  # the doubt goes inside the closing bracket
            if p.uncertain:
                lines[i] = lines[i][:-1] + "; " + self.doubt(p, lang)[2:] if lines[i].endswith(")") \
                    else lines[i] + self.doubt(p, lang)
        if len(items) > SUMMARY_NAMES:
            lines.append(words.STORY["more"].in_(lang).format(n=len(items) - SUMMARY_NAMES))
        return lines

    def asks(self, lang: Lang) -> list[str]:
        """The summary's right column: what management is asked to decide and do."""
        out = []
        if self.errors:
            out.append(words.STORY["ask-errors"].in_(lang).format(n=self.errors))
        if not self.rated:
            out.append(words.STORY["ask-ratings"].in_(lang))
        elif self.focus:
            ids = [p.id + self.doubt(p, lang, short=True) for p in self.focus[:6]]
            key = "ask-decide/1" if len(ids) == 1 else "ask-decide"
            more = len(self.focus) - len(ids)
            listed = series(ids, lang) if not more else ", ".join(ids) + f" (+{more})"
            out.append(words.STORY[key].in_(lang).format(ids=listed))
        else:
            out.append(words.STORY["ask-hold"].in_(lang))
        if self.uncovered:
            out.append(words.STORY["ask-plan"].in_(lang).format(ids=_ids(p.id for p in self.uncovered)))
        if self.without_owner:
            out.append(words.STORY["ask-owner"].in_(lang).format(ids=_ids(self.without_owner)))
        if self.without_target:
            out.append(words.STORY["ask-target"].in_(lang).format(ids=_ids(self.without_target)))
        late = self.progress.overdue
        if late:
            items = [words.STORY["overdue-item"].in_(lang).format(
                id=a.action.touchpoint_id, owner=a.action.owner or words.STORY["nobody"].in_(lang),
                due=words.long_date(a.action.due, lang)) for a in late[:4]]
            more = len(late) - len(items)
            out.append(words.STORY["ask-overdue"].in_(lang).format(
                items=series(items, lang) if not more else "; ".join(items) + f" (+{more})"))
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
        title = words.STORY["gaps"].format(name=self.name(top), phase=top.phase or "–")
        return Text(title.en + self.doubt(top, "en"), title.nl + self.doubt(top, "nl"))

    def actions_title(self) -> Text:
        n = len(self.actions)
        if not n:
            return words.STORY["actions/none"]
        problems_en, problems_nl = [], []
        for key, count in (("no-owner", len([a for a in self.actions if not a.owner])),
                           ("no-target", len([a for a in self.actions if not a.target])),
                           ("uncovered", len(self.uncovered)),
                           ("overdue", len(self.progress.overdue))):
            if count:
                text = words.STORY["uncovered/1"] if key == "uncovered" and count == 1 else words.STORY[key]
                problems_en.append(text.en.format(n=count))
                problems_nl.append(text.nl.format(n=count))
        if not problems_en:
            return words.STORY["actions/ok-1" if n == 1 else "actions/ok"].format(n=n)
        key = "actions/1" if n == 1 else "actions"
        return Text(words.STORY[key].en.format(n=n, problems=series(problems_en, "en")),
                    words.STORY[key].nl.format(n=n, problems=series(problems_nl, "nl")))


def _both(text: Text, **params: float | int | str) -> Text:
    """`text` filled in, numbers written as each language writes them."""
    def fill(lang: Lang) -> str:
        values = {k: plain(v, lang) if isinstance(v, float) else v for k, v in params.items()}
        return text.in_(lang).format(**values)

    return Text(fill("en"), fill("nl"))


def _ids(ids: object) -> str:
    return ", ".join(ids)  # type: ignore[call-overload]
