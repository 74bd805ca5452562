from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home")

    def ready(self):
        from cms.content import PageType, register_page_type
        from home.models import HomePage
        from home.representation import home_representation

        register_page_type(
            HomePage,
            PageType(detail_url=HomePage.api_detail_url, representation=home_representation),
        )
