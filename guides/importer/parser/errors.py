"""`ArticleError`, the problem that makes a file unusable, and the "line 3: …" form of messages."""

from django.utils.translation import gettext as _


class ArticleError(Exception):
    """A problem in a source file, with the 1-based line it is on (None if not about a line)."""

    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.line = line
        self.source = ""  # file name, set by decode_source when the caller gives one

    def __str__(self) -> str:
        if self.line is not None:
            return line_prefixed(self.line, self.message)
        return self.message


def line_prefixed(line: int, message: str) -> str:
    # Translators: a message about one line of an imported file, e.g. "line 3: the text is …".
    return _("line %(line)s: %(message)s") % {"line": line, "message": message}
