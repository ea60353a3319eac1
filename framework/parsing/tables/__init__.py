"""The tables of a report: atoms of a segment (``atoms.py``), observed rows (``rows.py``), which row is
which (``align.py``), readings of run-together digits (``splitting.py``), the builders (``builder.py``,
``t3.py``, ``t4.py``) and their assembly from the parts (``assemble.py``)."""
