import pytest
from django.utils import translation
from wagtail.users.models import UserProfile

from home.models import HomePage

pytestmark = pytest.mark.django_db


def test_admin_login_works(client, admin_user):
    response = client.post("/admin/login/", {"username": "admin", "password": "pw"}, follow=True)
    assert response.status_code == 200
    assert response.context["user"].is_authenticated
    assert response.redirect_chain[-1][0] == "/admin/"


def test_home_edit_form_shows_both_languages(admin_client, home_page):
    response = admin_client.get(f"/admin/pages/{home_page.pk}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    for field in ("title", "heading", "introduction"):
        assert f'name="{field}_en"' in html
        assert f'name="{field}_zh_hans"' in html


def test_zh_hans_reads_back_and_falls_back_to_english(home_page):
    page = HomePage.objects.get(pk=home_page.pk)
    page.heading_en = "Welcome"
    page.heading_zh_hans = "欢迎"
    page.introduction_en = "<p>English only</p>"
    page.introduction_zh_hans = ""
    page.save()

    page = HomePage.objects.get(pk=home_page.pk)
    with translation.override("zh-hans"):
        assert page.heading == "欢迎"
        assert page.introduction == "<p>English only</p>"
    with translation.override("en"):
        assert page.heading == "Welcome"


def test_admin_speaks_chinese_to_a_zh_hans_user(client, admin_user):
    UserProfile.get_for_user(admin_user).__class__.objects.filter(user=admin_user).update(
        preferred_language="zh-hans"
    )
    client.force_login(admin_user)
    html = client.get("/admin/").content.decode()
    assert 'lang="zh-hans"' in html
    assert "仪表板" in html or "控制面板" in html
