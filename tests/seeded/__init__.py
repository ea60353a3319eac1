"""Seeded errors: real reports edited in one known place, and whether ogilint finds the error there."""
