"""Read a required and a bounded, defaulted query parameter with Responder's Query markers."""

import responder
from responder import Query

api = responder.API()


@api.route("/search")
def search(req: responder.Request, resp: responder.Response, *, q: str = Query(...), limit: int = Query(10, ge=1, le=100)) -> None:
    resp.media = {"q": q, "limit": limit}
