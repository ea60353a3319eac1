"""The built-in rules: one folder per family, one rule per file (<CODE>_<name>.py).

Each family folder is one plugin (an entry point in pyproject.toml); its ``__init__`` lists the rules it contributes."""
