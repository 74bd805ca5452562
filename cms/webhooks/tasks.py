"""Background tasks on the `webhooks` backend (django-tasks-db), run by `make worker`."""

from django_tasks import task


@task(backend="webhooks")
def deliver_page_events(endpoint_id, page_id):
    from cms.webhooks.delivery import deliver_in_order

    deliver_in_order(endpoint_id, page_id)


@task(backend="webhooks")
def purge_api_urls(urls):
    from wagtail.contrib.frontend_cache.utils import get_backends

    from cms.webhooks.purge import purge_now

    purge_now(urls, get_backends())
