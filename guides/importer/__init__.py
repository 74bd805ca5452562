"""Importing wiki exports into guides (parser: reading a file; service: writing a guide)."""
