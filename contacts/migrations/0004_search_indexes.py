"""Full-text indexes for the site search on PostgreSQL (contact persons), one per site language.

Each indexes the weighted search vector of the published rows exactly as publishing/text_search.py
builds it (``_vector``): PostgreSQL uses an expression index only for the very same expression, and
tests/publishing/test_text_search.py checks that it does. Other databases need nothing here.
"""

from django.db import migrations

# (index, table, the search vector's SQL)
INDEXES = [
    (
        "contactperson_search_en",
        "contacts_contactperson",
        """((setweight(to_tsvector('english'::regconfig, COALESCE(COALESCE("name", ''), '')), 'A') || setweight(to_tsvector('english'::regconfig, COALESCE(COALESCE(NULLIF("job_title_en", ''), NULLIF("job_title_da", ''), ''), '')), 'B')) || setweight(to_tsvector('english'::regconfig, COALESCE(COALESCE(NULLIF("responsibilities_en", ''), NULLIF("responsibilities_da", ''), ''), '')), 'C'))""",
    ),
    (
        "contactperson_search_da",
        "contacts_contactperson",
        """((setweight(to_tsvector('danish'::regconfig, COALESCE(COALESCE("name", ''), '')), 'A') || setweight(to_tsvector('danish'::regconfig, COALESCE(COALESCE(NULLIF("job_title_da", ''), NULLIF("job_title_en", ''), ''), '')), 'B')) || setweight(to_tsvector('danish'::regconfig, COALESCE(COALESCE(NULLIF("responsibilities_da", ''), NULLIF("responsibilities_en", ''), ''), '')), 'C'))""",
    ),
]


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, table, vector in INDEXES:
        schema_editor.execute(f'CREATE INDEX "{name}" ON "{table}" USING gin (({vector})) WHERE is_published')


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _table, _vector in INDEXES:
        schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')


class Migration(migrations.Migration):
    dependencies = [("contacts", "0003_first_published_at")]

    operations = [migrations.RunPython(create_indexes, drop_indexes, elidable=False)]
