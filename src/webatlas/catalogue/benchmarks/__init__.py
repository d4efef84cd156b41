"""The load benchmark's sets in `data/benchmarks/`: their schema, what they time and on which servers, and the figures
derived from them."""
