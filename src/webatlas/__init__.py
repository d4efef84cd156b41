"""Builds the Async Python Web Atlas from the catalogue in `data/` and the samples in `snippets/`."""
