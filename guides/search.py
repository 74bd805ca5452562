"""What the search index holds for a guide, per language."""

from cms.i18n.segments import segments_of
from cms.i18n.status import is_translated
from cms.search.index import plain
from cms.streams import is_translation
from guides.models import FAQ


def guide_documents(page):
    """{locale: (title, text)} of the live row. Chinese holds only its (approved) Chinese that
    is really translated, never an English fallback."""
    segments = segments_of(page)
    faq_ids = [
        block["value"].get("faq")
        for block in (page.body_en.raw_data if page.body_en else [])
        if block["type"] == "faq_snippet"
    ]
    faqs = list(FAQ.objects.filter(live=True, pk__in=[i for i in faq_ids if i]))
    english = [plain(s.source) for s in segments if s.key != "title"]
    english += [plain(f"{faq.question_en} {faq.answer_en}") for faq in faqs]
    documents = {"en": (page.title_en or page.title, " ".join(english))}

    chinese = [plain(s.target) for s in segments if s.key != "title" and is_translated(s)]
    for faq in faqs:
        if is_translation(faq.question_en, faq.question_zh_hans):
            chinese.append(plain(f"{faq.question_zh_hans} {faq.answer_zh_hans or ''}"))
    title = page.title_zh_hans if is_translation(page.title_en, page.title_zh_hans) else ""
    if title or chinese:
        documents["zh-hans"] = (title or page.title_en, " ".join(chinese))
    return documents
