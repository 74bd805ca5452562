"""Keeping the search index current: one document per live page and language."""

from django.contrib.postgres.search import SearchVector
from django.db import connection, transaction
from django.utils.html import strip_tags
from wagtail.models import Page

from cms.content import page_type
from cms.i18n.locales import value_in
from cms.models import SearchDocument
from cms.pages import front_end_path
from cms.search.tokens import index_tokens, joined


def plain(html):
    return " ".join(strip_tags(html or "").split())


def index_page(page):
    """(Re)index `page`, or drop it from the index if it is not live or not searchable."""
    page = Page.objects.filter(pk=page.pk).first()
    page = page.specific if page else None
    registered = page_type(page) if page is not None else None
    if page is None or not page.live or not (registered and registered.search_documents):
        SearchDocument.objects.filter(page_id=getattr(page, "pk", None)).delete()
        return 0
    documents = registered.search_documents(page)
    with transaction.atomic():
        SearchDocument.objects.filter(page_id=page.pk).exclude(locale__in=documents).delete()
        for locale, (title, text) in documents.items():
            SearchDocument.objects.update_or_create(
                page_id=page.pk,
                locale=locale,
                defaults={
                    "title": title,
                    "text": text,
                    "title_tokens": joined(index_tokens(title)),
                    "tokens": joined(index_tokens(f"{title} {text}")),
                    "path": front_end_path(value_in(page, "url_path", locale)) or "",
                    "api_url": registered.detail_url(page),
                    "page_type": page._meta.label,
                    "published_at": page.last_published_at,
                },
            )
        store_vectors(SearchDocument.objects.filter(page_id=page.pk))
    return len(documents)


def store_vectors(documents):
    """On PostgreSQL, keep each document's tokens as a stored tsvector for the GIN index.

    Title words carry weight A and the rest D, so `ts_rank` alone ranks title matches first.
    """
    if connection.vendor == "postgresql":
        documents.update(
            search_vector=SearchVector("title_tokens", config="simple", weight="A")
            + SearchVector("tokens", config="simple", weight="D")
        )


def reindex_later(page_id):
    """Index a page once the current transaction commits (publish, unpublish, approval)."""
    transaction.on_commit(lambda: index_page(Page(pk=page_id)))
