"""API v1: the platform's routers plus each content app's own, mounted once in cms/urls.py."""

from cms.api import preview, resolve, search
from cms.api.router import build_api


def build_v1(*content_routers):
    api = build_api()
    api.add_router("", resolve.router)
    api.add_router("", preview.router)
    api.add_router("", search.router)
    for router in content_routers:
        api.add_router("", router)
    return api
