"""Render templates/hello.html with Django's template engine, which escapes the name."""

from pathlib import Path

from django.conf import settings
from django.core.asgi import get_asgi_application
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path

settings.configure(
    ALLOWED_HOSTS=["127.0.0.1", "localhost"],
    ROOT_URLCONF=__name__,
    TEMPLATES=[{"BACKEND": "django.template.backends.django.DjangoTemplates", "DIRS": [Path(__file__).parent / "templates"]}],
)


async def hello(request: HttpRequest) -> HttpResponse:
    return render(request, "hello.html", {"name": request.GET.get("name", "world")})


urlpatterns = [path("hello", hello)]

application = get_asgi_application()
