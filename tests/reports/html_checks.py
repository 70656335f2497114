"""What every report's web page must have for a screen reader, read with the standard HTML parser."""
from __future__ import annotations

from html.parser import HTMLParser


class _Reader(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_title = tag == "title"

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        self.text.append(data)


def read_html(path) -> _Reader:
    reader = _Reader()
    reader.feed(path.read_text(encoding="utf-8") if hasattr(path, "read_text") else path)
    return reader


def page_text(path) -> str:
    return " ".join(" ".join(read_html(path).text).split())


def accessibility_problems(path) -> list[str]:
    """Empty when the page has a language, a title, one h1 and headings in order, a caption and
    scoped header cells in every table, and no scripts or colour set inline."""
    reader = read_html(path)
    problems = []
    html = [attrs for tag, attrs in reader.tags if tag == "html"]
    if not html or not html[0].get("lang"):
        problems.append("no lang on <html>")
    if not reader.title.strip():
        problems.append("no <title>")
    levels = [int(tag[1]) for tag, _ in reader.tags if len(tag) == 2 and tag[0] == "h" and tag[1].isdigit()]
    if levels[:1] != [1] or levels.count(1) != 1:
        problems.append(f"headings should start with one h1: {levels}")
    problems += [f"heading skips from h{a} to h{b}" for a, b in zip(levels, levels[1:]) if b > a + 1]
    tables = sum(1 for tag, _ in reader.tags if tag == "table")
    captions = sum(1 for tag, _ in reader.tags if tag == "caption")
    if tables != captions:
        problems.append(f"{tables} tables but {captions} captions")
    problems += [f"<th> without scope: {attrs}" for tag, attrs in reader.tags if tag == "th" and "scope" not in attrs]
    problems += ["a script" for tag, _ in reader.tags if tag == "script"]
    problems += [f"inline style on <{tag}>" for tag, attrs in reader.tags if "style" in attrs]
    if tables == 0:
        problems.append("no tables")
    return problems
