"""Test the json_body recipe with Django's test Client, which runs each request in-process through Django's handler."""

from collections.abc import Iterator

# Importing the recipe configures Django's settings, with the recipe's own URLs as the root URLconf.
import json_body  # noqa: F401
import pytest
from django.test import Client
from django.test.utils import setup_test_environment, teardown_test_environment


@pytest.fixture
def client() -> Iterator[Client]:
    # Django's test runner does this before its tests; among other things it adds testserver, the client's host, to ALLOWED_HOSTS.
    setup_test_environment()
    yield Client()
    teardown_test_environment()


def test_a_valid_item_is_created_with_a_new_id(client: Client) -> None:
    response = client.post("/items", {"name": "Widget", "price": 9.5}, content_type="application/json")
    assert response.status_code == 201
    item = response.json()
    assert isinstance(item["id"], int)
    assert item == {"id": item["id"], "name": "Widget", "price": 9.5}


@pytest.mark.parametrize(("body", "field"), [({"price": 9.5}, "name"), ({"name": "Widget", "price": 0}, "price")])
def test_a_bad_item_is_refused_with_the_field_named(client: Client, body: dict[str, object], field: str) -> None:
    response = client.post("/items", body, content_type="application/json")
    assert response.status_code == 422
    assert [error["loc"] for error in response.json()["detail"]] == [["body", "item", field]]
