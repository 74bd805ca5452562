"""Querysets compiled to SQL once per process and run with new values for marked parameters.

Compiling a query with subqueries costs the ORM more CPU than the database takes to run it;
a read that must cost a millisecond compiles once and then only binds its values.
"""

from django.db import connection


class PreparedQuery:
    """`build(**markers)` returns a queryset; each marker is a placeholder value (unique among
    the query's parameters) that `rows(**values)` replaces with the real one. Rows hold
    `fields` in that order, and rows [start:stop] of the query."""

    def __init__(self, build, fields, start=0, stop=None, **markers):
        self.build = build
        self.fields = tuple(fields)
        self.slice = slice(start, stop)
        self.markers = markers
        self.compiled = {}  # by database vendor

    def compile(self):
        queryset = self.build(**self.markers).values_list(*self.fields)[self.slice]
        sql, params = queryset.query.sql_with_params()
        positions = {
            name: [index for index, param in enumerate(params) if param == marker]
            for name, marker in self.markers.items()
        }
        unplaced = [name for name, found in positions.items() if not found]
        if unplaced:
            raise ValueError(f"Markers not among the query's parameters: {unplaced}")
        return sql, list(params), positions

    def rows(self, **values):
        if values.keys() != self.markers.keys():
            raise TypeError(f"Give a value for each marker: {sorted(self.markers)}")
        if connection.vendor not in self.compiled:
            self.compiled[connection.vendor] = self.compile()
        sql, params, positions = self.compiled[connection.vendor]
        params = params.copy()
        for name, value in values.items():
            for index in positions[name]:
                params[index] = value
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
            # The ORM orders the columns as it likes (modeltranslation's order even varies
            # between processes); each is named for its field.
            columns = [column[0] for column in cursor.description]
        order = [columns.index(name) for name in self.fields]
        if order == list(range(len(columns))):
            return rows
        return [tuple(row[index] for index in order) for row in rows]
