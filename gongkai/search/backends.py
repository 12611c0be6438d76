"""Full-text tables per database: FTS5 on SQLite, tsvector + GIN on PostgreSQL.

Both receive the token lists of ``tokens.py`` (never the database's own word
parser), so they match the same items; they differ only in how they score.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.db import connection

from gongkai.search.tokens import Phrase


@dataclass(frozen=True)
class MatchSQL:
    """SQL pieces of a full-text match over the entries table aliased ``e``;
    ``score`` sorts best first in ascending order."""

    join: str
    join_params: list
    score: str
    score_params: list


FIELDS = ("title", "meta", "body", "attachments")
# Relative weight of a hit in each field.
WEIGHTS = (10.0, 5.0, 1.0, 0.5)
FTS_TABLE = "portal_search_fts"
VECTOR_TABLE = "portal_search_vector"


def create_tables(schema_editor) -> None:
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
            f"{', '.join(FIELDS)}, content='', "
            "tokenize='unicode61 remove_diacritics 0')"
        )
    elif vendor == "postgresql":
        columns = ", ".join(f"{field} tsvector NOT NULL" for field in FIELDS)
        schema_editor.execute(
            f"CREATE TABLE IF NOT EXISTS {VECTOR_TABLE} "
            f"(page_id bigint PRIMARY KEY, {columns})"
        )
        for field in FIELDS:
            schema_editor.execute(
                f"CREATE INDEX IF NOT EXISTS {VECTOR_TABLE}_{field}_gin "
                f"ON {VECTOR_TABLE} USING gin ({field})"
            )
    else:
        raise NotImplementedError(f"Portal search does not support {vendor}.")


def drop_tables(schema_editor) -> None:
    table = FTS_TABLE if schema_editor.connection.vendor == "sqlite" else VECTOR_TABLE
    schema_editor.execute(f"DROP TABLE IF EXISTS {table}")


class SQLiteBackend:
    def delete(self, cursor, rowid: int, fields: Sequence[list[str]]) -> None:
        # A contentless FTS5 table forgets a row given the tokens it was
        # indexed with; the tokens are recomputed from the stored entry.
        cursor.execute(
            f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, {', '.join(FIELDS)}) "
            "VALUES ('delete', %s, %s, %s, %s, %s)",
            [rowid, *(" ".join(tokens) for tokens in fields)],
        )

    def insert_many(
        self, cursor, rows: Iterable[tuple[int, Sequence[list[str]]]]
    ) -> None:
        cursor.executemany(
            f"INSERT INTO {FTS_TABLE}(rowid, {', '.join(FIELDS)}) "
            "VALUES (%s, %s, %s, %s, %s)",
            [
                (rowid, *(" ".join(tokens) for tokens in fields))
                for rowid, fields in rows
            ],
        )

    def clear(self, cursor) -> None:
        cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('delete-all')")

    @staticmethod
    def match_expression(phrases: Sequence[Phrase]) -> str:
        parts = []
        for phrase in phrases:
            quoted = '"' + " ".join(phrase.tokens) + '"'
            parts.append(quoted + ("*" if phrase.prefix else ""))
        return " AND ".join(parts)

    def match_sql(self, phrases: Sequence[Phrase]) -> "MatchSQL":
        weights = ", ".join(str(weight) for weight in WEIGHTS)
        return MatchSQL(
            join=f"JOIN {FTS_TABLE} ON {FTS_TABLE}.rowid = e.page_id "
            f"AND {FTS_TABLE} MATCH %s",
            join_params=[self.match_expression(phrases)],
            score=f"bm25({FTS_TABLE}, {weights})",
            score_params=[],
        )


def _tsvector_literal(tokens: list[str]) -> str:
    positions: dict[str, list[int]] = {}
    for position, token in enumerate(tokens, start=1):
        positions.setdefault(token, []).append(position)
    return " ".join(
        "'{}':{}".format(token.replace("'", "''"), ",".join(map(str, where)))
        for token, where in positions.items()
    )


def _tsquery_literal(phrase: Phrase) -> str:
    quoted = [f"'{token}'" for token in phrase.tokens]
    if phrase.prefix:
        quoted[-1] += ":*"
    return " <-> ".join(quoted)


class PostgresBackend:
    def delete(self, cursor, rowid: int, fields: Sequence[list[str]]) -> None:
        cursor.execute(f"DELETE FROM {VECTOR_TABLE} WHERE page_id = %s", [rowid])

    def insert_many(
        self, cursor, rows: Iterable[tuple[int, Sequence[list[str]]]]
    ) -> None:
        casts = ", ".join("%s::tsvector" for _ in FIELDS)
        cursor.executemany(
            f"INSERT INTO {VECTOR_TABLE} (page_id, {', '.join(FIELDS)}) "
            f"VALUES (%s, {casts}) ON CONFLICT (page_id) DO UPDATE SET "
            + ", ".join(f"{field} = EXCLUDED.{field}" for field in FIELDS),
            [
                (rowid, *(_tsvector_literal(tokens) for tokens in fields))
                for rowid, fields in rows
            ],
        )

    def clear(self, cursor) -> None:
        cursor.execute(f"DELETE FROM {VECTOR_TABLE}")

    def match_sql(self, phrases: Sequence[Phrase]) -> "MatchSQL":
        conditions = []
        params: list = []
        for phrase in phrases:
            literal = _tsquery_literal(phrase)
            conditions.append(
                "(" + " OR ".join(f"v.{field} @@ %s::tsquery" for field in FIELDS) + ")"
            )
            params.extend([literal] * len(FIELDS))
        whole = " & ".join(f"({_tsquery_literal(phrase)})" for phrase in phrases)
        score = " + ".join(
            f"{weight} * ts_rank(v.{field}, %s::tsquery)"
            for field, weight in zip(FIELDS, WEIGHTS, strict=True)
        )
        return MatchSQL(
            join=f"JOIN {VECTOR_TABLE} v ON v.page_id = e.page_id AND "
            + " AND ".join(conditions),
            join_params=params,
            score=f"-({score})",
            score_params=[whole] * len(FIELDS),
        )


def backend_for(db_connection):
    if db_connection.vendor == "sqlite":
        return SQLiteBackend()
    if db_connection.vendor == "postgresql":
        return PostgresBackend()
    raise NotImplementedError(f"Portal search does not support {db_connection.vendor}.")


def backend():
    return backend_for(connection)
