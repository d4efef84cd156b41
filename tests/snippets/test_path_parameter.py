"""Task path_parameter: `/items/{item_id}` takes an integer; anything else gets a 4xx before the handler runs."""

import json
from collections.abc import Callable

import pytest

from tests.helpers import http_get
from tests.snippets.cases import snippets_for
from webatlas.catalogue.snippets import Snippet

pytestmark = pytest.mark.snippet


@pytest.mark.parametrize("snippet", snippets_for("path_parameter"))
def test_integer_is_parsed(serve: Callable[[Snippet], str], snippet: Snippet) -> None:
    response = http_get(serve(snippet) + "/items/42")
    assert response.status == 200
    assert response.media_type == "application/json"
    assert json.loads(response.body) == {"item_id": 42}


@pytest.mark.parametrize("snippet", snippets_for("path_parameter"))
@pytest.mark.parametrize("bad_value", ["abc", "4.2"])
def test_non_integer_is_a_client_error(serve: Callable[[Snippet], str], snippet: Snippet, bad_value: str) -> None:
    response = http_get(serve(snippet) + f"/items/{bad_value}")
    assert 400 <= response.status < 500
