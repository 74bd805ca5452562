"""Turning text into search tokens: jieba words for Chinese, Snowball stems for English.

Both indexing and querying go through here, so a query matches exactly what was indexed.
"""

import functools
import re
import threading
from pathlib import Path

import snowballstemmer

DICTIONARY = Path(__file__).with_name("dictionary.txt")
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
LATIN = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?")
MAX_QUERY_TOKENS = 12


@functools.cache
def _jieba():
    """Load jieba and the domain dictionary once per process (about half a second)."""
    import jieba

    jieba.setLogLevel(60)
    jieba.load_userdict(str(DICTIONARY))
    jieba.initialize()
    return jieba


_per_thread = threading.local()


def _stemmer():
    """One stemmer per thread: a Snowball stemmer keeps the word it is working on in itself,
    so threads sharing one (concurrent publishes, a threaded server) corrupt each other."""
    stemmer = getattr(_per_thread, "stemmer", None)
    if stemmer is None:
        stemmer = _per_thread.stemmer = snowballstemmer.stemmer("english")
    return stemmer


def _latin(text):
    words = [word.lower().replace("’", "'").split("'")[0] for word in LATIN.findall(text)]
    return _stemmer().stemWords([word for word in words if word])


def _han(text, for_search):
    jieba = _jieba()
    tokens = []
    for run in HAN.findall(text):
        words = jieba.lcut_for_search(run) if for_search else jieba.lcut(run)
        tokens.extend(word for word in words if word.strip())
    return tokens


def index_tokens(text):
    """All tokens of a document: fine-grained Chinese words (2- and 4-character) and stems."""
    return _latin(text) + _han(text, for_search=True)


def query_tokens(text):
    """The distinct tokens of a query, in order, at most MAX_QUERY_TOKENS of them."""
    seen = []
    for token in _latin(text) + _han(text, for_search=False):
        if token not in seen:
            seen.append(token)
    return seen[:MAX_QUERY_TOKENS]


def joined(tokens):
    """Tokens as stored: space-separated with a space at each end, so ' token ' matches."""
    return f" {' '.join(tokens)} " if tokens else ""
