"""Reader documents: each live page's API responses, built once after it changes and stored.

A cold read is then one indexed row read, compiled to SQL once per process (prepared), instead
of a detail query with subqueries and a walk over every block:
- registry: the kinds of document content apps register (a guide's detail, its summary);
- store: the stamp that says whether a stored document is current, and writing documents;
- refresh: building a page's documents after its publish commits, and the stale ones (after a
  snippet, image or address changed) by the worker and `manage.py build_documents`.

A stored document is served only if it was built from the page's live revision under the
current stamp; otherwise the read builds the response as before, so a publish shows on the very
next request whatever the worker is doing.
"""
