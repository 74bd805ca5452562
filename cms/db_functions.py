"""Database functions Django does not ship for every backend."""

from django.db.models import Aggregate, JSONField


class JSONArrayAgg(Aggregate):
    """Aggregate values into a JSON array, on SQLite and PostgreSQL."""

    function = "JSON_GROUP_ARRAY"
    output_field = JSONField()

    def as_postgresql(self, compiler, connection, **extra_context):
        return self.as_sql(compiler, connection, function="JSONB_AGG", **extra_context)
