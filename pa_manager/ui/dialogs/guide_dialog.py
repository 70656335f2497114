"""The built-in help: a page for each main task, read as text (headings, lists), never pictures,
so a screen reader reads it as it reads a web page. The pages are in pa_manager/help_pages.py."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QLabel, QListWidget, QTextBrowser, QVBoxLayout,
)

from pa_manager.help_pages import PAGES, page
from pa_manager.ui.keyboard import ready_dialog
from pa_manager.ui.widgets.adaptive import AdaptiveSplitter


class GuideDialog(QDialog):
    """Help topics on the left (arrow keys choose), the page on the right (Tab reaches it)."""

    def __init__(self, parent=None, topic: str | None = None):
        super().__init__(parent)
        ready_dialog(self)
        self.setWindowTitle("PA Manager help")
        self.topics = QListWidget()
        self.topics.setAccessibleName("Help topics")
        for help_page in PAGES:
            self.topics.addItem(help_page.title)
        topics_label = QLabel("Help &topics:")
        topics_label.setBuddy(self.topics)
        self.text = QTextBrowser()
        self.text.setAccessibleName("Help page")
        self.text.setOpenExternalLinks(False)
        split = AdaptiveSplitter()
        split.addWidget(self.topics)
        split.addWidget(self.text)
        split.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(topics_label)
        layout.addWidget(split, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.topics.currentRowChanged.connect(self._show)
        keys = [p.key for p in PAGES]
        self.topics.setCurrentRow(keys.index(topic) if topic in keys else 0)
        self.resize(820, 600)

    def _show(self, row: int) -> None:
        if 0 <= row < len(PAGES):
            self.text.setHtml(PAGES[row].html())
            self.text.setAccessibleDescription(PAGES[row].title)

    def show_topic(self, key: str) -> None:
        self.topics.setCurrentRow([p.key for p in PAGES].index(page(key).key))
