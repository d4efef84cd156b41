"""Serve the static/ folder under /static/ from Django with its static file view."""

from pathlib import Path

from django.conf import settings
from django.core.asgi import get_asgi_application
from django.urls import re_path
from django.views.static import serve

settings.configure(
    ALLOWED_HOSTS=["127.0.0.1", "localhost"],
    ROOT_URLCONF=__name__,
)

STATIC_DIR = Path(__file__).parent / "static"

# serve() sends Last-Modified, answers If-Modified-Since with 304 and refuses paths that leave document_root.
# Django's docs call this view unsuitable for production, where the web server or a CDN should serve the folder;
# under ASGI, Django also logs a warning the first time it streams a file, which it reads through a synchronous iterator.
urlpatterns = [re_path(r"^static/(?P<path>.*)$", serve, {"document_root": STATIC_DIR})]

application = get_asgi_application()
