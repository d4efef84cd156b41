"""Allow cross-origin requests from one origin with Responder's CORS setting."""

import responder

api = responder.API(
    cors=True,
    cors_params={
        "allow_origins": ["https://app.example.com"],
        "allow_methods": ["GET", "POST"],
        "allow_headers": ["Content-Type"],
    },
)


@api.route("/items")
def list_items(req: responder.Request, resp: responder.Response) -> None:
    resp.media = []
