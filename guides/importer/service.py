"""Write a parsed wiki article into a guide: one language, one draft revision, not live by default.

The English export creates or updates the guide; the Chinese export fills the zh-hans fields of the
same guide (matched by series and number, or by slug) and leaves every English field untouched.

The text is written as the parser gives it: the parser decides what a cut-off summary keeps and
notes it once, so nothing here rewrites text or notes it a second time.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.log_actions import log

from cms.i18n.every_language import in_current_language, in_every_language
from cms.locks import lock_problem
from cms.streams import raw_items
from cms.workflow.acknowledgements import IMPORT, acknowledge, open_warnings, scope_languages
from cms.workflow.publishing import SOURCE, TRANSLATION, PublishRefused, has_been_published
from guides.blocks import GuideBodyBlock
from guides.content_checks import CODE_INTERFACE_LABEL, ContentWarning, check_guide
from guides.log_actions import IMPORT_ACTION
from guides.models import GuideIndexPage, GuidePage, QuizCallToAction, Series
from guides.stream_data import reuse_ids, to_raw, without_ids

SUFFIXES = {"en": "en", "zh-hans": "zh_hans"}


class GuideImportError(Exception):
    """The article cannot be written; the message says why, in the editor's terms."""


@dataclass
class ImportOutcome:
    status: str  # "created", "updated" or "unchanged"
    guide: GuidePage
    warnings: list[ContentWarning] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def import_article(
    article, *, source_name, publish=False, accept_warnings=False, guide_slug=None, user=None
):
    """Import one parsed article in one transaction. Raises GuideImportError on any problem;
    with `publish`, also when the article has content warnings, unless `accept_warnings`."""
    with transaction.atomic():
        return _ArticleImport(article, source_name, user).run(publish, accept_warnings, guide_slug)


