"""Tools that work on the built site: checks before publishing, and the publisher itself (no MkDocs import)."""
