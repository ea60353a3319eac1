"""Stage 3, checking: plugins and their rules (``registry.py``), rule sets and project config
(``config.py``), selection (``selection.py``), the engine that plans and runs them per report
(``engine.py``, ``runner.py``) and the ranking of findings (``ranking.py``)."""
