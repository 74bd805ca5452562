"""Reading time: words for English, characters for Chinese."""

import math
import re

from django.utils.html import strip_tags

ENGLISH_WORDS_PER_MINUTE = 220
CHINESE_CHARACTERS_PER_MINUTE = 400

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’-]*")


def reading_minutes(text, language):
    """Whole minutes (at least 1) to read `text`; 0 when there is no text."""
    plain = strip_tags(text or "")
    if language == "zh-hans":
        units = len(_CJK.findall(plain)) + len(_WORD.findall(plain))
        rate = CHINESE_CHARACTERS_PER_MINUTE
    else:
        units = len(_WORD.findall(plain))
        rate = ENGLISH_WORDS_PER_MINUTE
    if units == 0:
        return 0
    return max(1, math.ceil(units / rate))


def stream_text(raw_data):
    """Every string in a StreamField's raw data, joined: the text a reader reads."""
    parts = []

    def walk(node):
        if isinstance(node, str):
            parts.append(node)
        elif isinstance(node, dict):
            for key, child in node.items():
                if key not in {"id", "type"}:
                    walk(child)
        elif isinstance(node, list):
            for child in node:
                walk(child)

    walk(list(raw_data or []))
    return " ".join(parts)
