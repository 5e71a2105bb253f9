"""Performance benchmarks, run on demand (``make bench``), never as timed tests."""
