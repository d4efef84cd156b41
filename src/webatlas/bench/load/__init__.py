"""Load benchmark: every framework's cookbook snippets and every server, timed with wrk (`make bench`)."""
