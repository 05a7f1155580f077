"""`xlplugin compare` for people: the touchpoints of both maps side by side."""

from __future__ import annotations

from xlplugin.core.analysis.compare import Comparison
from xlplugin.core.analysis.quadrants import QUADRANTS
from xlplugin.text import Lang, Text, decimal


def comparison_text(self: Comparison, lang: Lang = "en") -> str:
    """As-is against to-be for people: each touchpoint's rating, emotion and gap with their change."""
    t = lambda en, nl: Text(en, nl).in_(lang)  # noqa: E731

    def num(x: float | None, sign: bool = False) -> str:
        return decimal(x, lang, 1, missing="-", sign=sign)

    lines = [t(f"{'ID':<8} {'touchpoint':<40} {'rating':>13} {'emotion':>9} {'gap':>15}  quadrant",
               f"{'ID':<8} {'contactmoment':<40} {'waardering':>13} {'emotie':>9} {'gap':>15}  kwadrant")]
    for c in self.changed:
        q = (QUADRANTS[c.after.quadrant].in_(lang) if c.before.quadrant == c.after.quadrant
             else f"{QUADRANTS[c.before.quadrant].in_(lang)} -> {QUADRANTS[c.after.quadrant].in_(lang)}")
        lines.append(
            f"{c.id:<8} {(c.after.touchpoint or '')[:40]:<40} "
            f"{num(c.after.rating):>5} ({num(c.delta('rating'), True):>5}) "
            f"{num(c.after.emotion, True):>4} ({num(c.delta('emotion'), True):>3}) "
            f"{num(c.after.gap):>6} ({num(c.delta('gap'), True):>6})  {q}"
        )
    lines.append("")
    for title, items in ((t("Added", "Toegevoegd"), self.added), (t("Removed", "Verwijderd"), self.removed)):
        lines.append(f"{title}: " + (", ".join(f"{p.id} ({p.touchpoint})" for p in items) or "-"))
    changes = [*(f"+{p}" for p in self.phases_added), *(f"-{p}" for p in self.phases_removed),
               *(f"{a} -> {b}" for a, b in self.phases_renamed),
               *(f"{c.id}: {c.before.phase} -> {c.after.phase}" for c in self.moved)]
    lines.append(t("Phases: ", "Fasen: ") + ("; ".join(changes) or t("unchanged", "ongewijzigd")))
    return "\n".join(lines)
