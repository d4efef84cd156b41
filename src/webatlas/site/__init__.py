"""Rendering and MkDocs glue: pages, tables, charts and exports built from the catalogue."""
