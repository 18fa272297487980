"""Site configuration: `briefing.yaml` read as strict YAML into a typed, checked SiteConfig."""
