"""Commands beyond build/check/serve: deploy, new/init (scaffold), explain, import."""