class _ArticleImport:
    def __init__(self, article, source_name, user):
        self.article = article
        self.language = article.language
        self.suffix = SUFFIXES[article.language]
        self.source_name = source_name
        self.user = user
        # Notes in every interface language (the page history shows them in the reader's).
        self.notes = list(article.notes_in_every_language)

    def run(self, publish, accept_warnings, guide_slug):
        series = self.find_series()
        guide = self.find_guide(series, guide_slug)
        created = guide is None
        if created:
            if self.language != "en":
                raise GuideImportError(
                    _(
                        "No guide %(series)s-%(number)s to fill in Chinese. Import the English "
                        "export first, or name the guide with --guide SLUG."
                    )
                    % {"series": self.article.series_name, "number": self.article.number}
                )
            guide = draft = self.create_guide(series or self.create_series())
        else:
            if locked := lock_problem(guide, self.user):
                raise GuideImportError(locked)
            draft = guide.get_latest_revision_as_object()
            before = self.snapshot(draft)
            self.apply(draft)
            if self.snapshot(draft) == before:
                return ImportOutcome("unchanged", guide, self.warnings(draft), self.notes_here())
            self.name_series_in_chinese(guide.series)

        warnings = self.warnings(draft)
        revision = self.save_revision(draft, warnings)
        if publish:  # the imported language only: English, or Chinese over the live English
            self.publish(GuidePage.objects.get(pk=guide.pk), revision, accept_warnings)
        status = "created" if created else "updated"
        guide = GuidePage.objects.get(pk=guide.pk)
        return ImportOutcome(status, guide, warnings, self.notes_here())

    def publish(self, guide, revision, accept_warnings):
        scope = SOURCE if self.language == "en" else TRANSLATION
        if scope == TRANSLATION and not has_been_published(guide):
            warnings = []  # the service refuses, saying why
        else:
            warnings = open_warnings(revision.as_object(), scope_languages(scope))
        if warnings:
            if not accept_warnings:
                raise GuideImportError(
                    ngettext(
                        "Not published: %(count)d content warning. Fix it, import without "
                        "--publish, or publish with --accept-warnings (noted in the page history).",
                        "Not published: %(count)d content warnings. Fix them, import without "
                        "--publish, or publish with --accept-warnings (noted in the page history).",
                        len(warnings),
                    )
                    % {"count": len(warnings)}
                )
            note = _("Published by import_guide --accept-warnings from “%(file)s”.") % {
                "file": self.source_name
            }
            acknowledge(guide, revision, user=self.user, note=note, step=IMPORT, warnings=warnings)
        try:
            guide.publish(revision, user=self.user, scope=scope)
        except PublishRefused as refusal:
            raise GuideImportError(str(refusal)) from None

    def notes_here(self):
        """The notes in the active language, for the command's report."""
        return [in_current_language(note) for note in self.notes]

    # Finding and creating

    def find_series(self):
        name = self.article.series_name.strip()
        lookup = {f"name_{self.suffix}__iexact": name}
        return Series.objects.filter(**lookup).first()

    def find_guide(self, series, guide_slug):
        guides = GuidePage.objects.all()
        if guide_slug:
            guide = (
                guides.filter(slug_en=guide_slug) | guides.filter(slug_zh_hans=guide_slug)
            ).first()
            if guide is None:
                raise GuideImportError(
                    _("--guide %(slug)s: no guide has this slug.") % {"slug": guide_slug}
                )
            return guide
        if series is not None:
            return guides.filter(series=series, number=self.article.number).first()
        if self.language != "en":
            # The series may have no Chinese name yet: match on the number alone if unambiguous.
            candidates = list(guides.filter(number=self.article.number)[:2])
            if len(candidates) == 1:
                number = self.article.number
                self.notes.append(
                    in_every_language(
                        lambda: (
                            _(
                                "Matched guide %(number)s by its number; its series had no Chinese "
                                "name yet."
                            )
                            % {"number": number}
                        )
                    )
                )
                return candidates[0]
        return None

    def name_series_in_chinese(self, series):
        """A draft of the series with its Chinese name, for translation review."""
        if self.language != "zh-hans" or series is None:
            return
        draft = series.get_latest_revision_as_object()
        if not draft.name_zh_hans:
            draft.name_zh_hans = self.article.series_name
            draft.save_revision(user=self.user)

    def create_series(self):
        name = self.article.series_name.strip()
        code = _unique_value(Series, "code", _initials(name), max_length=20)
        slug = _unique_value(Series, "slug", slugify(name) or "series", max_length=160)
        return Series.objects.create(name=name, name_en=name, code=code, slug=slug)

    def create_guide(self, series):
        index = GuideIndexPage.objects.first()
        if index is None:
            raise GuideImportError(
                _("There is no guide index page to import into. Create one first.")
            )
        slug = _unique_child_slug(
            index, _shorten(slugify(self.article.title), 200) or f"guide-{self.article.number}"
        )
        guide = GuidePage(
            title=self.article.title,
            slug=slug,
            slug_en=slug,
            series=series,
            number=self.article.number,
            live=False,
        )
        self.apply(guide)
        try:
            index.add_child(instance=guide)
        except ValidationError as error:
            raise GuideImportError(_validation_message(error)) from None
        log(instance=guide, action="wagtail.create", user=self.user)
        return guide

    # Writing one language

    def apply(self, page):
        suffix = self.suffix
        setattr(page, f"title_{suffix}", self.article.title)
        if suffix == "en":
            page.title = self.article.title
        setattr(page, f"subtitle_{suffix}", self.article.subtitle)
        setattr(page, f"summary_{suffix}", self.article.summary.strip())
        setattr(page, f"body_{suffix}", self.body(page))
        cta = self.quiz_cta(page)
        if cta is not None:
            page.quiz_cta = cta

    def body(self, page):
        block = GuideBodyBlock()
        plain = [{"type": b["type"], "value": b["value"]} for b in self.article.body]
        seed = f"import/{self.article.series_name}/{self.article.number}/{self.language}"
        raw = to_raw(block, plain, seed)
        same_language = getattr(page, f"body_{self.suffix}", None)
        other_language = (
            page.body_en if self.suffix != "en" else getattr(page, "body_zh_hans", None)
        )
        reference = same_language or other_language
        if reference:
            reuse_ids(raw, list(reference.raw_data))
        return raw

    def quiz_cta(self, page):
        quiz, closing = self.article.quiz, self.article.closing_cta
        if not quiz and not closing:
            return None
        values = {
            "heading": (quiz or closing).get("heading", ""),
            "text": (quiz or closing).get("text", ""),
            "button_label": (closing or {}).get("button_label", ""),
            "closing_heading": (closing or {}).get("heading", "") if quiz else "",
            "closing_text": (closing or {}).get("text", "") if quiz else "",
        }
        suffix = self.suffix
        if suffix != "en":
            cta = page.quiz_cta
            if cta is None:
                return None
            changed = [
                name for name, value in values.items() if getattr(cta, f"{name}_{suffix}") != value
            ]
            for name in changed:
                setattr(cta, f"{name}_{suffix}", values[name])
            if changed:
                cta.save()
            return cta
        lookup = {"heading_en": values["heading"], "text_en": values["text"]}
        cta = QuizCallToAction.objects.filter(**lookup).first()
        if cta is None:
            cta = QuizCallToAction.objects.create(
                quiz_url=settings.DEFAULT_QUIZ_URL,
                quiz_url_en=settings.DEFAULT_QUIZ_URL,
                **values,
                **{f"{name}_en": value for name, value in values.items()},
            )
        return cta

    def snapshot(self, page):
        suffix = self.suffix
        body = getattr(page, f"body_{suffix}", None)
        raw = body.raw_data if hasattr(body, "raw_data") else body
        return (
            getattr(page, f"title_{suffix}"),
            getattr(page, f"subtitle_{suffix}"),
            getattr(page, f"summary_{suffix}"),
            without_ids(list(raw or [])),
            page.quiz_cta_id,
        )

    def warnings(self, page):
        """Faults seen only in the source, then the content warnings of the imported language."""
        return self.source_faults() + self.content_warnings(page)

    def source_faults(self):
        return [
            ContentWarning(
                CODE_INTERFACE_LABEL,
                f"line {line}",
                _(
                    "Line %(line)s: the section label “%(label)s” is in the other language; "
                    "the front end adds labels, so it was not imported."
                )
                % {"line": line, "label": label},
            )
            for line, label in self.article.label_faults
        ]

    def content_warnings(self, page):
        suffix = self.suffix
        # The text as written into the draft: what the editor will see (and the edit view checks).
        names = ("title", "subtitle", "summary")
        fields = {name: getattr(page, f"{name}_{suffix}") or "" for name in names}
        body = getattr(page, f"body_{suffix}")
        return check_guide(fields, raw_items(body), self.language)

    def warnings_in_every_language(self, page, warnings):
        by_language = in_every_language(lambda: self.warnings(page))
        in_source = len(self.article.label_faults)
        return [
            {
                "code": warning.code,
                "path": warning.path,
                "message": {code: str(found[index].message) for code, found in by_language.items()},
                "in_source": index < in_source,  # left out of the guide (guides.warnings)
            }
            for index, warning in enumerate(warnings)
        ]

    def save_revision(self, page, warnings):
        try:
            revision = page.save_revision(user=self.user, log_action=False)
        except ValidationError as error:
            raise GuideImportError(_validation_message(error)) from None
        log(
            instance=page,
            action=IMPORT_ACTION,
            user=self.user,
            revision=revision,
            data={
                "file": self.source_name,
                "language": self.language,
                "warnings": self.warnings_in_every_language(page, warnings),
                "notes": self.notes,
            },
            content_changed=True,
        )
        return revision


def _validation_message(error):
    if hasattr(error, "message_dict"):
        return "; ".join(
            f"{name}: {' '.join(str(m) for m in messages)}"
            for name, messages in error.message_dict.items()
        )
    return " ".join(str(m) for m in error.messages)


def _initials(name):
    letters = "".join(word[0] for word in name.split() if word[:1].isalpha() and word[0].isupper())
    return (letters or slugify(name)[:8] or "S").upper()


def _shorten(slug, max_length):
    """`slug` cut to `max_length` between its words (at a hyphen), so no word is cut in two."""
    if len(slug) <= max_length:
        return slug
    cut = slug[: max_length + 1].rfind("-")
    return slug[:cut] if cut > 0 else slug[:max_length]


def _unique_value(model, field_name, base, max_length):
    candidate, counter = _shorten(base, max_length), 2
    while model.objects.filter(**{field_name: candidate}).exists():
        suffix = f"-{counter}"
        candidate, counter = f"{_shorten(base, max_length - len(suffix))}{suffix}", counter + 1
    return candidate


def _unique_child_slug(parent, base):
    candidate, counter = base, 2
    while parent.get_children().filter(slug=candidate).exists():
        candidate, counter = f"{base}-{counter}", counter + 1
    return candidate
