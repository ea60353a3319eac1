"""Stage 1, reading: a file becomes a :class:`~ogilint.document.Document` through the reader plugins
(``guard.py``, the one door), and bytes become text (``decode.py``)."""
