"""Bulk-generated guide pages for benchmarks (inserted directly; used inside a rolled-back
transaction, never kept)."""


def guide_index_for(count):
    """The guide index to generate `count` guides under, or a CommandError saying what is wrong."""
    from django.core.management.base import CommandError
    from django.utils.translation import gettext as _
    from wagtail.models import Page

    if count < 1:
        raise CommandError(_("--guides must be at least 1."))
    index = Page.objects.filter(depth=3).first()
    if index is None:
        raise CommandError(_("Run `manage.py load_demo` first: there is no guide index."))
    return index


def bulk_guides(index, count, prefix="generated"):
    """Insert `count` live guide pages under `index`; returns their ids."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page

    from guides.models import GuidePage

    content_type = ContentType.objects.get_for_model(GuidePage)
    series_id = GuidePage.objects.values_list("series_id", flat=True).first()
    start = index.numchild + 1
    Page.objects.bulk_create(
        [
            Page(
                title=f"{prefix} {n}",
                title_en=f"{prefix} {n}",
                slug=f"{prefix}-{n}",
                slug_en=f"{prefix}-{n}",
                content_type=content_type,
                path=Page._get_path(index.path, index.depth + 1, start + n),
                depth=index.depth + 1,
                numchild=0,
                live=True,
                url_path=f"{index.url_path}{prefix}-{n}/",
                url_path_en=f"{index.url_path}{prefix}-{n}/",
                locale_id=index.locale_id,
            )
            for n in range(count)
        ],
        batch_size=1000,
    )
    ids = list(
        Page.objects.filter(slug__startswith=f"{prefix}-", depth=index.depth + 1).values_list(
            "pk", flat=True
        )
    )
    guides = [
        GuidePage(page_ptr_id=pk, series_id=series_id, number=100_000 + i, summary="x")
        for i, pk in enumerate(ids)
    ]
    GuidePage._base_manager._insert(guides, fields=list(GuidePage._meta.local_concrete_fields))
    return ids
