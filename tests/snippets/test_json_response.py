"""Task json_response: `GET /` answers a JSON object naming the framework."""

import json
from collections.abc import Callable

import pytest

from tests.helpers import http_get
from tests.snippets.cases import snippets_for
from webatlas.catalogue.snippets import Snippet

pytestmark = pytest.mark.snippet


@pytest.mark.parametrize("snippet", snippets_for("json_response"))
def test_json_response(serve: Callable[[Snippet], str], snippet: Snippet) -> None:
    response = http_get(serve(snippet) + "/")
    assert response.status == 200
    assert response.media_type == "application/json"
    assert json.loads(response.body) == {"message": "Hello, world!", "framework": snippet.entry.slug}
