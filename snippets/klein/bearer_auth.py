"""Let in only requests that carry the API token, with a Klein Requirer prerequisite that provides the API client."""

import hmac
import json
import os
import sys
from typing import cast

from klein import Klein, RequestComponent, Requirer, Response
from klein.interfaces import EarlyExit
from twisted.python.components import Componentized
from twisted.web.iweb import IRequest
from zope.interface import Interface

# Read once at startup; the server does not start without it.
API_TOKEN = os.environ["API_TOKEN"].encode()

app = Klein()
requirer = Requirer()


class IAPIClient(Interface):
    """The name of the client whose token the request carries."""


@requirer.prerequisite([IAPIClient])
def bearer_token(request: IRequest) -> None:
    # Asked for by a bytes name, Twisted hands over the raw bytes; a str name would decode them as UTF-8 and fail.
    scheme, _, token = (request.getHeader(b"Authorization") or b"").partition(b" ")
    # compare_digest takes as long whatever prefix matches, so timing gives nothing of the token away.
    if scheme.lower() != b"bearer" or not hmac.compare_digest(token, API_TOKEN):
        # EarlyExit answers in place of the route, which never runs.
        refusal = Response(401, {"WWW-Authenticate": "Bearer", "Content-Type": "application/json"}, '{"error": "unauthorized"}')
        raise EarlyExit(refusal)
    # Twisted's request is also Componentized, the store that RequestComponent reads from.
    cast(Componentized, request).setComponent(IAPIClient, "api-client")


@requirer.require(app.route("/me", methods=["GET"]), client=RequestComponent(IAPIClient))
def me(client: str) -> Response:
    return Response(headers={"Content-Type": "application/json"}, body=json.dumps({"user": client}))


if __name__ == "__main__":
    app.run("127.0.0.1", int(sys.argv[1]), displayTracebacks=False)
