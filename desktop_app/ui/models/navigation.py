"""Back and forward history of the pages a person has visited (Qt-free logic)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Place:
    """One page: its kind (map, site, compare, option, questions, glossary, handout) and key."""

    page: str
    key: str = ""


START = Place("map")


class History:
    """A browser-like history: visiting a new place drops the forward entries."""

    def __init__(self) -> None:
        self._places: list[Place] = [START]
        self._index = 0

    @property
    def current(self) -> Place:
        """Where the person is now."""
        return self._places[self._index]

    def visit(self, place: Place) -> None:
        """Go somewhere new (a repeat of the current place is ignored)."""
        if place == self.current:
            return
        del self._places[self._index + 1 :]
        self._places.append(place)
        self._index += 1

    def can_go_back(self) -> bool:
        """Whether there is a place before this one."""
        return self._index > 0

    def can_go_forward(self) -> bool:
        """Whether there is a place after this one."""
        return self._index < len(self._places) - 1

    def back(self) -> Place:
        """Step back one place."""
        if self.can_go_back():
            self._index -= 1
        return self.current

    def forward(self) -> Place:
        """Step forward one place."""
        if self.can_go_forward():
            self._index += 1
        return self.current

    def last_site(self) -> str:
        """The most recent site visited up to now, or ""."""
        for place in reversed(self._places[: self._index + 1]):
            if place.page == "site":
                return place.key
        return ""

    def reset(self) -> None:
        """Back to the start, with no history."""
        self._places = [START]
        self._index = 0
