"""Models and loading: the catalogue in `data/` and `snippets/`, validated into typed models."""
