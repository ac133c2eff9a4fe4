"""Kiosk-style drag scrolling: a finger (or the left mouse button) drags the content."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QScroller,
    QScrollerProperties,
    QWidget,
)

__all__ = ["enable_touch_scroll"]


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
