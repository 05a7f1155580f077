"""The journey's links between sheets: phases, touchpoint IDs and the rows that refer to them.

One mistake gives one finding, at the cell to fix, that names the rows it affects:
a phase deleted or renamed on the Phases sheet is one finding (not one per touchpoint);
a touchpoint ID typed twice is one finding that also explains the Blueprint and Actions
rows left pointing at the ID it replaced; an ID renamed on the Touchpoints sheet is one
finding at its new name. What follows from such a mistake is not reported again.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from xlplugin.core.checks.context import Context
from xlplugin.core.findings import Finding
from xlplugin.core.layout import PHASES, TOUCHPOINTS
from xlplugin.core.model import Touchpoint
from xlplugin.text import Text, normalise_name

MAX_ROWS_NAMED = 12
"""A message names at most this many rows, then says how many more."""


@dataclass
class Links:
    """What the reference rules found, so the other rules leave its consequences alone."""

    quiet_touchpoints: set[str] = field(default_factory=set)
    """Pointers of touchpoints whose other findings follow from a reported mistake."""
    quiet_phases: set[str] = field(default_factory=set)
    """Pointers of phases already named in an unknown-phase finding (no empty-phase too)."""
    findings: list[Finding] = field(default_factory=list)


def _row(ctx: Context, pointer: str) -> tuple[str, int] | None:
    sheet, cell = ctx.locator.locate(pointer)
    digits = "".join(ch for ch in cell or "" if ch.isdigit())
    return (sheet or "", int(digits)) if digits else None


def _numbers(rows: Sequence[int], lang: str) -> str:
    shown = [str(r) for r in rows[:MAX_ROWS_NAMED]]
    more = len(rows) - len(shown)
    word = {"en": ("and", "more"), "nl": ("en", "meer")}[lang]
    if more:
        return f"{', '.join(shown)} {word[0]} {more} {word[1]}"
    if len(shown) == 1:
        return shown[0]
    return f"{', '.join(shown[:-1])} {word[0]} {shown[-1]}"


def rows_text(ctx: Context, pointers: Sequence[str]) -> Text:
    """'Blueprint rows 5 and 6, Actions row 3' for the rows `pointers` were read from."""
    by_sheet: dict[str, list[int]] = {}
    for pointer in pointers:
        place = _row(ctx, pointer)
        if place:
            by_sheet.setdefault(place[0], []).append(place[1])
    parts = {"en": [], "nl": []}
    for sheet, rows in by_sheet.items():
        rows = sorted(set(rows))
        many = len(rows) > 1
        parts["en"].append(f"{sheet} {'rows' if many else 'row'} {_numbers(rows, 'en')}")
        parts["nl"].append(f"{sheet} {'regels' if many else 'regel'} {_numbers(rows, 'nl')}")
    return Text("; ".join(parts["en"]), "; ".join(parts["nl"]))


NO_NOTE = Text("", "")


def _row_count(ctx: Context, pointers: Sequence[str]) -> int:
    return len({place for place in (_row(ctx, p) for p in pointers) if place})


def refer(count: int) -> Text:
    """The verb after `rows_text`: one row refers (verwijst), several refer (verwijzen)."""
    return Text("refers", "verwijst") if count == 1 else Text("refer", "verwijzen")


def loose_id(value: str) -> str:
    """An ID as people mistype it: case, spaces, dashes, dots and leading zeros ignored
    ('c 7' and 'C-07' are 'C07' loosely)."""
    text = re.sub(r"[\s\-_.]", "", normalise_name(value))
    return re.sub(r"\d+", lambda m: str(int(m[0])), text)


def _renamed(what_en: str, what_nl: str, why_en: str, why_nl: str) -> Text:
    """The sentence that says the name in the finding's cell is probably the renamed one."""
    return Text(f" The {what_en} in this cell {why_en}: it was probably renamed.",
                f" De {what_nl} in deze cel {why_nl}: die is waarschijnlijk hernoemd.")


def _phase_findings(ctx: Context, links: Links) -> None:
    if "phases" not in ctx.locator.tables:
        return
    journey = ctx.journey
    known = {normalise_name(p.name) for p in journey.phases}
    unknown: dict[str, list[Touchpoint]] = {}
    for tp in journey.touchpoints:
        if tp.phase and normalise_name(tp.phase) not in known:
            unknown.setdefault(normalise_name(tp.phase), []).append(tp)
    if not unknown:
        return
    used = {normalise_name(t.phase) for t in journey.touchpoints if t.phase}
    empty = [p for p in journey.phases if normalise_name(p.name) not in used]
    sheet_name = ctx.sheet_name(PHASES)
    renamed = len(unknown) == 1 and len(empty) == 1 and "touchpoints" in ctx.locator.tables
    for rows in unknown.values():
        typed = rows[0].phase
        where = rows_text(ctx, [f"{tp.pointer}/phase" for tp in rows])
        note, at = NO_NOTE, f"{rows[0].pointer}/phase"
        if renamed:
            phase = empty[0]
            links.quiet_phases.add(phase.pointer)
            note, at = _renamed(f"phase '{phase.name}'", f"fase '{phase.name}'", "has no touchpoints",
                                "heeft geen contactmomenten"), f"{phase.pointer}/name"
        links.findings.append(
            ctx.at("unknown-phase", at, phase=typed, sheet_name=sheet_name, rows=where, renamed=note)
        )


