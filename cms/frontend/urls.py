from django.urls import path

from cms.frontend.views import shell

app_name = "frontend"

urlpatterns = [
    path("", shell, name="home"),
    path("<path:path>", shell, name="page"),
]
