"""Answer GET / with plain text from hug."""

import hug


# hug answers an unknown path with a 404 that documents every route of this module (a @hug.not_found() handler replaces it).
@hug.get("/", output=hug.output_format.text)
def hello():
    return "Hello, world!"
