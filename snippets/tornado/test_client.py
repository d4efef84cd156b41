"""Test the json_body recipe with Tornado's AsyncHTTPTestCase, which serves the app on a loopback port in the test's process."""

import json

from json_body import ItemsHandler
from tornado.testing import AsyncHTTPTestCase
from tornado.web import Application


class ItemsTest(AsyncHTTPTestCase):
    def get_app(self) -> Application:
        # The recipe builds its Application inside main(), so the test routes its handler the same way.
        return Application([(r"/items", ItemsHandler)])

    def post_item(self, item: dict[str, object]) -> tuple[int, dict[str, object]]:
        # The test case's fetch() returns a 4xx response where AsyncHTTPClient.fetch would raise it.
        response = self.fetch("/items", method="POST", body=json.dumps(item), headers={"Content-Type": "application/json"})
        return response.code, json.loads(response.body)

    def test_a_valid_item_is_created_with_a_new_id(self) -> None:
        status, item = self.post_item({"name": "Widget", "price": 9.5})
        assert status == 201
        assert isinstance(item["id"], int)
        assert item == {"id": item["id"], "name": "Widget", "price": 9.5}

    def test_an_item_without_a_name_is_refused_with_the_field_named(self) -> None:
        status, body = self.post_item({"price": 9.5})
        assert status == 422
        assert body == {"errors": {"json": {"name": ["Missing data for required field."]}}}

    def test_an_item_with_a_price_of_zero_is_refused_with_the_field_named(self) -> None:
        status, body = self.post_item({"name": "Widget", "price": 0})
        assert status == 422
        assert body == {"errors": {"json": {"price": ["Must be greater than 0."]}}}
