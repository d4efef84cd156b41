"""Test the json_body recipe with hug.test, which calls the module's API in-process through Falcon's WSGI test helpers."""

import hug
import json_body
import pytest


def test_a_valid_item_is_created_with_a_new_id() -> None:
    # hug.test sends a dict body as JSON and parses a JSON answer into response.data.
    response = hug.test.post(json_body, "/items", body={"name": "Widget", "price": 9.5})
    assert response.status == "201 Created"
    item = response.data
    assert isinstance(item["id"], int)
    assert item == {"id": item["id"], "name": "Widget", "price": 9.5}


@pytest.mark.parametrize(("body", "field"), [({"price": 9.5}, "name"), ({"name": "Widget", "price": 0}, "price")])
def test_a_bad_item_is_refused_with_the_field_named(body: dict[str, object], field: str) -> None:
    response = hug.test.post(json_body, "/items", body=body)
    assert response.status == "400 Bad Request"
    # hug gathers the failed fields under "errors".
    assert list(response.data["errors"]) == [field]
