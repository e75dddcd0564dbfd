"""The guideline's domain: editions, provisions, commentary, cross-references.

Nothing in this package imports MkDocs. The build (``hooks/``) and the division's
command line (``guideline``) are both thin callers of it.
"""
