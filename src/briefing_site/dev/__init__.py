"""The dev server: in-memory preview, file watching, HTTP serving and live reload."""
