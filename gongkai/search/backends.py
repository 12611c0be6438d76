"""Full-text tables per database: FTS5 on SQLite, tsvector + GIN on PostgreSQL.

Both receive the token lists of ``tokens.py`` (never the database's own word
parser), so they match the same items; they differ only in how they score.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.conf import settings
from django.db import connection

from gongkai.search.tokens import Phrase


@dataclass(frozen=True)
class Filters:
    """Conditions over the entries table ``e`` (column, year, 发布机构,
    有效性), with their parameters."""

    conditions: tuple[str, ...] = ()
    params: tuple = ()

    @property
    def sql(self) -> str:
        return " AND ".join(self.conditions)


def full_ranking_limit() -> int:
    return settings.SEARCH_FULL_RANKING_MAX_MATCHES


# Below this many matches, sorting them by date beats walking the date index.
DATE_WALK_MIN_MATCHES = 2000
FIELDS = ("title", "meta", "body", "attachments")
# Relative weight of a hit in each field.
WEIGHTS = (10.0, 5.0, 1.0, 0.5)
FTS_TABLE = "portal_search_fts"
HEADING_TABLE = "portal_search_heading"
HEADING_FIELDS = ("title", "meta")
VECTOR_TABLE = "portal_search_vector"
ENTRY_TABLE = "portal_search_searchentry"


def create_tables(schema_editor) -> None:
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        for table, fields in ((FTS_TABLE, FIELDS), (HEADING_TABLE, HEADING_FIELDS)):
            schema_editor.execute(
                f"CREATE VIRTUAL TABLE IF NOT EXISTS {table} USING fts5("
                f"{', '.join(fields)}, content='', "
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
    if schema_editor.connection.vendor == "sqlite":
        tables = (FTS_TABLE, HEADING_TABLE)
    else:
        tables = (VECTOR_TABLE,)
    for table in tables:
        schema_editor.execute(f"DROP TABLE IF EXISTS {table}")


class SQLiteBackend:
    """Two contentless FTS5 tables: every field, and the heading fields
    (title, 文号/索引号/关键词) alone, whose short rows rank broad queries
    quickly."""

    def delete(self, cursor, rowid: int, fields: Sequence[list[str]]) -> None:
        # A contentless FTS5 table forgets a row given the tokens it was
        # indexed with; the tokens are recomputed from the stored entry.
        texts = [" ".join(tokens) for tokens in fields]
        cursor.execute(
            f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, {', '.join(FIELDS)}) "
            "VALUES ('delete', %s, %s, %s, %s, %s)",
            [rowid, *texts],
        )
        cursor.execute(
            f"INSERT INTO {HEADING_TABLE}({HEADING_TABLE}, rowid, "
            f"{', '.join(HEADING_FIELDS)}) VALUES ('delete', %s, %s, %s)",
            [rowid, *texts[: len(HEADING_FIELDS)]],
        )

    def insert_many(
        self, cursor, rows: Iterable[tuple[int, Sequence[list[str]]]]
    ) -> None:
        rows = [
            (rowid, *(" ".join(tokens) for tokens in fields)) for rowid, fields in rows
        ]
        cursor.executemany(
            f"INSERT INTO {FTS_TABLE}(rowid, {', '.join(FIELDS)}) "
            "VALUES (%s, %s, %s, %s, %s)",
            rows,
        )
        cursor.executemany(
            f"INSERT INTO {HEADING_TABLE}(rowid, {', '.join(HEADING_FIELDS)}) "
            "VALUES (%s, %s, %s)",
            [row[: 1 + len(HEADING_FIELDS)] for row in rows],
        )

    def clear(self, cursor) -> None:
        for table in (FTS_TABLE, HEADING_TABLE):
            cursor.execute(f"INSERT INTO {table}({table}) VALUES ('delete-all')")

    @staticmethod
    def match_expression(phrases: Sequence[Phrase]) -> str:
        parts = []
        for phrase in phrases:
            quoted = '"' + " ".join(phrase.tokens) + '"'
            parts.append(quoted + ("*" if phrase.prefix else ""))
        return " AND ".join(parts)

    def matching_ids_sql(self, phrases: Sequence[Phrase]) -> tuple[str, list]:
        return self._ids_sql(self.match_expression(phrases))

    @staticmethod
    def _ids_sql(expression: str, table: str = FTS_TABLE) -> tuple[str, list]:
        return f"SELECT rowid FROM {table} WHERE {table} MATCH %s", [expression]

    def count(self, cursor, phrases: Sequence[Phrase], filters: Filters) -> int:
        return self._count(cursor, self.match_expression(phrases), filters)

    def _count(
        self, cursor, expression: str, filters: Filters, table: str = FTS_TABLE
    ) -> int:
        ids_sql, params = self._ids_sql(expression, table)
        if filters.conditions:
            # The full-text rows and the entries change together, in one
            # transaction, so only filters need the entries.
            cursor.execute(
                f"SELECT COUNT(*) FROM {ENTRY_TABLE} e WHERE e.page_id IN ({ids_sql}) "
                f"AND {filters.sql}",
                [*params, *filters.params],
            )
        else:
            cursor.execute(f"SELECT COUNT(*) FROM ({ids_sql})", params)
        return cursor.fetchone()[0]

    def ranked_ids(
        self, cursor, phrases, filters: Filters, *, limit: int, offset: int, total: int
    ) -> list[int]:
        """Page ids best first.

        bm25 costs a little for every match; past ``full_ranking_limit``
        matches (a broad word in a third of all items) it would take too
        long, so items with the words in the title or 文号/关键词 come first,
        by bm25 over those fields, and the other matches follow newest first
        (docs/decisions/0001-chinese-search.md).
        """
        expression = self.match_expression(phrases)
        if total <= full_ranking_limit():
            return self._bm25_ids(cursor, expression, filters, limit, offset)
        heading_total = self._count(cursor, expression, filters, HEADING_TABLE)
        ids: list[int] = []
        if offset < heading_total:
            ids = self._bm25_ids(
                cursor, expression, filters, limit, offset, HEADING_TABLE
            )
        if len(ids) < limit:
            heading_sql, heading_params = self._ids_sql(expression, HEADING_TABLE)
            ids += self._newest_ids(
                cursor,
                expression,
                Filters(
                    (*filters.conditions, f"+e.page_id NOT IN ({heading_sql})"),
                    (*filters.params, *heading_params),
                ),
                limit=limit - len(ids),
                offset=max(0, offset - heading_total),
                total=total - heading_total,
            )
        return ids

    def newest_ids(
        self, cursor, phrases, filters: Filters, *, limit: int, offset: int, total: int
    ) -> list[int]:
        return self._newest_ids(
            cursor,
            self.match_expression(phrases),
            filters,
            limit=limit,
            offset=offset,
            total=total,
        )

    def _bm25_ids(
        self,
        cursor,
        expression: str,
        filters: Filters,
        limit: int,
        offset: int,
        table: str = FTS_TABLE,
    ) -> list[int]:
        weights = ", ".join(
            str(weight) for weight in WEIGHTS[: 4 if table == FTS_TABLE else 2]
        )
        score = f"bm25({table}, {weights})"
        if filters.conditions:
            cursor.execute(
                f"SELECT e.page_id FROM {ENTRY_TABLE} e "
                f"JOIN {table} ON {table}.rowid = e.page_id "
                f"AND {table} MATCH %s WHERE {filters.sql} "
                f"ORDER BY {score}, e.page_id DESC LIMIT %s OFFSET %s",
                [expression, *filters.params, limit, offset],
            )
        else:
            cursor.execute(
                f"SELECT rowid FROM {table} WHERE {table} MATCH %s "
                f"ORDER BY {score}, rowid DESC LIMIT %s OFFSET %s",
                [expression, limit, offset],
            )
        return [row[0] for row in cursor.fetchall()]

    def _newest_ids(
        self, cursor, expression: str, filters: Filters, *, limit, offset, total
    ) -> list[int]:
        ids_sql, params = self._ids_sql(expression)
        # Many matches: walk the date index from the newest entry and stop at
        # the page's last match. Few: sorting the matches is cheaper.
        walk = (
            "INDEXED BY search_entry_newest" if total >= DATE_WALK_MIN_MATCHES else ""
        )
        condition = f"+e.page_id IN ({ids_sql})"
        if filters.conditions:
            condition += f" AND {filters.sql}"
        cursor.execute(
            f"SELECT e.page_id FROM {ENTRY_TABLE} e {walk} WHERE {condition} "
            "ORDER BY e.published_at DESC, e.page_id DESC LIMIT %s OFFSET %s",
            [*params, *filters.params, limit, offset],
        )
        return [row[0] for row in cursor.fetchall()]


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

    @staticmethod
    def _conditions(phrases: Sequence[Phrase]) -> tuple[str, list]:
        conditions, params = [], []
        for phrase in phrases:
            literal = _tsquery_literal(phrase)
            conditions.append(
                "(" + " OR ".join(f"v.{field} @@ %s::tsquery" for field in FIELDS) + ")"
            )
            params.extend([literal] * len(FIELDS))
        return " AND ".join(conditions), params

    def matching_ids_sql(self, phrases: Sequence[Phrase]) -> tuple[str, list]:
        conditions, params = self._conditions(phrases)
        return f"SELECT v.page_id FROM {VECTOR_TABLE} v WHERE {conditions}", params

    def _query(
        self, cursor, select: str, phrases, filters: Filters, tail: str, tail_params
    ):
        conditions, params = self._conditions(phrases)
        where = f"{conditions} AND {filters.sql}" if filters.conditions else conditions
        cursor.execute(
            f"SELECT {select} FROM {VECTOR_TABLE} v "
            f"JOIN {ENTRY_TABLE} e ON e.page_id = v.page_id WHERE {where} {tail}",
            [*params, *filters.params, *tail_params],
        )
        return cursor.fetchall()

    def count(self, cursor, phrases: Sequence[Phrase], filters: Filters) -> int:
        return self._query(cursor, "COUNT(*)", phrases, filters, "", [])[0][0]

    def ranked_ids(
        self, cursor, phrases, filters: Filters, *, limit: int, offset: int, total: int
    ) -> list[int]:
        """Page ids by field-weighted ts_rank, best first."""
        whole = " & ".join(f"({_tsquery_literal(phrase)})" for phrase in phrases)
        score = " + ".join(
            f"{weight} * ts_rank(v.{field}, %s::tsquery)"
            for field, weight in zip(FIELDS, WEIGHTS, strict=True)
        )
        rows = self._query(
            cursor,
            "v.page_id",
            phrases,
            filters,
            f"ORDER BY {score} DESC, v.page_id DESC LIMIT %s OFFSET %s",
            [*([whole] * len(FIELDS)), limit, offset],
        )
        return [row[0] for row in rows]

    def newest_ids(
        self, cursor, phrases, filters: Filters, *, limit: int, offset: int, total: int
    ) -> list[int]:
        rows = self._query(
            cursor,
            "v.page_id",
            phrases,
            filters,
            "ORDER BY e.published_at DESC, e.page_id DESC LIMIT %s OFFSET %s",
            [limit, offset],
        )
        return [row[0] for row in rows]


def backend_for(db_connection):
    if db_connection.vendor == "sqlite":
        return SQLiteBackend()
    if db_connection.vendor == "postgresql":
        return PostgresBackend()
    raise NotImplementedError(f"Portal search does not support {db_connection.vendor}.")


def backend():
    return backend_for(connection)
