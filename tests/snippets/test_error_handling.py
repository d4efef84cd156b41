"""Task error_handling: unknown paths and failing handlers answer JSON, a failure shows nothing of its cause to the
client but leaves its traceback in the server's log, and a method the route does not take is refused, never a 500."""

import httpx
import pytest

from tests.snippets.conftest import App, app_fixture
from tests.snippets.expect import is_json

pytestmark = pytest.mark.snippet
app = app_fixture("error_handling")

REFUSED_METHOD = (405, True)
"""What a method the route does not take gets: its status, and whether an Allow header names the methods it takes."""
REFUSED_METHOD_ELSEWHERE = {
    # Their routers have no notion of 405 (see each entry's resource_methods reason).
    "blacksheep": (404, False),
    "emmett": (404, False),
    "robyn": (404, False),
    # Muffin answers 405 but nothing in Muffin or asgi-tools sends Allow.
    "muffin": (405, False),
}


def boom(app: App) -> httpx.Response:
    # On a fresh connection: Starlette-based apps re-raise after answering, so Uvicorn closes the connection, and a
    # client that kept it alive would only see that as a reset on its next request.
    return app.client.get("/boom", headers={"Connection": "close"})


@pytest.mark.parametrize("path", ["/nowhere", "/a/b/c.html"])
def test_an_unknown_path_is_a_json_404(app: App, path: str) -> None:
    response = app.client.get(path)
    assert response.status_code == 404
    assert is_json(response)
    assert response.json() == {"error": "not found"}


def test_a_failing_handler_is_a_json_500_that_hides_its_cause(app: App) -> None:
    response = boom(app)
    assert response.status_code == 500
    assert is_json(response)
    assert "error" in response.json()
    for leak in ("secret detail", "Traceback", "RuntimeError", app.snippet.path.name):
        assert leak not in response.text


def test_a_failing_handler_leaves_its_traceback_in_the_servers_log(app: App) -> None:
    assert boom(app).status_code == 500
    # The handler's own line, which only a traceback quotes, and the exception the traceback ends with.
    app.output_showing('raise RuntimeError("secret detail")', "RuntimeError: secret detail")


def test_a_method_the_route_does_not_take_is_refused(app: App) -> None:
    status, names_allowed = REFUSED_METHOD_ELSEWHERE.get(app.snippet.entry.slug, REFUSED_METHOD)
    response = app.client.post("/boom")
    assert response.status_code == status
    if names_allowed:
        assert "GET" in {method.strip().upper() for method in response.headers.get("allow", "").split(",")}
