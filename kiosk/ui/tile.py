"""A large home-screen tile: painted icon, title and a short subtitle."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

__all__ = ["Tile", "TileSpec", "add_tiles"]

#: (target, title, subtitle, glyph, accent colour) of one tile.
TileSpec = tuple[str, str, str, str, str]

#: Smallest tile, in pixels.
TILE_MIN_SIZE = QSize(300, 150)


class _TileIcon(QLabel):
    """A rounded square in the tile's accent colour with one white glyph (e.g. ``查``).

    Styled, not painted in Python: a QPainter pen or brush made from a colour makes PySide
    create its whole ``Qt`` namespace of enums (~16 ms) on the way to the first frame. Like the
    tile's labels it ignores the mouse (a label passes presses on to its parent), so a tap
    anywhere on the tile presses the tile.
    """

    def __init__(self, glyph: str, accent: QColor, parent: QWidget | None = None) -> None:
        super().__init__(glyph, parent)
        self.glyph = glyph
        self.setObjectName("tileIcon")
        self.setFixedSize(QSize(84, 84))
        self.setStyleSheet(
            f"QLabel {{ background: {accent.name()}; }} QLabel:disabled {{ background: #9E9E9E; }}"
        )


class Tile(QPushButton):
    """A home tile button (``role`` = ``"tile"``) for 个人账户, 信息查询, 我要提取, ….

    The title and subtitle are child labels (styled as ``#tileTitle`` and
    ``#tileSubtitle``) that let clicks through to the button; the icon is one glyph
    painted on a rounded square of the ``accent`` colour.  Connect ``clicked`` as for any
    button.
    """

    def __init__(
        self,
        title: str,
        subtitle: str = "",
        glyph: str = "",
        parent: QWidget | None = None,
        *,
        accent: str = "#1565C0",
    ) -> None:
        """Build the tile.

        Args:
            title: the (translated) tile title, e.g. ``self.tr("我要提取")``.
            subtitle: a short explanation under the title; may be empty.
            glyph: one character drawn as the icon, e.g. ``"取"``; empty for no icon.
            parent: the owning widget.
            accent: the icon colour.
        """
        super().__init__(parent)
        self.setProperty("role", "tile")
        self.setMinimumSize(TILE_MIN_SIZE)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        # No focus (stylesheet: NoFocus). The labels and the icon ignore the mouse, so taps
        # reach the tile.

        self._icon = _TileIcon(glyph, QColor(accent), self)
        self._icon.setVisible(bool(glyph))
        self._title = QLabel(title, self)
        self._title.setObjectName("tileTitle")
        self._subtitle = QLabel(subtitle, self)
        self._subtitle.setObjectName("tileSubtitle")
        self._subtitle.setWordWrap(True)
        self._subtitle.setVisible(bool(subtitle))

        text = QVBoxLayout()
        text.setSpacing(4)
        text.addStretch(1)
        text.addWidget(self._title)
        text.addWidget(self._subtitle)
        text.addStretch(1)
        row = QHBoxLayout(self)
        row.setContentsMargins(24, 18, 24, 18)
        row.setSpacing(20)
        row.addWidget(self._icon)  # centred vertically: fixed size
        row.addLayout(text, 1)
        self._update_accessible_name()

    def title(self) -> str:
        """The tile title."""
        return self._title.text()

    def subtitle(self) -> str:
        """The subtitle."""
        return self._subtitle.text()

    def set_texts(self, title: str, subtitle: str = "") -> None:
        """Change title and subtitle (e.g. after a language switch)."""
        self._title.setText(title)
        self._subtitle.setText(subtitle)
        self._subtitle.setVisible(bool(subtitle))
        self._update_accessible_name()

    def glyph(self) -> str:
        """The icon glyph."""
        return self._icon.glyph

    def sizeHint(self) -> QSize:
        """The layout's size, at least :data:`TILE_MIN_SIZE`."""
        layout = self.layout()
        hint = layout.sizeHint() if layout is not None else QSize()
        return hint.expandedTo(TILE_MIN_SIZE)

    def minimumSizeHint(self) -> QSize:
        """The layout's minimum, at least :data:`TILE_MIN_SIZE`."""
        layout = self.layout()
        hint = layout.minimumSize() if layout is not None else QSize()
        return hint.expandedTo(TILE_MIN_SIZE)

    def _update_accessible_name(self) -> None:
        subtitle = self._subtitle.text()
        title = self._title.text()
        self.setAccessibleName(f"{title}，{subtitle}" if subtitle else title)


def add_tiles(
    grid: QGridLayout,
    specs: Sequence[TileSpec],
    parent: QWidget,
    clicked: Callable[[str], None],
    *,
    columns: int = 3,
) -> dict[str, Tile]:
    """Lay tiles out in ``grid``, row by row; each is named ``tile_<target>`` and calls
    ``clicked(target)``. Returns the tiles by target."""
    tiles: dict[str, Tile] = {}
    for index, (target, title, subtitle, glyph, accent) in enumerate(specs):
        tile = Tile(title, subtitle, glyph, parent, accent=accent)
        tile.setObjectName(f"tile_{target}")
        tile.clicked.connect(lambda _=False, t=target: clicked(t))
        grid.addWidget(tile, index // columns, index % columns)
        tiles[target] = tile
    for column in range(columns):
        grid.setColumnStretch(column, 1)
    return tiles
