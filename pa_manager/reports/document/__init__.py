"""Shared page set-up for every PDF the app writes, in parts: the page's measures (measures.py), the
embedded font (fonts.py), paragraph styles (styles.py), tables (tables.py), charts (charts.py), and
page furniture with building a document (building.py).

Plain A4 in a readable size: 11 pt text, larger headings, at least 18 mm clear of every edge so no
printer cuts anything off. Every page carries the employer's name, the period and "Page N of M".
Every PDF embeds its font, so it looks the same and reads out the same on any computer, and keeps its
title, author and language.
"""
