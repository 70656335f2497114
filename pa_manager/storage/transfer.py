"""Export one employer's rows to plain data, and import them into another data file.

Generic over the schema: every table carries employer_id, so each table's rows for one employer are
selected directly, and on import every primary key is given anew and every foreign key remapped.
New tables need no change here. What an export may hold, and how each value is read back, is
storage.export_schema's.
"""
from __future__ import annotations

import base64
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, delete, insert, select

from pa_manager.storage.export_schema import EMPLOYERS, owned_tables, read_value


def _to_json(value: Any) -> Any:
    if isinstance(value, bytes):
        return {"base64": base64.b64encode(value).decode("ascii")}
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def dump_employer(connection: Connection, employer_id: int) -> dict[str, list[dict[str, Any]]]:
    """Every row the employer owns, table by table, as JSON-ready values."""
    out: dict[str, list[dict[str, Any]]] = {}
    for table in owned_tables():
        key = table.c.id if table.name == EMPLOYERS else table.c.employer_id
        rows = connection.execute(select(table).where(key == employer_id).order_by(table.c.id))
        out[table.name] = [{k: _to_json(v) for k, v in row._mapping.items()} for row in rows]
    return out


def load_employer(connection: Connection, tables: dict[str, list[dict[str, Any]]]) -> int:
    """Insert a dumped employer with fresh ids; returns the new employer id."""
    new_ids: dict[str, dict[int, int]] = {}
    for table in owned_tables():
        foreign = {fk.parent.name: fk.column.table.name for fk in table.foreign_keys}
        mapping = new_ids.setdefault(table.name, {})
        for row in tables.get(table.name, []):
            values = {}
            for name, raw in row.items():
                if name == "id" or name not in table.c:
                    continue
                value = read_value(table.name, name, raw)
                if name in foreign and value is not None:
                    value = new_ids[foreign[name]][value]
                values[name] = value
            result = connection.execute(insert(table).values(**values))
            mapping[row["id"]] = result.inserted_primary_key[0]
    return next(iter(new_ids[EMPLOYERS].values()))


def delete_employer_rows(connection: Connection, employer_id: int) -> bool:
    """Delete an employer and every row they own, children first, so that rows kept from deletion on
    their own (a paid PA's pay records) go with their employer as a whole. False if not there."""
    for table in reversed(owned_tables()):
        key = table.c.id if table.name == EMPLOYERS else table.c.employer_id
        result = connection.execute(delete(table).where(key == employer_id))
    return result.rowcount > 0
