"""Reading an exchange file: which format it is, then its units."""

import codecs
import re
from pathlib import PurePath

from django.utils.translation import gettext as _
from lxml import etree

from cms.i18n.formats.po import read_po
from cms.i18n.formats.units import ExchangeFormatError
from cms.i18n.formats.xliff import read_xml
from cms.i18n.formats.xliff12 import NAMESPACES as XLIFF12_NAMESPACES
from cms.i18n.formats.xliff12 import read_xliff12
from cms.i18n.formats.xliff20 import XLIFF_NS as XLIFF20_NS
from cms.i18n.formats.xliff20 import read_xliff20


def parse(data: bytes, filename: str):
    """(target language, [ImportedUnit]) read from a PO or XLIFF (1.2 or 2.0) file."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    if not data.strip():
        raise ExchangeFormatError(_("The file is empty."))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ExchangeFormatError(
            _(
                "The file is not UTF-8 text (invalid byte at position %(position)s). "
                "Save it as UTF-8 and try again."
            )
            % {"position": error.start}
        ) from error
    suffix = PurePath(filename or "").suffix.lower()
    if suffix == ".po":
        return read_po(text)
    if suffix in (".xlf", ".xliff") or text.lstrip().startswith(("<?xml", "<xliff")):
        return _read_xliff(data)
    if re.search(r"^\s*(msgid|msgctxt)\s", text, re.MULTILINE):
        return read_po(text)
    raise ExchangeFormatError(
        _("%(filename)s is neither a PO file nor an XLIFF file.")
        % {"filename": PurePath(filename or "").name or _("The file")}
    )


def _read_xliff(data):
    """XLIFF 1.2 (or 1.1, as translate-toolkit writes it) or 2.0, as the document says."""
    root = read_xml(data)
    name = etree.QName(root)
    if name.localname != "xliff":
        raise ExchangeFormatError(
            _("This is not an XLIFF file: its root element is <%(element)s>.")
            % {"element": name.localname}
        )
    ns = name.namespace or ""
    version = root.get("version") or ""
    if ns in ("", *XLIFF12_NAMESPACES) and version in ("1.1", "1.2"):
        return read_xliff12(root, ns)
    if ns == XLIFF20_NS and version in ("2.0", "2.1"):
        return read_xliff20(root)
    raise ExchangeFormatError(
        _(
            "XLIFF %(version)s files cannot be imported; XLIFF 1.2 and 2.0 can (this file "
            "says version “%(version)s” in the namespace “%(namespace)s”)."
        )
        % {"version": version or "?", "namespace": ns or "—"}
    )
