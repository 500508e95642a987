"""Machine-readable reports of a check run (the human text report lives in the CLI)."""
