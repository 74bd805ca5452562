from .pages import GuideIndexPage, GuidePage, GuidePageTag
from .snippets import FAQ, QuizCallToAction, Series

__all__ = ["FAQ", "GuideIndexPage", "GuidePage", "GuidePageTag", "QuizCallToAction", "Series"]
