"""Validate query parameters in hug with type annotations and a default."""

import hug


# hug answers an unknown path with a 404 that documents every route of this module (a @hug.not_found() handler replaces it).
# in_range excludes its upper bound, so 101 allows up to 100; errors come back as a 400 naming the parameter.
@hug.get("/search")
def search(q: hug.types.text, limit: hug.types.in_range(1, 101) = 10):
    return {"q": q, "limit": limit}
