"""Site benchmarks: build time, scaling and Lighthouse scores against a plain Material site (`make bench-site`)."""
