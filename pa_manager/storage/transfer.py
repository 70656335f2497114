"""Export one employer's rows to plain data, and import them into another data file.

Generic over the schema: every table carries employer_id (but the file's own settings, which stay behind), so each table's rows for one employer are
selected directly, and on import every primary key is given anew and every foreign key remapped.
New tables need no change here. What an export may hold, and how each value is read back, is
storage.export_schema's.
"""
from __future__ import annotations

import base64
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, Table, delete, insert, select

from pa_manager.storage.export_schema import EMPLOYERS, owned_by, owned_tables, read_value
from pa_manager.storage.models import Base


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
    return {name: list(rows) for name, rows in stream_employer(connection, employer_id)}


def stream_employer(connection: Connection, employer_id: int) -> Iterator[tuple[str, Iterator[dict[str, Any]]]]:
    """Every row the employer owns, table by table in insert order (parents first), each row read from the
    database as it is wanted, so memory does not grow with the history. Take each table's rows before the
    next table."""
    for table in owned_tables():
        # Options on the statement, not the connection: they would stay on it for the statements after.
        result = connection.execute(select(table).where(owned_by(table, employer_id)).order_by(table.c.id)
                                    .execution_options(yield_per=_BATCH))
        yield table.name, ({k: _to_json(v) for k, v in row._mapping.items()} for row in result)


_BATCH = 1000


def load_employer(connection: Connection, tables: dict[str, list[dict[str, Any]]]
                  | Iterable[tuple[str, Iterable[dict[str, Any]]]]) -> int:
    """Insert a dumped employer with fresh ids; returns the new employer id. `tables` is a dump (table
    name -> rows), or the tables one after another as they are read (parents first, as stream_employer
    gives them): rows are inserted as they come, in batches, so memory does not grow with the history."""
    if isinstance(tables, dict):
        tables = [(table.name, tables.get(table.name, [])) for table in owned_tables()]
    by_name = {table.name: table for table in owned_tables()}
    referenced = {fk.column.table.name for table in owned_tables() for fk in table.foreign_keys}
    new_ids: dict[str, dict[int, int]] = {}
    for name, rows in tables:
        table = by_name.get(name)
        if table is None:
            for _ in rows:  # a table this version does not have: nothing to keep
                pass
            continue
        foreign = {fk.parent.name: fk.column.table.name for fk in table.foreign_keys}
        mapping = new_ids.setdefault(table.name, {})
        batch: list[dict[str, Any]] = []
        for row in rows:
            values = {}
            for column, raw in row.items():
                if column == "id" or column not in table.c:
                    continue
                value = read_value(table.name, column, raw)
                if column in foreign and value is not None:
                    value = new_ids[foreign[column]][value]
                values[column] = value
            if table.name in referenced:  # other rows point at it: its new id is needed now
                result = connection.execute(insert(table).values(**values))
                mapping[row["id"]] = result.inserted_primary_key[0]
            else:
                if batch and batch[0].keys() != values.keys():  # one statement takes rows of one shape
                    connection.execute(insert(table), batch)
                    batch = []
                batch.append(values)
                if len(batch) >= _BATCH:
                    connection.execute(insert(table), batch)
                    batch = []
        if batch:
            connection.execute(insert(table), batch)
    return next(iter(new_ids[EMPLOYERS].values()))


def delete_employer_rows(connection: Connection, employer_id: int) -> bool:
    """Delete an employer and every row they own, children first, so that rows kept from deletion on
    their own (a paid PA's pay records) go with their employer as a whole. False if not there."""
    for table in reversed(owned_tables()):
        result = connection.execute(delete(table).where(owned_by(table, employer_id)))
    return result.rowcount > 0


def pa_tables() -> list[Table]:
    """Tables holding rows about one PA (a pa_id, or a cover_pa_id), besides the PA's own row."""
    return [t for t in owned_tables() if "pa_id" in t.c or "cover_pa_id" in t.c]


def dump_pa(connection: Connection, pa_id: int) -> dict[str, list[dict[str, Any]]]:
    """Every row held about one PA, table by table, as JSON-ready values: their own row, every row
    that names them, and the files attached to their training records."""
    pas = Base.metadata.tables["pas"]
    out = {"pas": [{k: _to_json(v) for k, v in row._mapping.items()}
                   for row in connection.execute(select(pas).where(pas.c.id == pa_id))]}
    for table in pa_tables():
        key = table.c.pa_id if "pa_id" in table.c else table.c.cover_pa_id
        condition = key == pa_id
        if "cover_pa_id" in table.c and "pa_id" in table.c:
            condition = (table.c.pa_id == pa_id) | (table.c.cover_pa_id == pa_id)
        rows = connection.execute(select(table).where(condition).order_by(table.c.id))
        out[table.name] = [{k: _to_json(v) for k, v in row._mapping.items()} for row in rows]
    status = Base.metadata.tables["dbs_status_checks"]
    checks = [r["id"] for r in out.get("dbs_checks", [])]
    out["dbs_status_checks"] = [{k: _to_json(v) for k, v in row._mapping.items()} for row in connection.execute(
        select(status).where(status.c.dbs_check_id.in_(checks)).order_by(status.c.id))] if checks else []
    # Rows about them one step removed: their application's interview scores and offer, their cases' steps.
    for name, parent, key in (("interview_scores", "applicants", "applicant_id"), ("offers", "applicants", "applicant_id"),
                              ("hr_case_steps", "hr_cases", "case_id")):
        table = Base.metadata.tables[name]
        parents = [r["id"] for r in out.get(parent, [])]
        out[name] = [{k: _to_json(v) for k, v in row._mapping.items()} for row in connection.execute(
            select(table).where(table.c[key].in_(parents)).order_by(table.c.id))] if parents else []
    attachments = Base.metadata.tables["attachments"]
    ids = [r["attachment_id"] for r in out.get("training_records", []) if r.get("attachment_id")]
    out["attachments"] = [{k: _to_json(v) for k, v in row._mapping.items()} for row in connection.execute(
        select(attachments).where(attachments.c.id.in_(ids)).order_by(attachments.c.id))] if ids else []
    return out
