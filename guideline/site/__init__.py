"""The site: where each page lives and what it says, as Markdown and escaped HTML for any generator."""
