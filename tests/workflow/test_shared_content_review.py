"""Shared content (series, topics, quiz calls-to-action, FAQs) reaches readers only reviewed,
tried through real admin sessions with a CSRF token."""

import pytest

from guides.models import GuidePage
from tests.admin_post import AdminSession

pytestmark = pytest.mark.django_db


def guide():
    return GuidePage.objects.order_by("number").first()


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


class TestSharedContentGoesThroughReview:
    """Series, topics, quiz calls-to-action and FAQs are drafts until reviewed."""

    @staticmethod
    def snippet_form(session, model_name, pk):
        form = session.get(f"/admin/snippets/guides/{model_name}/edit/{pk}/").context["form"]
        return {
            name: form[name].field.widget.format_value(form[name].value()) or ""
            for name in form.fields
        }

    def test_a_translators_chinese_quiz_url_is_ignored_and_never_served(
        self, demo_site, client, translator
    ):
        from guides.models import QuizCallToAction

        cta = QuizCallToAction.objects.get()
        session = AdminSession(translator)
        url = f"/admin/snippets/guides/quizcalltoaction/edit/{cta.pk}/"
        data = self.snippet_form(session, "quizcalltoaction", cta.pk)
        # A URL is shared, not translated: read-only to a translator, so the posted one is
        # ignored.
        session.post(url, {**data, "quiz_url_zh_hans": "https://elsewhere.example/"})
        draft = QuizCallToAction.objects.get(pk=cta.pk).get_latest_revision_as_object()
        assert draft.quiz_url_zh_hans != "https://elsewhere.example/"
        chinese = client.get(f"/api/v1/guides/{guide().slug_en}/", {"locale": "zh-hans"})
        assert "elsewhere.example" not in chinese.content.decode()

    def test_an_editors_faq_edit_waits_for_review(
        self, demo_site, client, editor, reviewer, on_commit
    ):
        from guides.models import FAQ

        page = guide()
        before = client.get(f"/api/v1/guides/{page.slug_en}/").content.decode()
        faq = next(faq for faq in FAQ.objects.all() if faq.question_en in before)
        url = f"/admin/snippets/guides/faq/edit/{faq.pk}/"
        session = AdminSession(editor)
        data = {**self.snippet_form(session, "faq", faq.pk), "question_en": "Edited, unreviewed?"}
        with on_commit():
            session.post(url, data)  # a draft
            session.post(url, {**data, "action-publish": "1"})  # refused: editors cannot
        assert FAQ.objects.get(pk=faq.pk).question_en == faq.question_en
        assert (
            "Edited, unreviewed?"
            not in client.get(f"/api/v1/guides/{page.slug_en}/").json()["faqs"].__repr__()
        )
        reviewing = AdminSession(reviewer)
        data = self.snippet_form(reviewing, "faq", faq.pk)
        assert data["question_en"] == "Edited, unreviewed?", "the draft waits for the reviewer"
        with on_commit():
            reviewing.post(url, {**data, "action-publish": "1"})
        faqs = client.get(f"/api/v1/guides/{page.slug_en}/").json()["faqs"]
        assert "Edited, unreviewed?" in [item["question"] for item in faqs]

    def test_a_reviewers_faq_publish_keeps_the_chinese_in_review(
        self, demo_site, client, translator, reviewer, on_commit
    ):
        from guides.models import FAQ

        page = guide()
        english = client.get(f"/api/v1/guides/{page.slug_en}/").content.decode()
        faq = next(faq for faq in FAQ.objects.all() if faq.question_en in english)
        url = f"/admin/snippets/guides/faq/edit/{faq.pk}/"
        translating = AdminSession(translator)
        data = {
            **self.snippet_form(translating, "faq", faq.pk),
            "question_zh_hans": "未审核的问题？",
        }
        with on_commit():
            assert translating.post(url, data).status_code == 302
        reviewing = AdminSession(reviewer)
        data = {**self.snippet_form(reviewing, "faq", faq.pk), "question_en": "Reviewed English?"}
        with on_commit():
            reviewing.post(url, {**data, "action-publish": "1"})
        live = FAQ.objects.get(pk=faq.pk)
        assert (live.question_en, live.question_zh_hans) == (
            "Reviewed English?",
            faq.question_zh_hans,
        )
        chinese = client.get(f"/api/v1/guides/{page.slug_en}/", {"locale": "zh-hans"})
        assert "未审核的问题" not in chinese.content.decode()
        assert live.get_latest_revision_as_object().question_zh_hans == "未审核的问题？"

    def test_a_draft_series_is_not_shown_to_readers(self, demo_site, client, reviewer):
        from guides.models import Series

        series = Series(name="Unpublished", name_en="Unpublished", code="UN", slug="un")
        series.live = False
        series.save()
        series.save_revision(user=reviewer)
        GuidePage.objects.filter(pk=guide().pk).update(series=series)
        assert client.get("/api/v1/series/un/").status_code == 404
        detail = client.get(f"/api/v1/guides/{guide().slug_en}/").json()
        assert detail["series"] is None
