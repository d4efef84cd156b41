"""Allow one origin to call a hug API with hug's CORS middleware."""

import hug

# hug answers an unknown path with a 404 that documents every route of this module (a @hug.not_found() handler replaces it).
api = hug.API(__name__)
api.http.add_middleware(hug.middleware.CORSMiddleware(api, allow_origins=["https://app.example.com"], allow_credentials=False))
# Posted items live in this process: workers do not share them and a restart drops them; a real app keeps them in a database.
items = []


# A preflight is granted the methods that have routes on the path, so POST needs one.
@hug.get("/items")
def list_items():
    return items


@hug.post("/items", status=hug.HTTP_201)
def add_item(body):
    items.append(body)
    return body