def _touchpoint_findings(ctx: Context, links: Links) -> None:
    journey = ctx.journey
    first: dict[str, Touchpoint] = {}
    duplicates: list[Touchpoint] = []
    for tp in journey.touchpoints:
        key = normalise_name(tp.id)
        if key in first:
            duplicates.append(tp)
            links.quiet_touchpoints.add(tp.pointer)  # what belongs to this row is not known
        else:
            first[key] = tp
    unknown: dict[str, list[str]] = {}
    typed: dict[str, str] = {}
    referenced: set[str] = set()
    if "touchpoints" in ctx.locator.tables:
        for rows in (journey.blueprint, journey.actions, journey.responses):
            for row in rows:
                key = normalise_name(row.touchpoint_id)
                referenced.add(key)
                if key not in first:
                    unknown.setdefault(key, []).append(f"{row.pointer}/touchpoint_id")
                    typed.setdefault(key, row.touchpoint_id)
    # A reference that is an existing ID but for case, spaces or leading zeros ('C7' for 'C07')
    # is that ID mistyped: its own finding at its row, never a rename elsewhere.
    loose: dict[str, list[Touchpoint]] = {}
    for tp in first.values():
        loose.setdefault(loose_id(tp.id), []).append(tp)
    near = {key: loose[loose_id(typed[key])][0] for key in unknown if len(loose.get(loose_id(typed[key]), [])) == 1}
    # Rows that refer to an ID on no row may have meant a touchpoint typed with a duplicate ID;
    # that is only suggested when the rename leaves no reference ambiguous: one duplicate, one such ID.
    missing = [key for key in unknown if key not in near]
    fold = len(duplicates) == 1 and len(missing) == 1
    for tp in duplicates:
        folded, at, other = NO_NOTE, tp, first[normalise_name(tp.id)]
        if fold:
            key = missing.pop(0)
            pointers = unknown.pop(key)
            where, verb = rows_text(ctx, pointers), refer(_row_count(ctx, pointers))
            meant = _meant(journey.touchpoints, (other, tp), typed[key])
            said = Text(f" {where.en} {verb.en} to '{typed[key]}', which is on no row of "
                        f"{ctx.sheet_name(TOUCHPOINTS).en}",
                        f" {where.nl} {verb.nl} naar '{typed[key]}', dat op geen regel van "
                        f"{ctx.sheet_name(TOUCHPOINTS).nl} staat")
            if meant is not None:  # the row whose neighbours '{typed}' fits between
                at, other = meant, (tp if meant is other else other)
                folded = Text(f"{said.en}: was this row meant to be '{typed[key]}'?",
                              f"{said.nl}: was deze regel bedoeld als '{typed[key]}'?")
            else:  # either row may be the one: say so, and rename neither
                folded = Text(f"{said.en}: one of the two rows was probably meant to be '{typed[key]}'.",
                              f"{said.nl}: een van beide regels was waarschijnlijk bedoeld als '{typed[key]}'.")
        links.findings.append(ctx.at(
            "duplicate-id", f"{at.pointer}/id", id=at.id, first=first_cell(ctx, f"{other.pointer}/id"), folded=folded,
        ))
    orphans = [tp for key, tp in first.items() if key not in referenced and tp.pointer not in links.quiet_touchpoints]
    sheet_name = ctx.sheet_name(TOUCHPOINTS)
    unmatched = [key for key in unknown if key not in near]
    renamed = len(unmatched) == 1 and len(orphans) == 1 and len(unknown[unmatched[0]]) > 1
    for key, pointers in unknown.items():
        where = rows_text(ctx, pointers)
        note, at = NO_NOTE, pointers[0]
        if key in near:
            meant = near[key]
            cell = first_cell(ctx, f"{meant.pointer}/id")
            note = Text(f" Did you mean '{meant.id}' ({sheet_name.en} {cell})?",
                        f" Bedoelt u '{meant.id}' ({sheet_name.nl} {cell})?")
        elif renamed:
            tp = orphans[0]
            links.quiet_touchpoints.add(tp.pointer)
            note, at = _renamed(f"ID '{tp.id}'", f"ID '{tp.id}'", "is used on no other sheet",
                                "wordt op geen ander blad gebruikt"), f"{tp.pointer}/id"
        links.findings.append(ctx.at("unknown-touchpoint", at, id=typed[key], sheet_name=sheet_name, rows=where,
                                     refer=refer(_row_count(ctx, pointers)), renamed=note))


def _order(value: str) -> tuple[tuple[int, object], ...]:
    """An ID's place in a natural order: 'C9' before 'C10'."""
    return tuple((0, int(part)) if part.isdigit() else (1, part)
                 for part in re.findall(r"\d+|\D+", loose_id(value)))


def _meant(touchpoints: Sequence[Touchpoint], pair: tuple[Touchpoint, Touchpoint], wanted: str) -> Touchpoint | None:
    """Which of the two rows with one ID was meant to be `wanted`: the one whose neighbours on
    the sheet `wanted` fits between (C15, ?, C17 for C16); None when not exactly one fits."""
    key = _order(wanted)
    fits = []
    for tp in pair:
        i = next(n for n, t in enumerate(touchpoints) if t is tp)
        before = _order(touchpoints[i - 1].id) if i > 0 else None
        after = _order(touchpoints[i + 1].id) if i + 1 < len(touchpoints) else None
        if (before is None or before < key) and (after is None or key < after):
            fits.append(tp)
    return fits[0] if len(fits) == 1 else None


def first_cell(ctx: Context, pointer: str) -> str:
    sheet, cell = ctx.locator.locate(pointer)
    return cell or sheet or "?"


def links(ctx: Context) -> Links:
    """The reference findings of `ctx`, worked out once for all the rules that need them."""
    found = ctx.cache.get("links")
    if not isinstance(found, Links):
        found = Links()
        _phase_findings(ctx, found)
        _touchpoint_findings(ctx, found)
        ctx.cache["links"] = found
    return found


def references_known(ctx: Context) -> Iterator[Finding]:
    """Phases, duplicate IDs and the rows that refer to touchpoints: one finding per mistake."""
    yield from links(ctx).findings
