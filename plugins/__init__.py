"""The built-in plugins: readers (``readers/``), rules (``rules/<family>/``, one rule per file) and the
regional variant detection (``variants.py``), each registered as an ``ogilint`` entry point."""
