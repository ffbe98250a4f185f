"""Full-text indexes for the site search on PostgreSQL (initiatives and pages), one per site language.

Each indexes the weighted search vector of the published rows exactly as publishing/text_search.py
builds it (``_vector``): PostgreSQL uses an expression index only for the very same expression, and
tests/publishing/test_text_search.py checks that it does. Other databases need nothing here.
"""

from django.db import migrations

# (index, table, the search vector's SQL)
INDEXES = [
    (
        "initiative_search_en",
        "ufm_intl_initiative",
        """((setweight(to_tsvector('english'::regconfig, COALESCE(COALESCE(NULLIF("title_en", ''), NULLIF("title_da", ''), ''), '')), 'A') || setweight(to_tsvector('english'::regconfig, COALESCE(COALESCE(NULLIF("summary_en", ''), NULLIF("summary_da", ''), ''), '')), 'B')) || setweight(to_tsvector('english'::regconfig, COALESCE(COALESCE(NULLIF("body_en", ''), NULLIF("body_da", ''), ''), '')), 'C'))""",
    ),
    (
        "initiative_search_da",
        "ufm_intl_initiative",
        """((setweight(to_tsvector('danish'::regconfig, COALESCE(COALESCE(NULLIF("title_da", ''), NULLIF("title_en", ''), ''), '')), 'A') || setweight(to_tsvector('danish'::regconfig, COALESCE(COALESCE(NULLIF("summary_da", ''), NULLIF("summary_en", ''), ''), '')), 'B')) || setweight(to_tsvector('danish'::regconfig, COALESCE(COALESCE(NULLIF("body_da", ''), NULLIF("body_en", ''), ''), '')), 'C'))""",
    ),
    (
        "page_search_en",
        "ufm_intl_page",
        """((setweight(to_tsvector('english'::regconfig, COALESCE(COALESCE(NULLIF("title_en", ''), NULLIF("title_da", ''), ''), '')), 'A') || setweight(to_tsvector('english'::regconfig, COALESCE(COALESCE(NULLIF("summary_en", ''), NULLIF("summary_da", ''), ''), '')), 'B')) || setweight(to_tsvector('english'::regconfig, COALESCE(COALESCE(NULLIF("body_en", ''), NULLIF("body_da", ''), ''), '')), 'C'))""",
    ),
    (
        "page_search_da",
        "ufm_intl_page",
        """((setweight(to_tsvector('danish'::regconfig, COALESCE(COALESCE(NULLIF("title_da", ''), NULLIF("title_en", ''), ''), '')), 'A') || setweight(to_tsvector('danish'::regconfig, COALESCE(COALESCE(NULLIF("summary_da", ''), NULLIF("summary_en", ''), ''), '')), 'B')) || setweight(to_tsvector('danish'::regconfig, COALESCE(COALESCE(NULLIF("body_da", ''), NULLIF("body_en", ''), ''), '')), 'C'))""",
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
    dependencies = [("ufm_intl", "0012_first_published_at")]

    operations = [migrations.RunPython(create_indexes, drop_indexes, elidable=False)]
