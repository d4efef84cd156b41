"""The picker at /choose/: candidates measured against the criteria of data/criteria.yaml, filtered and ranked."""
