"""Test the json_body recipe with WebTest's TestApp, which calls Bottle's WSGI app in-process."""

import pytest
from json_body import app
from webtest import TestApp


@pytest.fixture
def client() -> TestApp:
    return TestApp(app)


def test_a_valid_item_is_created_with_a_new_id(client: TestApp) -> None:
    # status= makes WebTest fail the call on any other status, as it does by default on any 4xx or 5xx.
    response = client.post_json("/items", {"name": "Widget", "price": 9.5}, status=201)
    item = response.json
    assert isinstance(item["id"], int)
    assert item == {"id": item["id"], "name": "Widget", "price": 9.5}


@pytest.mark.parametrize(("body", "field"), [({"price": 9.5}, "name"), ({"name": "Widget", "price": 0}, "price")])
def test_a_bad_item_is_refused_with_the_field_named(client: TestApp, body: dict[str, object], field: str) -> None:
    response = client.post_json("/items", body, status=422)
    assert list(response.json["json"]) == [field]
