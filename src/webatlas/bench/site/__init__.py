"""Site benchmarks: build time and scaling against a same-content and a plain Material site, and Lighthouse scores (`make bench-site`)."""
