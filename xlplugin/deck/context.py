"""What every slide builder is given: the frame, the journey, its priorities and its story."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from xlplugin.core.analysis.ranking import Priorities
from xlplugin.core.model import Journey
from xlplugin.deck.frame import Frame
from xlplugin.deck.story import Story
from xlplugin.text import Lang


@dataclass
class DeckContext:
    """One deck being built: a slide builder reads what it needs from here and adds slides to `frame`."""

    frame: Frame
    journey: Journey
    priorities: Priorities
    lang: Lang
    story: Story
    errors: int = 0
    comparison: Any = None
    """The as-is/to-be comparison (xlplugin.core.analysis.compare.Comparison) when the deck compares."""
    before: Journey | None = None
    """The as-is journey of the comparison."""
    uncertain: frozenset[str] | None = None
    """Touchpoint IDs the matrix draws hollow (uncertain); None: the priorities' own flags."""
