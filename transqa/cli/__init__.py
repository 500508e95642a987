"""The command-line face. Parses arguments, calls the core, formats output; no checking logic."""
