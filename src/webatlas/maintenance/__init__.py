"""Commands that talk to the outside: PyPI, GitHub and the install check; they write `data/` atomically."""
