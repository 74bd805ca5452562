"""Where stored rich text links: a translation may link only where its English links."""

import json
import re

ANCHOR = re.compile(r"<a\b[^>]*>")
LINK_ATTRIBUTE = re.compile(r'\b(href|linktype|id)="([^"]*)"')


def link_targets(value):
    """Every link target (an address, or a linked page or document) in a stored value."""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    text = text.replace('\\"', '"')
    return {tuple(sorted(LINK_ATTRIBUTE.findall(tag))) for tag in ANCHOR.findall(text)}
