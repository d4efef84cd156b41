"""Test the json_body recipe with Flask's test client, which calls the WSGI app in-process through Werkzeug."""

import pytest
from flask.testing import FlaskClient
from json_body import app


@pytest.fixture
def client() -> FlaskClient:
    # TESTING lets an exception in a view reach the test instead of turning into a 500 page.
    app.config.update(TESTING=True)
    return app.test_client()


def test_a_valid_item_is_created_with_a_new_id(client: FlaskClient) -> None:
    response = client.post("/items", json={"name": "Widget", "price": 9.5})
    assert response.status_code == 201
    item = response.get_json()
    assert isinstance(item["id"], int)
    assert item == {"id": item["id"], "name": "Widget", "price": 9.5}


@pytest.mark.parametrize(("body", "field"), [({"price": 9.5}, "name"), ({"name": "Widget", "price": 0}, "price")])
def test_a_bad_item_is_refused_with_the_field_named(client: FlaskClient, body: dict[str, object], field: str) -> None:
    response = client.post("/items", json=body)
    assert response.status_code == 422
    assert [error["loc"] for error in response.get_json()] == [[field]]
