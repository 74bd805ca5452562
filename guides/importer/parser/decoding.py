"""Bytes to text: UTF-8 only, with a clear error for empty, binary, UTF-16 or other encodings."""

from django.utils.translation import gettext as _

from guides.importer.parser.errors import ArticleError
from guides.importer.parser.limits import check_file_size

_UTF8_BOM = b"\xef\xbb\xbf"
_CONTROL_BYTES = frozenset(set(range(32)) - {9, 10, 12, 13} | {127})
_BINARY_CONTROL_RATIO = 0.30


def decode_source(data: bytes, source: str = "") -> str:
    """Decode an uploaded export: UTF-8 (BOM allowed and stripped), line endings made "\\n"."""
    try:
        return _decode(data)
    except ArticleError as error:
        error.source = source
        raise


def _decode(data: bytes) -> str:
    if data.startswith(_UTF8_BOM):
        data = data[len(_UTF8_BOM) :]
    check_file_size(data)
    if not data.strip():
        raise ArticleError(_("the file is empty"))
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        # UTF-16 is full of NUL bytes; say what it is rather than calling it binary.
        raise ArticleError(_("the text is UTF-16, not UTF-8: save the export as UTF-8"))
    controls = sum(1 for byte in data if byte in _CONTROL_BYTES)
    if b"\x00" in data or controls > len(data) * _BINARY_CONTROL_RATIO:
        raise ArticleError(_("the file is binary, not a text export"))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        # The line goes in front of the message ("line 3: …"), so the message names the column.
        raise ArticleError(
            _("the text is not UTF-8 (invalid byte %(byte)s at column %(column)s)")
            % {"byte": f"0x{data[error.start]:02x}", "column": column},
            line,
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")
