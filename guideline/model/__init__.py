"""The model: editions and their provisions, commentary, glossary, situations and signals, read from the
sources with every problem reported at once, and the ``Guideline`` that holds them with one index."""
