"""Fixtures of the survey tests: the energy-switch sample without its second wave (Hermeting),
and without any responses at all; the wave's answers per respondent."""

from __future__ import annotations

import pytest

from . import helpers as h

WAVE = "Hermeting"


@pytest.fixture(scope="session")
def base(tmp_path_factory):
    """energy-switch.xlsx lacking the Hermeting wave (its Nulmeting rows kept)."""
    return h.workbook_without(tmp_path_factory.mktemp("base"), WAVE)


@pytest.fixture(scope="session")
def bare(tmp_path_factory):
    """energy-switch.xlsx without a Responses sheet."""
    return h.workbook_without(tmp_path_factory.mktemp("bare"), None, no_sheet=True)


@pytest.fixture(scope="session")
def empty(tmp_path_factory):
    """energy-switch.xlsx with the template's empty Responses sheet (its formatted spare rows)."""
    return h.workbook_without(tmp_path_factory.mktemp("empty"), None, drop_all=True)


@pytest.fixture(scope="session")
def made(base):
    return h.questionnaire(base)


@pytest.fixture(scope="session")
def records():
    return h.records_of(h.sample_document(), WAVE)
