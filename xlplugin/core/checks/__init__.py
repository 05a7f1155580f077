"""Validation: the reader's findings, the schema check and the journey's rules, in one report."""

from __future__ import annotations

from xlplugin.core.checks.context import Context, Settings
from xlplugin.core.checks.progress_rules import PROGRESS_RULES
from xlplugin.core.checks.rules import RULES
from xlplugin.core.checks.schema_check import schema_findings
from xlplugin.core.document import ReadResult
from xlplugin.core.model import Journey
from xlplugin.core.report import Report, reading_order

__all__ = ["Settings", "validate"]


def validate(
    result: ReadResult, settings: Settings | None = None, file: str | None = None, journey: Journey | None = None,
) -> Report:
    """Every finding about the workbook that `result` was read from, in reading order.
    `journey`: the model of `result.document` when the caller has built it already."""
    ctx = Context(result.document, result.locator, settings or Settings(), set(result.reported), journey)
    findings = list(result.findings)
    findings.extend(schema_findings(ctx))  # first: it marks what the rules should leave alone
    for rule in (*RULES, *PROGRESS_RULES):
        findings.extend(rule(ctx))
    return Report(file, reading_order(findings, result.locator.order), result.language)
