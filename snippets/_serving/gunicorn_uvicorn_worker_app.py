"""app.py as Gunicorn serves it with Uvicorn's worker class, and that
worker told that nginx serves the app under /api. The worker builds
Uvicorn's configuration from Gunicorn's settings but never reads
Gunicorn's --root-path; the one way to give it another Uvicorn
setting is a subclass whose CONFIG_KWARGS adds to that configuration.
The app itself stays the same as under every other server."""

from uvicorn_worker import UvicornWorker

from app import app

__all__ = ["MountedUvicornWorker", "app"]


class MountedUvicornWorker(UvicornWorker):
    # The parent's choice of event loop and HTTP parser, and the root
    # path: the proxy takes /api off, and the app puts it back in the
    # URLs it makes.
    CONFIG_KWARGS = {**UvicornWorker.CONFIG_KWARGS, "root_path": "/api"}
