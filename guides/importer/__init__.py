"""Importing wiki exports into guides (parser: reading a file; service: writing a guide)."""

IMPORT_ACTION = "guides.import"  # the page history's record of an import
