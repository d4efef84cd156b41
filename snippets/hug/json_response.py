"""Answer GET / with a JSON object from hug, whose default output format is JSON."""

import hug


# hug answers an unknown path with a 404 that documents every route of this module (a @hug.not_found() handler replaces it).
@hug.get("/")
def hello():
    return {"message": "Hello, world!", "framework": "hug"}
