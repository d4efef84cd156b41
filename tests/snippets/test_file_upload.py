"""Task file_upload: a multipart upload answers its name, size and SHA-256; a body over 10 MiB gets 413."""

import hashlib
import os

import pytest

from tests.snippets import raw
from tests.snippets.conftest import App, app_fixture
from tests.snippets.expect import is_json

pytestmark = pytest.mark.snippet
app = app_fixture("file_upload")

MIB = 1024 * 1024


def test_a_small_file_is_summarised(app: App) -> None:
    content = b"hello upload\n"
    response = app.client.post("/upload", files={"file": ("note.txt", content, "text/plain")})
    assert response.status_code == 200
    assert is_json(response)
    assert response.json() == {"filename": "note.txt", "size": len(content), "sha256": hashlib.sha256(content).hexdigest()}


def test_a_5_mib_file_works(app: App) -> None:
    content = os.urandom(5 * MIB)
    response = app.client.post("/upload", files={"file": ("data.bin", content, "application/octet-stream")})
    assert response.status_code == 200
    assert response.json() == {"filename": "data.bin", "size": 5 * MIB, "sha256": hashlib.sha256(content).hexdigest()}


def test_a_body_over_10_mib_is_refused_with_413(app: App) -> None:
    boundary = "atlas-boundary"
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.bin"\r\n'
        "Content-Type: application/octet-stream\r\n\r\n"
    ).encode()
    tail = f"\r\n--{boundary}--\r\n".encode()
    size = 11 * MIB
    chunk = b"\0" * (256 * 1024)
    chunks = [head, *(chunk for _ in range(size // len(chunk))), tail]
    headers = {
        "Content-Type": f"multipart/form-data; boundary={boundary}",
        "Content-Length": str(len(head) + size + len(tail)),
    }
    response = raw.request(app.base_url, "POST", "/upload", headers, chunks)
    assert response.status == 413
