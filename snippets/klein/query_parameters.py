"""Validate query parameters with Klein's form fields, which read the query string on GET."""

import json
import sys

from klein import Field, FieldValues, Form, Klein, Requirer, Response, SessionProcurer
from klein.interfaces import ISession
from klein.storage.memory import MemorySessionStore
from twisted.web.iweb import IRequest

app = Klein()
requirer = Requirer()
# Sessions live in this process's memory: other processes do not see them and a restart drops them; a real app uses a database.
sessions = MemorySessionStore()


# Klein's forms always run with a session (for CSRF checks on POST), so a GET without one starts a session and also
# answers with its cookie, Klein-INSECURE-Session over plain HTTP, Klein-Secure-Session over HTTPS.
@requirer.prerequisite([ISession])
def procure_session(request: IRequest):
    return SessionProcurer(sessions).procureSession(request)


@requirer.require(
    app.route("/search", methods=["GET"]),
    q=Field.text(),
    limit=Field.number(minimum=1, maximum=100, kind=int, required=False, default=10),
)
def search(q: str, limit: int) -> Response:
    return Response(headers={"Content-Type": "application/json"}, body=json.dumps({"q": q, "limit": limit}))


# Without this, a failed field would be answered with an HTML rendering of the form.
@Form.onValidationFailureFor(search)
def invalid_query(request: IRequest, values: FieldValues) -> Response:
    errors = {field.formFieldName: error.message for field, error in values.validationErrors.items()}
    return Response(code=400, headers={"Content-Type": "application/json"}, body=json.dumps({"errors": errors}))


if __name__ == "__main__":
    app.run("127.0.0.1", int(sys.argv[1]), displayTracebacks=False)
