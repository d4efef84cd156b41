"""`webatlas bench-site`: the atlas's build time and Lighthouse scores measured against a plain Material site in one run."""
