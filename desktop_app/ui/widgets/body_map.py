"""The anatomical site picker: a body drawing whose regions are chosen by mouse, touch or keys."""

from __future__ import annotations

import math

from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QModelIndex,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QBitmap,
    QColor,
    QFocusEvent,
    QFont,
    QFontMetrics,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QRegion,
    QResizeEvent,
)
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from desktop_app.body_diagram import BodyDiagram
from desktop_app.ui.kiosk.touch import MIN_TARGET_PX
from desktop_app.ui.models.site_model import SiteSelectionModel
from desktop_app.ui.qt.targets import MIN_POINTER_TARGET_PX
from desktop_app.ui.qt.theme import Theme
from desktop_app.ui.widgets.body_parts import BodyPartBox

_MARGIN = 8
_MAX_MARK_RADIUS = 16
_OUTLINE_OFFSETS = ((-2, 0), (2, 0), (0, -2), (0, 2), (-1, -1), (1, 1), (-1, 1), (1, -1))


class BodyMapWidget(QWidget):
    """Paints the body diagram and turns clicks, taps and keys into site selection."""

    hoveredSiteChanged = Signal(str)  # "" when no site is under the pointer or focus

    def __init__(
        self,
        diagram: BodyDiagram,
        selection: SiteSelectionModel,
        theme: Theme,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._diagram = diagram
        self._selection = selection
        self._theme = theme
        known = {site.id for site in selection.sites}
        # Only sites the content has are clickable; drawn order stays the diagram's.
        self._site_ids = [s for s in diagram.paint_order if s in known]
        self._keyboard_order = [site.id for site in selection.sites if site.id in diagram.site_svgs]
        self._titles = {site.id: site.title for site in selection.sites}
        self._whole = QSvgRenderer(QByteArray(diagram.whole_svg))
        self._cache_size = QSize()
        self._base_image = QImage()
        # Per-site masks (for hit tests and highlights) are made on first need, so the
        # first paint only renders the whole drawing.
        self._masks: dict[str, QImage] = {}
        self._tinted: dict[tuple[str, str], QImage] = {}
        self._extents: dict[str, QRect] = {}
        self._hovered = ""
        self._focused = ""
        self._prompt = "Point to or tab to a body part"
        self._tooltips = True
        self._min_target = MIN_POINTER_TARGET_PX
        self._caption_key: tuple[int, str, str] = (0, "", "")
        self._caption_lines_height = 0
        self.part_boxes = {
            site_id: BodyPartBox(site_id, self._titles[site_id], selection, self)
            for site_id in self._keyboard_order
        }
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName("Body map")
        self._update_accessible_description()
        selection.dataChanged.connect(self._on_selection_changed)
        selection.modelReset.connect(self._on_selection_changed)

    def use_touch_prompts(self) -> None:
        """Kiosk mode: no tooltips (a finger cannot hover), a tap prompt, finger-sized targets."""
        self._prompt = "Tap a body part to choose it"
        self._tooltips = False
        self._min_target = MIN_TARGET_PX
        self._place_part_boxes()
        self.updateGeometry()  # finger-sized squares need a larger drawing
        self.update()

    # -- geometry ----------------------------------------------------------
    def sizeHint(self) -> QSize:
        return QSize(360, 620).expandedTo(self.minimumSizeHint())

    def minimumSizeHint(self) -> QSize:
        """Never so small that two parts' target squares overlap, caption included.

        With large text the page around the map has less room; the map then keeps
        this size and the page scrolls, so every square stays a whole target.
        """
        _, _, width, height = self._diagram.view_box
        scale = self._separating_scale()
        caption = _MARGIN + self._caption_height() + 2
        return QSize(
            max(200, math.ceil(width * scale) + 2 * _MARGIN),
            max(320, math.ceil(height * scale) + caption + _MARGIN),
        )

    def _separating_scale(self) -> float:
        """Pixels per drawing unit at which no two target squares overlap (2 px apart)."""
        side = max(self._min_target, 2 * _MAX_MARK_RADIUS + 4) + 2
        points = [self._diagram.anchors[site_id] for site_id in self.part_boxes]
        scale = 0.0
        for index, (x1, y1) in enumerate(points):
            for x2, y2 in points[index + 1 :]:
                apart = max(abs(x1 - x2), abs(y1 - y2))
                if apart > 0:
                    scale = max(scale, side / apart)
        return scale

    def diagram_rect(self) -> QRectF:
        """Where the drawing sits in the widget, keeping its proportions."""
        _, _, width, height = self._diagram.view_box
        caption = _MARGIN + self._caption_height() + 2
        available = QRectF(self.rect()).adjusted(_MARGIN, caption, -_MARGIN, -_MARGIN)
        scale = min(available.width() / width, available.height() / height)
        size = QSize(int(width * scale), int(height * scale))
        left = available.left() + (available.width() - size.width()) / 2
        top = available.top() + (available.height() - size.height()) / 2
        return QRectF(int(left), int(top), size.width(), size.height())

    def map_from_diagram(self, x: float, y: float) -> QPoint:
        """A point in the drawing's own coordinates, in widget pixels."""
        box_x, box_y, width, height = self._diagram.view_box
        rect = self.diagram_rect()
        return QPoint(
            round(rect.left() + (x - box_x) / width * rect.width()),
            round(rect.top() + (y - box_y) / height * rect.height()),
        )

    def anchor_point(self, site_id: str) -> QPoint:
        """The widget point at a site's anchor (inside the site, not covered by another)."""
        return self.map_from_diagram(*self._diagram.anchors[site_id])

    def target_rect(self, site_id: str) -> QRect:
        """The square around a site's anchor that always chooses it (WCAG 2.5.8).

        Small parts (the brain, the thin spine) would be hard to hit by their drawn
        shape alone; this square is at least the minimum target size (24 px, 48 px in
        kiosk mode) and wins over the parts drawn around it.
        """
        side = max(self._min_target, 2 * self._mark_radius() + 4)
        centre = self.anchor_point(site_id)
        return QRect(centre.x() - side // 2, centre.y() - side // 2, side, side)

    def site_at(self, point: QPoint | QPointF) -> str:
        """The site under a widget point: target squares first, then drawn parts topmost first."""
        pixel = QPointF(point).toPoint()
        for site_id in reversed(self._site_ids):
            if site_id in self.part_boxes and self.target_rect(site_id).contains(pixel):
                return site_id
        self._ensure_cache()
        rect = self.diagram_rect()
        x = int(point.x() - rect.left())
        y = int(point.y() - rect.top())
        for site_id in reversed(self._site_ids):
            mask = self._mask(site_id)
            if (
                0 <= x < mask.width()
                and 0 <= y < mask.height()
                and mask.pixelColor(x, y).alpha() > 0
            ):
                return site_id
        return ""

    # -- cached images -----------------------------------------------------
    def _ensure_cache(self) -> None:
        size = self.diagram_rect().size().toSize()
        if size == self._cache_size or size.isEmpty():
            return
        self._cache_size = size
        self._base_image = self._render(self._whole, size)
        self._masks.clear()
        self._tinted.clear()
        self._extents.clear()

    def _mask(self, site_id: str) -> QImage:
        """The site drawn alone at the current size: opaque where the site is."""
        self._ensure_cache()
        if site_id not in self._masks:
            renderer = QSvgRenderer(QByteArray(self._diagram.site_svgs[site_id]))
            self._masks[site_id] = self._render(renderer, self._cache_size)
        return self._masks[site_id]

    @staticmethod
    def _render(renderer: QSvgRenderer, size: QSize) -> QImage:
        image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, size.width(), size.height()))
        painter.end()
        return image

    def _tint(self, site_id: str, colour: str) -> QImage:
        key = (site_id, colour)
        if key not in self._tinted:
            image = self._mask(site_id).copy()
            painter = QPainter(image)
            painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
            painter.fillRect(image.rect(), QColor(colour))
            painter.end()
            self._tinted[key] = image
        return self._tinted[key]

    def _bounds(self, site_id: str) -> QRect:
        """The part's extent at the current size, in drawing pixels."""
        self._ensure_cache()
        if site_id not in self._extents:
            alpha = QBitmap.fromImage(self._mask(site_id).createAlphaMask())
            self._extents[site_id] = QRegion(alpha).boundingRect()
        return self._extents[site_id]

    # -- painting ----------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        self._ensure_cache()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = self.diagram_rect()
        origin = rect.topLeft().toPoint()
        painter.drawImage(origin, self._base_image)
        for site_id in self._site_ids:
            selected = self._selection.is_selected(site_id)
            active = site_id in (self._hovered, self._focused)
            if selected:
                outline = self._tint(site_id, self._theme.selected_site_outline)
                for dx, dy in _OUTLINE_OFFSETS:
                    painter.drawImage(origin + QPoint(dx, dy), outline)
                painter.drawImage(origin, self._tint(site_id, self._theme.selected_site))
            if active:
                painter.setOpacity(0.75)
                painter.drawImage(origin, self._tint(site_id, self._theme.hover_site))
                painter.setOpacity(1.0)
        for site_id in {self._hovered, self._focused} - {""}:
            # The tint alone is too faint (1.5:1): a box in the focus colour, 3:1 or
            # more against the window and the parts, goes round the part too.
            box = self._bounds(site_id).translated(origin).adjusted(-4, -4, 4, 4)
            painter.setPen(QPen(QColor(self._theme.focus_ring), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(box, 4, 4)
        for site_id in self._site_ids:
            if self._selection.is_selected(site_id):
                self._paint_mark(painter, self.anchor_point(site_id))
        self._paint_caption(painter)
        if self.hasFocus():
            pen = QPen(QColor(self._theme.focus_ring), 2, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(self.rect().adjusted(1, 1, -2, -2))
        painter.end()

    def _mark_radius(self) -> int:
        return max(9, min(_MAX_MARK_RADIUS, self.width() // 30))

    def _paint_mark(self, painter: QPainter, centre: QPoint) -> None:
        """A tick in a ring: selection is shown by shape, not colour alone."""
        radius = self._mark_radius()
        painter.setPen(QPen(QColor(self._theme.selected_site_outline), 2))
        painter.setBrush(QColor(self._theme.mark_fill))
        painter.drawEllipse(centre, radius, radius)
        tick = QPen(QColor(self._theme.selected_site_outline), max(2, radius // 4))
        tick.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(tick)
        r = radius
        painter.drawPolyline(
            [
                QPointF(centre.x() - r * 0.45, centre.y()),
                QPointF(centre.x() - r * 0.1, centre.y() + r * 0.4),
                QPointF(centre.x() + r * 0.5, centre.y() - r * 0.4),
            ]
        )

    def _caption_text(self) -> str:
        site_id = self._hovered or self._focused
        if not site_id:
            return self._prompt
        state = "selected" if self._selection.is_selected(site_id) else "not selected"
        return f"{self._titles[site_id]} ({state})"

    def _caption_rect(self) -> QRect:
        """Where the caption goes: the full width, as many lines as the longest caption needs.

        Its height does not change with what it says, so the drawing never jumps.
        """
        width = max(1, self.width() - 2 * _MARGIN)
        key = (width, self.font().key(), self._prompt)
        if self._caption_key != key:
            self._caption_key = key
            self._caption_lines_height = self._longest_caption_height(width)
        return QRect(_MARGIN, 2, width, max(26, self._caption_lines_height + 2))

    def _longest_caption_height(self, width: int) -> int:
        bold = QFont(self.font())
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        flags = Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap
        captions = (self._prompt, *(f"{title} (not selected)" for title in self._titles.values()))
        room = QRect(0, 0, width, 10_000)
        return max(metrics.boundingRect(room, flags, text).height() for text in captions)

    def _caption_height(self) -> int:
        """The caption's height: it grows with the text size and wraps, so it is never cut."""
        return self._caption_rect().height()

    def _paint_caption(self, painter: QPainter) -> None:
        """The name of the site under the pointer or keyboard focus, at the top."""
        site_id = self._hovered or self._focused
        font = QFont(self.font())
        font.setBold(bool(site_id))
        painter.setFont(font)
        painter.setPen(self.palette().windowText().color())
        painter.drawText(
            self._caption_rect(),
            Qt.AlignmentFlag.AlignHCenter
            | Qt.AlignmentFlag.AlignVCenter
            | Qt.TextFlag.TextWordWrap,
            self._caption_text(),
        )

    # -- input -------------------------------------------------------------
    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        site_id = self.site_at(event.position())
        if site_id != self._hovered:
            self._set_hovered(site_id)
            if site_id and self._tooltips:
                QToolTip.showText(event.globalPosition().toPoint(), self._titles[site_id], self)
            else:
                QToolTip.hideText()
        self.setCursor(Qt.CursorShape.PointingHandCursor if site_id else Qt.CursorShape.ArrowCursor)

    def leaveEvent(self, event: QEvent) -> None:
        self._set_hovered("")

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        site_id = self.site_at(event.position())
        if site_id:
            self._focused = site_id
            self._selection.toggle(site_id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Right):
            self._move_focus(1)
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Left):
            self._move_focus(-1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space, Qt.Key.Key_Select):
            if self._focused:
                self._selection.toggle(self._focused)
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        if not self._focused and self._keyboard_order:
            self._set_focused(self._keyboard_order[0])
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    def _move_focus(self, step: int) -> None:
        if not self._keyboard_order:
            return
        if self._focused in self._keyboard_order:
            index = (self._keyboard_order.index(self._focused) + step) % len(self._keyboard_order)
        else:
            index = 0
        self._set_focused(self._keyboard_order[index])

    @property
    def focused_site(self) -> str:
        """The site the keyboard is on."""
        return self._focused

    @property
    def hovered_site(self) -> str:
        """The site under the pointer."""
        return self._hovered

    def _set_focused(self, site_id: str) -> None:
        self._focused = site_id
        self._update_accessible_description()
        self.hoveredSiteChanged.emit(site_id)
        self.update()

    def _set_hovered(self, site_id: str) -> None:
        self._hovered = site_id
        self.hoveredSiteChanged.emit(site_id)
        self.update()

    def _on_selection_changed(self, *_: QModelIndex) -> None:
        self._update_accessible_description()
        for box in self.part_boxes.values():
            box.follow_selection()
        self.update()

    def _place_part_boxes(self) -> None:
        for site_id, box in self.part_boxes.items():
            box.place(self.target_rect(site_id))

    def _update_accessible_description(self) -> None:
        chosen = [self._titles[s] for s in self._selection.selected_ids() if s in self._titles]
        current = self._titles.get(self._focused, "")
        parts = []
        if current:
            state = "selected" if self._selection.is_selected(self._focused) else "not selected"
            parts.append(f"On {current}, {state}.")
        parts.append("Chosen: " + (", ".join(chosen) if chosen else "none") + ".")
        parts.append("Arrow keys move between body parts; Enter or Space chooses.")
        self.setAccessibleDescription(" ".join(parts))

    def set_theme(self, theme: Theme) -> None:
        """Use another colour theme."""
        self._theme = theme
        self._tinted.clear()
        self.update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._cache_size = QSize()
        self._place_part_boxes()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # the caption's height moves the drawing
            self._place_part_boxes()
            self.updateGeometry()
