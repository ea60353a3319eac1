"""Stage 2, parsing: a Document's lines become the report model. ``pipeline.py`` holds the order of
the steps; each step is a module beside it, and ``tables/`` builds the three tables."""
