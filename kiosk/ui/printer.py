"""Printing HTML through Qt's print support: to the kiosk's printer, or to a PDF file.

Must be called on the GUI thread (``QPrinter`` and ``QTextDocument`` are not thread-safe).
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtGui import QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from kiosk.errors import NO_PRINTER

__all__ = ["NO_PRINTER", "PrintError", "print_html", "printer_for"]

log = logging.getLogger(__name__)


class PrintError(Exception):
    """Printing failed; ``message`` is one Chinese sentence for the resident."""

    def __init__(self, message: str = NO_PRINTER) -> None:
        super().__init__(message)
        self.message = message


def print_html(html: str, printer_name: str, pdf_dir: Path | None) -> Path | None:
    """Print an HTML document.

    Args:
        html: the document (see :mod:`kiosk.printing`).
        printer_name: the configured printer; empty for the system's default printer.
        pdf_dir: when given, write a PDF file there instead (tests, demo mode, no printer).

    Returns:
        The PDF file written, or None when it went to a printer.

    Raises:
        PrintError: no such printer, or the file could not be written.
    """
    document = QTextDocument()
    document.setHtml(html)
    if pdf_dir is not None:
        try:
            pdf_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            log.warning("print folder %s unavailable: %s", pdf_dir, exc.strerror)
            raise PrintError() from exc
        path = pdf_dir / f"print-{datetime.now():%Y%m%d-%H%M%S}-{uuid.uuid4().hex[:8]}.pdf"
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setOutputFileName(str(path))
        document.print_(printer)
        if not path.exists() or path.stat().st_size == 0:
            log.warning("PDF %s was not written", path.name)
            raise PrintError()
        log.info("printed to %s", path.name)
        return path
    info = QPrinterInfo.printerInfo(printer_name) if printer_name else QPrinterInfo.defaultPrinter()
    if info.isNull():
        log.warning("printer %r not found", printer_name)
        raise PrintError()
    printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
    if not printer.isValid():
        raise PrintError()
    document.print_(printer)
    log.info("printed to %s", info.printerName())
    return None


def printer_for(printer_name: str, data_dir: Path, *, demo: bool) -> Callable[[str], Path | None]:
    """The kiosk's print function: to ``printer_name``, or a PDF in ``data_dir/prints``.

    A PDF file is written in demo mode and when no printer is configured.
    """
    pdf_dir = data_dir / "prints" if demo or not printer_name else None

    def print_document(html: str) -> Path | None:
        return print_html(html, printer_name, pdf_dir)

    return print_document
