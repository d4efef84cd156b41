"""Answer GET / with a JSON object from hug, whose default output format is JSON."""

import hug


@hug.get("/")
def hello():
    return {"message": "Hello, world!", "framework": "hug"}
