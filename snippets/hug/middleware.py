"""Give every hug response an X-Request-ID with request and response middleware."""

import uuid

import hug


@hug.request_middleware()
def assign_request_id(request, response):
    request.context.request_id = request.get_header("X-Request-ID") or str(uuid.uuid4())


# Response middleware also runs for hug's 404 answers.
@hug.response_middleware()
def send_request_id(request, response, resource):
    response.set_header("X-Request-ID", request.context.request_id)


@hug.get("/")
def show_request_id(request):
    return {"request_id": request.context.request_id}
