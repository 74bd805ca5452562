"""What the platform asks of content apps, and where they register it.

The platform (cms/) never imports a content app. A content app registers, in its AppConfig's
ready(), what the platform needs of each of its page types (API, search, translation state), of
its shared content (which pages show it), and of how it groups pages (a guide's series).
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db.models import QuerySet


def _none(obj):
    return []


@dataclass(frozen=True)
class PageType:
    """A page type that API v1 serves."""

    # The page's API v1 URL, e.g. /api/v1/guides/<slug>/ (resolve, search, CDN purges).
    detail_url: Callable[[object], str]
    # The page as API v1 shows it in a locale: (page, locale, revision id) -> JSON-ready dict.
    # None for a page type that only lists others (a guide index).
    representation: Callable[[object, str, int | None], dict] | None = None
    # API v1 listings the page appears in (purged from the CDN when it changes).
    listing_urls: Callable[[object], list[str]] = _none
    # {locale: (title, text)} for the search index; None for a type that is not searched.
    search_documents: Callable[[object], dict] | None = None
    # The translation state readers of Chinese are told, kept for listings; None for none.
    translation_state: Callable[[object], str] | None = None
    # The open content warnings of a page (saved or not) in a language: (page, language) ->
    # [warning with code, path, message]. They gate submit, approval and publish
    # (cms.workflow.acknowledgements); None for a type that has none.
    content_warnings: Callable[[object, str], list] | None = None


@dataclass(frozen=True)
class SharedContent:
    """Content that pages show (a snippet): which live pages, and whether its untranslated text
    counts in those pages' translation state."""

    pages_showing: Callable[[object], Iterable[object]]
    counts_in_translation_state: bool = False


@dataclass(frozen=True)
class PageGroup:
    """How content groups its pages, for the translations report and exports."""

    label: str
    # The query parameter that chooses a group in the report (and its --option in exports).
    param: str
    # [(value, label)] of the groups.
    choices: Callable[[], list[tuple]]
    # An ORM path from a page to its group's value and to its group's name.
    value_path: str
    name_path: str
    # Pages of the group with this slug (exports by group).
    by_slug: Callable[[QuerySet, str], QuerySet] = field(default=lambda pages, slug: pages.none())


_page_types: dict[type, PageType] = {}
_shared_content: dict[type, SharedContent] = {}
_page_groups: list[PageGroup] = []


def register_page_type(model, page_type):
    _page_types[model] = page_type


def register_shared_content(model, shared):
    _shared_content[model] = shared


def register_page_group(group):
    _page_groups.append(group)


def page_type(page_or_model):
    """What was registered for a page (its specific type), or None."""
    model = page_or_model if isinstance(page_or_model, type) else type(page_or_model)
    return _page_types.get(model)


def shared_content(obj):
    return _shared_content.get(type(obj))


def page_group():
    """The content's way of grouping pages, or None."""
    return _page_groups[0] if _page_groups else None


def detail_url(page):
    registered = page_type(page)
    return registered.detail_url(page) if registered else None
