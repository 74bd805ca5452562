from guides.models import GuidePage


def get_json(client, url, **params):
    response = client.get(url, params)
    assert response["Content-Type"].startswith("application/json"), response.content[:200]
    return response, response.json()


def first_guide():
    return GuidePage.objects.order_by("number").first()
