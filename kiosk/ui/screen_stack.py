"""The area that shows one screen at a time: a lighter QStackedWidget for many large pages."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QGridLayout, QSizePolicy, QWidget

__all__ = ["ScreenStack"]


class ScreenStack(QWidget):
    """Every screen is a child; only the current one is shown and laid out.

    ``QStackedWidget`` turns updates off and on again across *all* its pages at every switch
    and sizes itself after its largest page. With twenty prebuilt screens of a hundred widgets
    each, that walk alone took several milliseconds per switch. Here all pages share one grid
    cell: a hidden page costs nothing at a switch and is left out of the size (a layout ignores
    hidden widgets), so one large screen never forces the window past the kiosk's display.

    Nor does the shown one: the stack asks for no height of its own (vertical policy
    ``Ignored``) and takes what the header, banner, buttons and footer leave. A page taller
    than that (large text with an error banner above it) is squeezed, its scroll areas and
    stretches first, instead of pushing 返回 and the footer off a full-screen kiosk.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._pages: list[QWidget] = []
        self._current: QWidget | None = None

    def addWidget(self, page: QWidget) -> None:
        """Add a hidden page."""
        page.hide()
        self._grid.addWidget(page, 0, 0)
        self._pages.append(page)

    def removeWidget(self, page: QWidget) -> None:
        """Take a page out (the caller deletes it)."""
        if page in self._pages:
            self._pages.remove(page)
            self._grid.removeWidget(page)
            page.hide()
        if page is self._current:
            self._current = None

    def currentWidget(self) -> QWidget | None:
        """The page shown now."""
        return self._current

    def hide_current(self) -> None:
        """Hide the current page, leaving none shown until :meth:`setCurrentWidget`.

        Focus inside it is dropped first, so hiding it does not make Qt search the focus
        chain of every page for a successor; the shell then focuses what it needs.
        """
        previous, self._current = self._current, None
        if previous is None:
            return
        focused = QApplication.focusWidget()
        if focused is not None and previous.isAncestorOf(focused):
            focused.clearFocus()
        previous.hide()
        self._size_changed()

    def setCurrentWidget(self, page: QWidget) -> None:
        """Show ``page`` in place of the current one."""
        if page not in self._pages:
            raise ValueError("not a page of this stack")
        if page is self._current:
            return
        self.hide_current()
        self._current = page
        # At its final size before it shows, so its layout runs once, not once per size.
        page.setGeometry(self.contentsRect())
        page.show()
        self._size_changed()

    def _size_changed(self) -> None:
        # Qt learns that the stack's size hints changed only when its posted LayoutRequest is
        # handled; a layout activated before that (the shell activates the window's at every
        # switch) would use the leaving page's minimum size and could grow the window.
        self._grid.invalidate()
        self.updateGeometry()
