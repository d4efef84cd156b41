"""diwire's Django middleware makes the current request resolvable, so an injected view gets an object made from it."""

from dataclasses import dataclass

import django
from diwire import Container, Injected, Scope, resolver_context
from diwire.integrations.django import add_request_context
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.test import Client
from django.urls import path


@dataclass
class Caller:
    name: str


def make_caller(request: HttpRequest) -> Caller:
    return Caller(request.headers["X-Name"])


@resolver_context.inject(scope=Scope.REQUEST)
def greet(request: HttpRequest, caller: Injected[Caller]) -> HttpResponse:
    return HttpResponse(f"hello {caller.name}")


urlpatterns = [path("greet", greet)]


def main() -> None:
    container = Container()
    add_request_context(container)
    container.add_factory(make_caller, scope=Scope.REQUEST)
    settings.configure(
        ALLOWED_HOSTS=["testserver"],
        ROOT_URLCONF=__name__,
        MIDDLEWARE=["diwire.integrations.django.RequestContextMiddleware"],
    )
    django.setup()
    response = Client().get("/greet", headers={"X-Name": "probe"})
    if (response.status_code, response.content) != (200, b"hello probe"):
        raise SystemExit(f"GET /greet answered {response.status_code}: {response.content[:200]!r}")


if __name__ == "__main__":
    main()
