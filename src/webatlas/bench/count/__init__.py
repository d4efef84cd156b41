"""Instructions per request: servers run under valgrind's callgrind, which counts what they execute whatever else the
machine does."""
