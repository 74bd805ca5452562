"""The guides app's own entries in a page's history."""

IMPORT_ACTION = "guides.import"  # a wiki export imported into the guide
