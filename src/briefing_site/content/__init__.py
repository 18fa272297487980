"""Content: bytes in, Briefing out (load, metadata, junk, classify, sections, markup,
countdown, assemble, lint). Pure stages; file reading is a thin wrapper in `load`."""
