"""`python -m briefing_site` runs the command line."""

from briefing_site.cli import run

run()
