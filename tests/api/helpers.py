from guides.models import GuideIndexPage, GuidePage


def get_json(client, url, **params):
    response = client.get(url, params)
    assert response["Content-Type"].startswith("application/json"), response.content[:200]
    return response, response.json()


def first_guide():
    return GuidePage.objects.order_by("number").first()


def add_guide(publish, number, **fields):
    """A copy of the first demo guide, published (with `publish`)."""
    template = first_guide()
    guide = GuidePage(
        title=f"Guide {number}",
        slug=f"guide-{number}",
        summary=template.summary_en,
        body_en=template.body_en.raw_data,
        number=number,
        series=template.series,
        **fields,
    )
    GuideIndexPage.objects.get().add_child(instance=guide)
    return publish(guide)
