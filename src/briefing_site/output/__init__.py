"""Output: Site in, files out (urls, listings, render, theme, feeds, ics, structured
data, sitemap). Pure stages; nothing here writes to disk."""
