"""Task hello_text: `GET /` answers `Hello, world!` as UTF-8 plain text."""

from collections.abc import Callable

import pytest

from tests.helpers import http_get
from tests.snippets.cases import snippets_for
from webatlas.catalogue.snippets import Snippet

pytestmark = pytest.mark.snippet


@pytest.mark.parametrize("snippet", snippets_for("hello_text"))
def test_hello_text(serve: Callable[[Snippet], str], snippet: Snippet) -> None:
    response = http_get(serve(snippet) + "/")
    assert response.status == 200
    assert (response.media_type, response.charset) == ("text/plain", "utf-8")
    assert response.body == b"Hello, world!"
