"""Checks over the loaded sources that only report problems: coverage, references, reasons, raw HTML,
frozen published editions, translations."""
