"""Live pages inserted in bulk: a tree path per page computed here, one INSERT per chunk for the
``wagtailcore_page`` rows and one for the page type's own table.

Wagtail's ``add_child`` + ``save_revision().publish()`` (or wagtail-localize's copies) costs tens
of queries per page; the benchmark needs 23,000. Pages made here have no revisions (editing one
in the admin starts its history) and are not in the search index until ``index_in_bulk``.
"""

import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import F
from django.utils import timezone
from wagtail.models import Page

BATCH = 500


def _insert_own_rows(model, objs) -> None:
    """Rows of a multi-table page type's own table (Django's bulk_create refuses those)."""
    fields = model._meta.local_concrete_fields
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in fields)
    marks = ", ".join(["%s"] * len(fields))
    sql = f"INSERT INTO {quote(model._meta.db_table)} ({columns}) VALUES ({marks})"
    rows = [
        [field.get_db_prep_save(getattr(obj, field.attname), connection) for field in fields]
        for obj in objs
    ]
    with connection.cursor() as cursor:
        for start in range(0, len(rows), BATCH):
            cursor.executemany(sql, rows[start : start + BATCH])


def add_live_children(parent: Page, model, items: list[dict]) -> list[int]:
    """Insert ``items`` (field values: title, slug, optional translation_key, the model's own
    fields) as live ``model`` pages under ``parent``, in ``parent``'s locale. Returns the ids."""
    if not items:
        return []
    parent.refresh_from_db(fields=["path", "depth", "numchild", "url_path"])
    last = parent.get_last_child()
    step = Page._str2int(last.path[-Page.steplen :]) + 1 if last else 1
    content_type = ContentType.objects.get_for_model(model)
    now = timezone.now()
    own = {field.attname for field in model._meta.local_concrete_fields}
    bases = []
    for offset, item in enumerate(items):
        bases.append(
            Page(
                title=item["title"],
                draft_title=item["title"],
                slug=item["slug"],
                content_type=content_type,
                locale_id=parent.locale_id,
                translation_key=item.get("translation_key") or uuid.uuid4(),
                live=True,
                has_unpublished_changes=False,
                first_published_at=now,
                last_published_at=now,
                url_path=f"{parent.url_path}{item['slug']}/",
                path=Page._get_path(parent.path, parent.depth + 1, step + offset),
                depth=parent.depth + 1,
                numchild=0,
            )
        )
    Page.objects.bulk_create(bases, batch_size=BATCH)
    pks = [base.pk for base in bases]
    if None in pks:  # a database without RETURNING: read the ids back by path
        by_path = dict(
            Page.objects.filter(path__in=[b.path for b in bases]).values_list("path", "pk")
        )
        pks = [by_path[base.path] for base in bases]
    specifics = []
    for pk, item in zip(pks, items, strict=True):
        values = {name: value for name, value in item.items() if name in own}
        specifics.append(model(page_ptr_id=pk, **values))
    _insert_own_rows(model, specifics)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(items))
    return pks
