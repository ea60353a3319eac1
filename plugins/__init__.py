"""Built-in rule plugins, one module per rule family, each registered as an ``ogilint`` entry point."""
