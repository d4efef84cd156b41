"""Entries compared: the rows of a side-by-side table and what separates two entries, all computed from the catalogue."""
