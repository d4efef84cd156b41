"""Task static_files: `static/` is served under `/static/` with types, validators and 304s, and nothing outside it."""

import pytest

from tests.snippets import raw
from tests.snippets.conftest import App, app_fixture
from tests.snippets.expect import media_type

pytestmark = pytest.mark.snippet
app = app_fixture("static_files")

FILES = {"hello.txt": "text/plain", "style.css": "text/css"}


@pytest.mark.parametrize("name", FILES)
def test_a_file_is_served_with_its_type_and_a_validator(app: App, name: str) -> None:
    response = app.client.get(f"/static/{name}")
    assert response.status_code == 200
    assert media_type(response) == FILES[name]
    assert response.content == (app.folder / "static" / name).read_bytes()
    assert "etag" in response.headers or "last-modified" in response.headers


def test_a_conditional_request_gets_304(app: App) -> None:
    first = app.client.get("/static/hello.txt")
    if "etag" in first.headers:
        again = app.client.get("/static/hello.txt", headers={"If-None-Match": first.headers["etag"]})
    else:
        again = app.client.get("/static/hello.txt", headers={"If-Modified-Since": first.headers["last-modified"]})
    assert again.status_code == 304
    assert again.content == b""


def test_a_missing_file_is_404(app: App) -> None:
    assert app.client.get("/static/missing.txt").status_code == 404


CLIMBS = ["/static/../{file}", "/static/%2e%2e/{file}", "/static/..%2f{file}", "/static/%2e%2e%2f{file}", "/static/..%5c{file}"]


@pytest.mark.parametrize("path", CLIMBS)
def test_no_path_climbs_out_of_the_folder(app: App, path: str) -> None:
    program = app.snippet.path
    response = raw.request(app.base_url, "GET", path.format(file=program.name))
    assert program.read_bytes()[:60] not in response.body, f"{path} served the program itself"
    assert response.status >= 300
