"""The service-point map: a schematic of Ningxia drawn from coordinates, or an approved base map.

The default map draws no administrative boundary lines (only an approved map may show them): it
places city names and service points by longitude and latitude with an equirectangular projection
(longitudes shortened by the cosine of the middle latitude) and is labelled 示意图. IT may
configure an approved base-map image with its georeference (west, south, east, north) instead.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

__all__ = ["CITIES", "NINGXIA_BOUNDS", "MapPanel", "MapPoint", "Projection"]

Bounds = tuple[float, float, float, float]  # west, south, east, north

#: The extent of Ningxia (west, south, east, north), in degrees.
NINGXIA_BOUNDS: Bounds = (104.2, 35.2, 107.7, 39.4)

#: City and county seats for orientation: (name, lon, lat, prefecture-level).
CITIES: tuple[tuple[str, float, float, bool], ...] = (
    ("银川", 106.23, 38.49, True),
    ("石嘴山", 106.38, 39.02, True),
    ("吴忠", 106.20, 37.99, True),
    ("固原", 106.24, 36.02, True),
    ("中卫", 105.19, 37.51, True),
    ("贺兰", 106.35, 38.55, False),
    ("永宁", 106.25, 38.28, False),
    ("灵武", 106.34, 38.10, False),
    ("平罗", 106.52, 38.91, False),
    ("青铜峡", 106.08, 38.02, False),
    ("中宁", 105.68, 37.49, False),
    ("盐池", 107.41, 37.78, False),
    ("同心", 105.91, 36.98, False),
    ("海原", 105.64, 36.56, False),
    ("西吉", 105.73, 35.96, False),
    ("隆德", 106.12, 35.62, False),
    ("泾源", 106.33, 35.50, False),
    ("彭阳", 106.64, 35.85, False),
)

#: Smallest span shown, in degrees of latitude, so close points are not drawn on top of each other
#: while the cities around them still give a sense of place.
MIN_SPAN_DEG = 0.12
MARKER_RADIUS = 22.0
HIT_RADIUS = 40.0


@dataclass(frozen=True)
class MapPoint:
    """One service point on the map."""

    point_id: str
    name: str
    lon: float
    lat: float
    number: int


class Projection:
    """Equirectangular projection of ``bounds`` into ``rect``, keeping the ground's aspect.

    A degree of longitude is shortened by ``cos(middle latitude)``; the bounds are widened in
    one direction so that the map fills ``rect`` without distortion, centred.
    """

    def __init__(self, bounds: Bounds, rect: QRectF, *, fit: bool = True) -> None:
        west, south, east, north = bounds
        self.rect = rect
        self.kx = math.cos(math.radians((south + north) / 2))
        width_units = max(1e-9, (east - west) * self.kx)
        height_units = max(1e-9, north - south)
        if fit:
            scale = min(rect.width() / width_units, rect.height() / height_units)
            self.sx = self.sy = scale
            centre_lon, centre_lat = (west + east) / 2, (south + north) / 2
            self.west = centre_lon - rect.width() / scale / self.kx / 2
            self.north = centre_lat + rect.height() / scale / 2
        else:  # a georeferenced image: stretch the bounds over the rect exactly
            self.sx = rect.width() / width_units
            self.sy = rect.height() / height_units
            self.west, self.north = west, north

    def to_screen(self, lon: float, lat: float) -> QPointF:
        return QPointF(
            self.rect.left() + (lon - self.west) * self.kx * self.sx,
            self.rect.top() + (self.north - lat) * self.sy,
        )

    def to_geo(self, point: QPointF) -> tuple[float, float]:
        lon = self.west + (point.x() - self.rect.left()) / (self.kx * self.sx)
        lat = self.north - (point.y() - self.rect.top()) / self.sy
        return lon, lat


def _float(value: Any) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


class MapPanel(QWidget):
    """Service points on a schematic of Ningxia (or on an approved base-map image).

    Points are numbered markers (the same numbers as the list beside the map); a tap near a
    marker selects it.

    Signals:
        point_clicked(str): a marker was tapped (its point id).
    """

    point_clicked = Signal(str)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        image_path: str = "",
        image_bounds: Bounds | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mapPanel")
        self.setMinimumSize(QSize(420, 420))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self._points: list[MapPoint] = []
        self._selected = ""
        self._image: QImage | None = None
        self._image_bounds: Bounds | None = None
        if image_path and image_bounds is not None:
            self.set_base_map(image_path, image_bounds)

    # -- data ----------------------------------------------------
    def set_base_map(self, path: str, bounds: Bounds) -> bool:
        """Use an approved base-map image covering ``bounds``; False when it cannot be read."""
        image = QImage(str(Path(path)))
        if image.isNull():
            self._image, self._image_bounds = None, None
            self.update()
            return False
        self._image, self._image_bounds = image, bounds
        self.update()
        return True

    def has_base_map(self) -> bool:
        return self._image is not None

    def set_points(self, points: Sequence[Mapping[str, Any]]) -> None:
        """Show these service points (dicts with ``id``, ``name``, ``lon``, ``lat``), numbered."""
        shown: list[MapPoint] = []
        for point in points:
            lon, lat = _float(point.get("lon")), _float(point.get("lat"))
            if lon is None or lat is None:
                continue
            shown.append(
                MapPoint(str(point.get("id")), str(point.get("name", "")), lon, lat, len(shown) + 1)
            )
        self._points = shown
        if self._selected not in {p.point_id for p in shown}:
            self._selected = ""
        self.update()

    def points(self) -> list[MapPoint]:
        return list(self._points)

    def select(self, point_id: str) -> None:
        """Highlight one point (empty: none)."""
        if point_id != self._selected:
            self._selected = point_id
            self.update()

    def selected(self) -> str:
        return self._selected

    # -- geometry --------------------------------------------
    def view_bounds(self) -> Bounds:
        """What the map shows: the base map's bounds, else the points with a margin."""
        if self._image_bounds is not None:
            return self._image_bounds
        if not self._points:
            return NINGXIA_BOUNDS
        lons = [p.lon for p in self._points]
        lats = [p.lat for p in self._points]
        west, east, south, north = min(lons), max(lons), min(lats), max(lats)
        span = max(north - south, (east - west), MIN_SPAN_DEG)
        margin = span * 0.25
        cx, cy = (west + east) / 2, (south + north) / 2
        half = span / 2 + margin
        return (cx - half, cy - half, cx + half, cy + half)

    def _image_rect(self) -> QRectF:
        """The base-map image scaled into the widget with its own aspect ratio, centred."""
        area = QRectF(self.rect())
        if self._image is None or self._image.width() <= 0 or self._image.height() <= 0:
            return area
        scale = min(area.width() / self._image.width(), area.height() / self._image.height())
        width, height = self._image.width() * scale, self._image.height() * scale
        return QRectF(
            area.left() + (area.width() - width) / 2,
            area.top() + (area.height() - height) / 2,
            width,
            height,
        )

    def projection(self) -> Projection:
        if self._image is not None and self._image_bounds is not None:
            return Projection(self._image_bounds, self._image_rect(), fit=False)
        return Projection(self.view_bounds(), QRectF(self.rect()).adjusted(24, 24, -24, -24))

    def marker_position(self, point_id: str) -> QPointF | None:
        """Where a point's marker is drawn, in widget coordinates (tests tap there)."""
        projection = self.projection()
        for point in self._points:
            if point.point_id == point_id:
                return projection.to_screen(point.lon, point.lat)
        return None

    def point_at(self, position: QPointF) -> str:
        """The id of the marker nearest to ``position`` within reach of a finger, else ''."""
        projection = self.projection()
        best, best_distance = "", HIT_RADIUS
        for point in self._points:
            centre = projection.to_screen(point.lon, point.lat)
            distance = math.hypot(centre.x() - position.x(), centre.y() - position.y())
            if distance <= best_distance:
                best, best_distance = point.point_id, distance
        return best

    # -- events ------------------------------------------------
    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        point_id = self.point_at(event.position())
        if point_id:
            self.select(point_id)
            self.point_clicked.emit(point_id)
        super().mouseReleaseEvent(event)

    def sizeHint(self) -> QSize:
        return QSize(800, 720)

    # -- painting --------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        projection = self.projection()
        if self._image is not None:
            painter.fillRect(self.rect(), QColor("#FFFFFF"))
            painter.drawImage(self._image_rect(), self._image)
        else:
            self._paint_schematic(painter, projection)
        self._paint_points(painter, projection)
        if self._image is None:
            self._paint_label(painter)
        painter.setPen(QPen(QColor("#C9D3E0"), 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(QRectF(self.rect()).adjusted(1, 1, -1, -1))
        painter.end()

    def _paint_schematic(self, painter: QPainter, projection: Projection) -> None:
        painter.fillRect(self.rect(), QColor("#F3F6F1"))
        # A light graticule gives a sense of scale; no boundary lines are drawn.
        painter.setPen(QPen(QColor("#E0E6DC"), 1))
        west, north = projection.to_geo(QPointF(self.rect().topLeft()))
        east, south = projection.to_geo(QPointF(self.rect().bottomRight()))
        step = 0.5 if (north - south) > 1.5 else 0.1
        lon = math.floor(west / step) * step
        while lon <= east:
            x = projection.to_screen(lon, south).x()
            painter.drawLine(QPointF(x, 0), QPointF(x, self.height()))
            lon += step
        lat = math.floor(south / step) * step
        while lat <= north:
            y = projection.to_screen(west, lat).y()
            painter.drawLine(QPointF(0, y), QPointF(self.width(), y))
            lat += step
        font = QFont(self.font())
        markers = [projection.to_screen(p.lon, p.lat) for p in self._points]
        for city, lon_c, lat_c, major in CITIES:
            name = self.tr(city)
            position = projection.to_screen(lon_c, lat_c)
            if not QRectF(self.rect()).contains(position):
                continue
            font.setPixelSize(30 if major else 22)
            font.setBold(major)
            metrics = QFontMetricsF(font)
            label = QRectF(
                position.x() - 8,
                position.y() - 8 - metrics.ascent(),
                metrics.horizontalAdvance(name) + 20,
                metrics.height() + 16,
            ).adjusted(-MARKER_RADIUS, -MARKER_RADIUS, MARKER_RADIUS, MARKER_RADIUS)
            if any(label.contains(marker) for marker in markers):
                continue  # never hide a service point behind a place name
            painter.setFont(font)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#7A8591"))
            radius = 6.0 if major else 4.0
            painter.drawEllipse(position, radius, radius)
            painter.setPen(QColor("#55606E") if major else QColor("#8A939E"))
            painter.drawText(position + QPointF(10, -8), name)

    def _paint_points(self, painter: QPainter, projection: Projection) -> None:
        font = QFont(self.font())
        font.setBold(True)
        font.setPixelSize(22)
        painter.setFont(font)
        ordered = sorted(self._points, key=lambda p: p.point_id == self._selected)
        for point in ordered:
            centre = projection.to_screen(point.lon, point.lat)
            selected = point.point_id == self._selected
            radius = MARKER_RADIUS * (1.3 if selected else 1.0)
            painter.setPen(QPen(QColor("white"), 3))
            painter.setBrush(QColor("#C62828") if selected else QColor("#1565C0"))
            painter.drawEllipse(centre, radius, radius)
            painter.setPen(QColor("white"))
            painter.drawText(
                QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius),
                Qt.AlignmentFlag.AlignCenter,
                str(point.number),
            )
            if selected:
                self._paint_callout(painter, centre, radius, point.name)
                painter.setFont(font)

    def _paint_callout(self, painter: QPainter, centre: QPointF, radius: float, name: str) -> None:
        font = QFont(self.font())
        font.setPixelSize(24)
        font.setBold(True)
        painter.setFont(font)
        metrics = QFontMetricsF(font)
        width = metrics.horizontalAdvance(name) + 24
        height = metrics.height() + 14
        left = min(max(4.0, centre.x() - width / 2), self.width() - width - 4)
        top = centre.y() - radius - height - 8
        if top < 4:
            top = centre.y() + radius + 8
        box = QRectF(left, top, width, height)
        painter.setPen(QPen(QColor("#C62828"), 2))
        painter.setBrush(QColor("white"))
        painter.drawRoundedRect(box, 8, 8)
        painter.setPen(QColor("#1A1A1A"))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, name)

    def _paint_label(self, painter: QPainter) -> None:
        font = QFont(self.font())
        font.setPixelSize(26)
        font.setBold(True)
        painter.setFont(font)
        text = self.tr("示意图")
        metrics = QFontMetricsF(font)
        box = QRectF(12, 12, metrics.horizontalAdvance(text) + 24, metrics.height() + 10)
        painter.setPen(QPen(QColor("#9AA7B8"), 1))
        painter.setBrush(QColor(255, 255, 255, 230))
        painter.drawRoundedRect(box, 6, 6)
        painter.setPen(QColor("#55606E"))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
