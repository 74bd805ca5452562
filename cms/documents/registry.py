"""The kinds of reader document, registered by the content apps that build them."""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import QuerySet


@dataclass(frozen=True)
class DocumentKind:
    """`build(page_ids, locale)` returns {page id: (live revision id, JSON bytes)} for those of
    the pages readers may see, exactly as the API serves them; `pages()` is every such page."""

    name: str
    build: Callable[[list[int], str], dict[int, tuple[int | None, bytes]]]
    pages: Callable[[], QuerySet]


KINDS: dict[str, DocumentKind] = {}


def register(kind):
    KINDS[kind.name] = kind
