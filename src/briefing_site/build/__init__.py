"""The build engine: the pipeline, the writer (stage, swap, recover), the lock, the
no-change detector, the cache and the parallel workers."""
