"""wireup's Django app injects into a plain view a scoped object that an injectable built from the current request."""

import sys
from dataclasses import dataclass

import django
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.test import Client
from django.urls import path
from wireup import Injected, injectable
from wireup.integration.django import WireupSettings


@dataclass
class Caller:
    name: str


@injectable(lifetime="scoped")
def make_caller(request: HttpRequest) -> Caller:
    return Caller(request.headers["X-Name"])


def greet(request: HttpRequest, caller: Injected[Caller]) -> HttpResponse:
    return HttpResponse(f"hello {caller.name}")


urlpatterns = [path("greet", greet)]


def main() -> None:
    settings.configure(
        # wireup reads every setting into its configuration, and SECRET_KEY refuses to be read while empty.
        SECRET_KEY="probe",
        ALLOWED_HOSTS=["testserver"],
        ROOT_URLCONF=__name__,
        INSTALLED_APPS=["wireup.integration.django"],
        MIDDLEWARE=["wireup.integration.django.wireup_middleware"],
        WIREUP=WireupSettings(injectables=[sys.modules[__name__]]),
    )
    # The app's ready() wraps every view in the URLconf, so the views must exist before setup.
    django.setup()
    response = Client().get("/greet", headers={"X-Name": "probe"})
    if (response.status_code, response.content) != (200, b"hello probe"):
        raise SystemExit(f"GET /greet answered {response.status_code}: {response.content[:200]!r}")


if __name__ == "__main__":
    main()
