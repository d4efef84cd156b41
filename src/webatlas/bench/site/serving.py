"""Built sites served on loopback the way a static host serves them: text compressed with gzip when the browser accepts it."""

from __future__ import annotations

import gzip
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache, partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

COMPRESSED_SUFFIXES = frozenset({".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".csv", ".map"})
"""Text files a static host sends compressed; images and fonts are compressed already."""


@lru_cache(maxsize=512)
def _gzipped(path: Path) -> bytes:
    """A file's bytes compressed once per run: the served sites do not change while they are measured."""
    return gzip.compress(path.read_bytes(), compresslevel=6)


class StaticHandler(SimpleHTTPRequestHandler):
    """Serves a directory without an access log, compressing text when `compress` is set and the client accepts gzip."""

    def __init__(self, *args: Any, compress: bool, **kwargs: Any) -> None:
        # The base class answers the request inside __init__, so the flag must be set first.
        self.compress = compress
        super().__init__(*args, **kwargs)

    def log_message(self, format: str, *args: Any) -> None:
        """Drop the access log: Lighthouse makes hundreds of requests a run."""

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (self.compress and accepts_gzip and path.is_file() and path.suffix in COMPRESSED_SUFFIXES):
            super().do_GET()
            return
        body = _gzipped(path)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def served(directory: Path, compress: bool = True) -> Iterator[str]:
    """`directory` served on a free loopback port while the block runs; yields its base URL, ending in `/`."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(StaticHandler, directory=str(directory), compress=compress))
    thread = threading.Thread(target=server.serve_forever, name=f"serve-{directory.name}", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
