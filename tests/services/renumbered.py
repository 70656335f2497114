"""Rows compared whatever ids the database handed out: on PostgreSQL an id once used is never handed out
again, so records put back by importing a file again come back under new ids (SQLite reuses them)."""
from __future__ import annotations

from pa_manager.storage.models import Base


def renumbered(tables: dict[str, list[dict]]) -> dict[str, list[dict]]:
    """The rows with each table's ids numbered 1, 2, 3... in their order, and every reference to them
    numbered the same way: equal only when the content and what points at what are the same."""
    numbers = {name: {row["id"]: n for n, row in enumerate(sorted(rows, key=lambda r: r["id"]), 1)}
               for name, rows in tables.items() if rows and "id" in rows[0]}
    out = {}
    for name, rows in tables.items():
        table = Base.metadata.tables.get(name)
        refers = {fk.parent.name: fk.column.table.name for fk in table.foreign_keys} if table is not None else {}
        out[name] = sorted(
            ({column: (numbers[name][value] if column == "id" and name in numbers
                       else numbers.get(refers.get(column), {}).get(value, value) if column in refers
                       else value)
              for column, value in row.items()} for row in rows),
            key=lambda r: repr(sorted(r.items(), key=lambda kv: kv[0])))
    return out


def as_stored(db, tables: dict[str, list[dict]]) -> dict[str, list[dict]]:
    """The rows as they should compare on this database: exactly on SQLite (it hands removed ids out
    again), renumbered on PostgreSQL."""
    return tables if db.engine.dialect.name == "sqlite" else renumbered(tables)
