"""Serve the static/ folder next to this file, which Quart does by default under /static."""

from quart import Quart

# static_folder defaults to "static" beside the module; files get an ETag, Last-Modified and 304 support.
app = Quart(__name__)
