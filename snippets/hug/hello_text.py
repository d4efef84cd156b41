"""Answer GET / with plain text from hug."""

import hug


@hug.get("/", output=hug.output_format.text)
def hello():
    return "Hello, world!"
