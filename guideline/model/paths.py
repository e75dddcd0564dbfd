"""Where the sources live in a project, relative to its root, and the language of the originals."""

EDITIONS_DIR = "editions"
COMMENTARY_DIR = "docs/clauses"
GLOSSARY_DIR = "glossary"
EDITION_PAGES_DIR = "docs/editions"  # one stub per edition page; `guideline new-edition` writes them
DEFAULT_LANG = "ja"
