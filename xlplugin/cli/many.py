"""`check` and `gaps` over several workbooks: one summary per file, in the order found."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from xlplugin.batch import Outcome, each_file
from xlplugin.cli.bar import Bar
from xlplugin.cli.gaps_text import CSV_COLUMNS, gaps_text, safe_cell
from xlplugin.text import Lang, Text, message_lang


def _lang(lang: Lang | None, outcome: Outcome[Any]) -> Lang:

    report = getattr(outcome.value, "report", outcome.value)
    return lang or getattr(report, "language", None) or message_lang()


def _tally(outcomes: list[Outcome[Any]], lang: Lang) -> tuple[str, int]:
    reports = [getattr(o.value, "report", o.value) for o in outcomes if o.error is None]
    bad = sum(not r.valid for r in reports)
    unread = len(outcomes) - len(reports)
    line = Text(f"{len(outcomes)} files: {len(reports) - bad} without errors, {bad} with errors, {unread} could not be read",
                f"{len(outcomes)} bestanden: {len(reports) - bad} zonder fouten, {bad} met fouten, {unread} niet te lezen").in_(lang)
    code = 2 if not reports else 1 if bad or unread else 0
    return line, code


def each_file_output(kind: str, paths: Sequence[str | Path], fmt: str, lang: Lang | None, top: int | None,
                     jobs: int | None, importance: str | None = None) -> tuple[str, int]:
    """The output of `check` or `gaps` (`kind`) over several workbooks, and the exit code: 0 when
    every file was read without errors, 1 when any has errors or could not be read, 2 when none was read."""

    outcomes = each_file(kind, paths, jobs, Bar(Text("workbooks", "werkmappen").in_(message_lang())), importance)
    tally, code = _tally(outcomes, lang or message_lang())
    if fmt == "json":
        items = []
        for o in outcomes:
            if o.error is not None:
                items.append({"file": o.file, "valid": False, "error": o.error.in_(_lang(lang, o))})
            elif kind == "check":
                items.append({**o.value.to_dict(_lang(lang, o)), "error": None})
            else:
                items.append({"file": o.file, "valid": o.value.report.valid, **o.value.priorities.to_dict(top),
                              "error": None})
        return json.dumps(items, indent=2, ensure_ascii=False) + "\n", code
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(("file", *CSV_COLUMNS))
        for o in outcomes:
            if o.error is None:
                priorities = o.value.priorities
                for p in priorities.ranked[:top] if top is not None else priorities.touchpoints:
                    data = p.to_dict()
                    writer.writerow([safe_cell(o.file), *(safe_cell(data[c]) for c in CSV_COLUMNS)])
        return out.getvalue(), code
    blocks = []
    for o in outcomes:
        here = _lang(lang, o)
        if o.error is not None:
            blocks.append(f"{o.file}: " + Text("cannot be read: ", "niet te lezen: ").in_(here) + o.error.in_(here))
        elif kind == "check":
            blocks.append(o.value.summary(here))
        else:
            head = f"{o.file}: {o.value.report.headline(here)}"
            blocks.append(head + "\n" + gaps_text(o.value.priorities, here, top))
    return "\n\n".join([*blocks, tally]) + "\n", code
