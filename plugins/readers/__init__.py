"""The built-in readers, one per input format; each is an ``ogilint`` entry point implementing the
``ogilint_read`` hook (``framework/hookspec.py``)."""
