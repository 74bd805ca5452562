import pytest
from django.core.management import call_command
from wagtail.models import Page, Site

from home.models import HomePage

pytestmark = pytest.mark.django_db


def test_demo_loader_runs_twice_without_duplicates():
    call_command("load_demo")
    pages_after_first = Page.objects.count()
    call_command("load_demo")

    assert Page.objects.count() == pages_after_first
    assert HomePage.objects.count() == 1
    home = HomePage.objects.get()
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk
    assert home.live
    assert home.title_en and home.title_zh_hans
