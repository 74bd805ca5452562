import pytest
from openapi_spec_validator import validate

from guides.blocks import GuideBodyBlock


@pytest.fixture
def document(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    return response.json()


def test_openapi_document_is_valid_3_1(document):
    assert document["openapi"].startswith("3.1")
    validate(document)


def test_every_block_type_has_its_own_schema(document):
    schemas = document["components"]["schemas"]
    for type_name, block in GuideBodyBlock().child_blocks.items():
        item = schemas[type(block).__name__]
        assert item["properties"]["type"]["const"] == type_name
        assert item["properties"]["value"]["$ref"].endswith(
            "/" + type(block).__name__.removesuffix("Block")
        )
    assert schemas["Step"]["properties"]["day_from"]


def test_every_endpoint_is_documented(document):
    paths = set(document["paths"])
    assert {
        "/api/v1/guides/",
        "/api/v1/guides/{slug}/",
        "/api/v1/series/",
        "/api/v1/series/{slug}/",
        "/api/v1/topics/",
        "/api/v1/labels/",
        "/api/v1/pages/resolve/",
        "/api/v1/preview/",
        "/api/v1/home/",
    } <= paths


def test_docs_page_works_offline(client):
    html = client.get("/api/v1/docs/").content.decode()
    assert "swagger-ui" in html
    assert "cdn." not in html and "unpkg" not in html
