"""The help pages, the explanations of the words of the trade, and every message: plain English that
most people read easily. Flesch reading ease (textstat) of 60 or more is "plain English" (GOV.UK aims
for 60 to 70; 100 is easiest); a page or message list below it fails."""
from __future__ import annotations

import re

import pytest
import textstat

from pa_manager import help_pages
from pa_manager.messages import MESSAGES

EASY_ENOUGH = 60


@pytest.mark.parametrize("page", help_pages.PAGES, ids=lambda p: p.key)
def test_each_help_page_is_easy_to_read(page):
    text = page.text()
    assert len(text.split()) > 40, "a help page says enough to be useful"
    assert textstat.flesch_reading_ease(text) >= EASY_ENOUGH


def test_the_explanations_of_words_are_easy_to_read():
    text = " ".join(help_pages.gloss(term) for term in help_pages.GLOSSARY)
    assert textstat.flesch_reading_ease(text) >= EASY_ENOUGH


def _filled(template: str) -> str:
    """A message with its blanks filled as a person would see them (a name, a date, an amount)."""
    return re.sub(r"\{[^}]*\}", "Janet", template)


def test_the_messages_are_easy_to_read():
    text = " ".join(_filled(message) for message in MESSAGES.values())
    assert textstat.flesch_reading_ease(text) >= EASY_ENOUGH


def test_the_main_tasks_each_have_a_help_page():
    titles = {page.title for page in help_pages.PAGES}
    assert {"Taking on a PA", "A pay day", "When the council asks to see your records", "Pay rises in April"} <= titles
    assert all(page.key in {p.key for p in help_pages.PAGES} for page in help_pages.PAGES)
    assert set(help_pages.PAGE_FOR_AREA.values()) <= {p.key for p in help_pages.PAGES}


def test_the_words_page_explains_every_word_of_the_trade():
    words = help_pages.page("words").text()
    for term in ("PAYE", "NI category", "qualifying earnings"):
        assert term in words and help_pages.gloss(term) in words
