"""Translation exchange files: units of English content to and from PO, XLIFF 1.2 and XLIFF 2.0.

Pure conversion and shape checking: no database, no models. The caller decides which units to
export and what to do with the units a translator sends back: it turns each into HTML against
the CMS's English (`ImportedUnit.html`), and runs `validate_markup` on every target before
storing it (reading converts, it does not judge the HTML a translator wrote).
"""

from collections.abc import Callable
from dataclasses import dataclass

from cms.i18n.formats.markup import MarkupError, validate_markup
from cms.i18n.formats.po import export_po
from cms.i18n.formats.reading import parse
from cms.i18n.formats.units import (
    TARGET_LANGUAGE,
    ExchangeFormatError,
    ExportUnit,
    ImportedUnit,
)
from cms.i18n.formats.xliff12 import export_xliff
from cms.i18n.formats.xliff20 import export_xliff2


@dataclass(frozen=True)
class Format:
    export: Callable  # (units, *, title) -> bytes
    extension: str
    content_type: str


FORMATS = {
    "po": Format(export_po, "po", "text/x-gettext-translation"),
    "xliff": Format(export_xliff, "xlf", "application/x-xliff+xml"),
    "xliff2": Format(export_xliff2, "xlf", "application/xliff+xml"),
}

__all__ = [
    "FORMATS",
    "TARGET_LANGUAGE",
    "ExchangeFormatError",
    "ExportUnit",
    "Format",
    "ImportedUnit",
    "MarkupError",
    "export_po",
    "export_xliff",
    "export_xliff2",
    "parse",
    "validate_markup",
]
