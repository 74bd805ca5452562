"""What is translatable: every text field of guides and of the snippets they choose."""

from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from .models import FAQ, GuideIndexPage, GuidePage, QuizCallToAction, QuizPage, Series


@register(Series)
class SeriesTranslation(TranslationOptions):
    fields = ("name", "description")


@register(QuizCallToAction)
class QuizCallToActionTranslation(TranslationOptions):
    fields = ("heading", "text", "button_label", "quiz_url", "closing_heading", "closing_text")


@register(FAQ)
class FAQTranslation(TranslationOptions):
    fields = ("question", "answer")


@register(GuideIndexPage)
class GuideIndexPageTranslation(TranslationOptions):
    fields = ("introduction",)


@register(GuidePage)
class GuidePageTranslation(TranslationOptions):
    fields = ("subtitle", "summary", "body", "reading_time")


@register(QuizPage)
class QuizPageTranslation(TranslationOptions):
    fields = ("introduction", "dimensions", "questions", "profiles")
