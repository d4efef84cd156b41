"""Read an integer path parameter in hug through a type annotation."""

import hug


# hug answers an unknown path with a 404 that documents every route of this module (a @hug.not_found() handler replaces it).
# hug casts item_id with the annotation before the function runs and answers 400 if it fails.
@hug.get("/items/{item_id}")
def read_item(item_id: hug.types.number):
    return {"item_id": item_id}
