from .pages import GuideIndexPage, GuidePage, GuidePageTag
from .quiz import QuizPage, QuizResult
from .snippets import FAQ, QuizCallToAction, Series, Topic

__all__ = [
    "FAQ",
    "GuideIndexPage",
    "GuidePage",
    "GuidePageTag",
    "QuizCallToAction",
    "QuizPage",
    "QuizResult",
    "Series",
    "Topic",
]
