"""Kiosk-style drag scrolling: a finger (or the left mouse button) drags the content."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QScrollArea,
    QScroller,
    QScrollerProperties,
    QVBoxLayout,
    QWidget,
)

__all__ = ["bring_into_view", "enable_touch_scroll", "form_scroll_area", "page_scroll_area"]


def page_scroll_area(parent: QWidget, content: QWidget) -> QScrollArea:
    """A frameless scroll area for a screen's form, showing the page through it.

    A scroll area fills its viewport, and the widget it holds, with the palette's window
    colour: two more layers of paint over the page's own background on every switch, in a
    slightly different grey.  This one paints neither: the page shows through.

    Args:
        parent: the screen.
        content: the form to scroll; it is resized to the area's width.

    Returns:
        The scroll area, holding ``content``.
    """
    area = QScrollArea(parent)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(content)  # sets the content's autoFillBackground: undone below
    content.setAutoFillBackground(False)
    area.viewport().setAutoFillBackground(False)
    return area


def form_scroll_area(parent: QWidget, rows: Sequence[QWidget], *, spacing: int) -> QScrollArea:
    """A form's rows, top-aligned in a :func:`page_scroll_area` that a finger can drag.

    Args:
        parent: the screen.
        rows: the form's rows, top to bottom.
        spacing: the rows between them.

    Returns:
        The scroll area (object name ``FormScroll``).
    """
    form = QWidget(parent)
    layout = QVBoxLayout(form)
    layout.setSpacing(spacing)
    for row in rows:
        layout.addWidget(row)
    layout.addStretch(1)
    area = page_scroll_area(parent, form)
    area.setObjectName("FormScroll")
    enable_touch_scroll(area)
    return area


def bring_into_view(area: QScrollArea, field: QWidget) -> None:
    """Scroll ``area`` so that ``field`` and the row after it are in view: the next one to tap.

    (``QScrollArea.ensureWidgetVisible`` ignores its margins when the widget itself is
    already in view.)

    Args:
        area: a scroll area made by :func:`page_scroll_area`.
        field: a widget inside it (a form row that just took the focus).
    """
    content = area.widget()
    if content is None or not content.isAncestorOf(field):
        return
    bar = area.verticalScrollBar()
    view = area.viewport().height()
    top = field.mapTo(content, QPoint(0, 0)).y()
    bottom = top + 2 * field.height() + 16
    value = bar.value()
    if bottom > value + view:
        value = bottom - view
    value = min(value, top - 8)  # never past the field's own top
    bar.setValue(max(0, value))


def enable_touch_scroll(widget: QWidget) -> QScroller:
    """Let a drag with a finger or the left button scroll ``widget`` kinetically.

    For a scroll area the gesture is grabbed on its viewport; item views scroll per pixel.
    Overshoot is switched off: bouncing content confuses some residents.

    Args:
        widget: a scroll area (QScrollArea, QTextBrowser, QListView, …) or any widget.

    Returns:
        The widget's scroller.
    """
    target = widget.viewport() if isinstance(widget, QAbstractScrollArea) else widget
    if isinstance(widget, QAbstractItemView):
        widget.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        widget.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    QScroller.grabGesture(target, QScroller.ScrollerGestureType.LeftMouseButtonGesture)
    scroller = QScroller.scroller(target)
    properties = scroller.scrollerProperties()
    off = QScrollerProperties.OvershootPolicy.OvershootAlwaysOff
    properties.setScrollMetric(QScrollerProperties.ScrollMetric.VerticalOvershootPolicy, off)
    properties.setScrollMetric(QScrollerProperties.ScrollMetric.HorizontalOvershootPolicy, off)
    # Hand a press to the field or button under the finger at once: the default 0.25 s hold-back
    # makes taps on form fields feel dead and can swallow quick taps entirely.
    properties.setScrollMetric(QScrollerProperties.ScrollMetric.MousePressEventDelay, 0.0)
    scroller.setScrollerProperties(properties)
    return scroller
