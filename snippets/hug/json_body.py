"""Validate a JSON body in hug, whose fields arrive as annotated arguments."""

from itertools import count

import hug

# The counter lives in this process: workers do not share it and a restart resets it; a real app lets its database number items.
next_id = count(1)


# hug.types.text would turn a JSON number into a string, so this type insists on a string.
@hug.type()
def json_string(value):
    """A JSON string"""
    if not isinstance(value, str):
        raise ValueError("Invalid text value provided")
    return value


# hug answers an unknown path with a 404 that documents every route of this module (a @hug.not_found() handler replaces it).
# Failed fields are collected into a 400 answer, {"errors": {"<field>": "<reason>"}}.
@hug.post("/items", status=hug.HTTP_201)
def create_item(name: json_string, price: hug.types.greater_than(0, convert=hug.types.float_number)):
    return {"id": next(next_id), "name": name, "price": price}
