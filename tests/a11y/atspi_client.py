"""A screen reader's view of the running program, read over AT-SPI with pyatspi.

Run by Debian's own Python (`/usr/bin/python3`, where `python3-pyatspi` lives), never
by the project's virtual environment: the program under test runs from `.venv` and
this client only talks to it over the accessibility bus, as Orca does.

It reads one JSON command per line on standard input and answers one JSON line:
    {"cmd": "wait_app", "name": "mbc-guide", "timeout": 20}
    {"cmd": "dump"}                       every object: role, name, states, text...
    {"cmd": "act", "role": "push button", "name": "Body map", "action": "Press"}
    {"cmd": "wait", "role": "heading", "name": "Spine", "timeout": 10}
"""

from __future__ import annotations

import json
import sys
import time

import pyatspi  # Debian's python3-pyatspi

MAX_NODES = 5000
MAX_TEXT = 100_000
_app = None


def _find_app(name, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        desktop = pyatspi.Registry.getDesktop(0)
        for index in range(desktop.childCount):
            app = desktop.getChildAtIndex(index)
            if app is not None and app.name == name:
                return app
        time.sleep(0.1)
    return None


def _text_of(node):
    try:
        text = node.queryText()
    except NotImplementedError:
        return None
    except Exception:
        return None
    return text.getText(0, min(text.characterCount, MAX_TEXT))


def _actions_of(node):
    try:
        action = node.queryAction()
    except Exception:
        return []
    return [action.getName(i) for i in range(action.nActions)]


def _table_of(node):
    try:
        table = node.queryTable()
    except Exception:
        return None
    columns = []
    for column in range(table.nColumns):
        header = table.getColumnHeader(column)
        columns.append(header.name if header is not None else "")
    rows = []
    for row in range(table.nRows):
        header = table.getRowHeader(row)
        rows.append(header.name if header is not None else "")
    return {
        "rows": table.nRows,
        "columns": table.nColumns,
        "column_headers": columns,
        "row_headers": rows,
    }


def _attributes_of(node):
    try:
        return dict(a.split(":", 1) for a in node.getAttributes() if ":" in a)
    except Exception:
        return {}


def _extents_of(node):
    try:
        box = node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    except Exception:
        return None
    return [box.x, box.y, box.width, box.height]


def _describe(node, path):
    states = node.getState().getStates()
    return {
        "path": path,
        "role": node.getRoleName(),
        "name": node.name or "",
        "description": node.description or "",
        "states": sorted(pyatspi.stateToString(s) for s in states),
        "actions": _actions_of(node),
        "text": _text_of(node),
        "table": _table_of(node),
        "attributes": _attributes_of(node),
        "extents": _extents_of(node),
        "children": node.childCount,
    }


def _walk(root):
    found, stack = [], [(root, [])]
    while stack and len(found) < MAX_NODES:
        node, path = stack.pop()
        try:
            found.append(_describe(node, path))
            count = node.childCount
        except Exception:
            continue
        for index in reversed(range(count)):
            try:
                child = node.getChildAtIndex(index)
            except Exception:
                continue
            if child is not None:
                stack.append((child, [*path, index]))
    return found


def _matches(node, role, name):
    try:
        return (role is None or node.getRoleName() == role) and (
            name is None or (node.name or "") == name
        )
    except Exception:
        return False


def _find(root, role, name, showing_only=True):
    stack = [root]
    while stack:
        node = stack.pop()
        try:
            states = node.getState()
            if _matches(node, role, name) and (
                not showing_only or states.contains(pyatspi.STATE_SHOWING)
            ):
                return node
            stack.extend(node.getChildAtIndex(i) for i in range(node.childCount))
        except Exception:
            continue
    return None


def _handle(command):
    global _app
    kind = command["cmd"]
    if kind == "wait_app":
        _app = _find_app(command["name"], command.get("timeout", 20))
        return {"ok": _app is not None}
    if _app is None:
        return {"ok": False, "error": "no application"}
    if kind == "dump":
        return {"ok": True, "nodes": _walk(_app)}
    if kind == "keys":  # key presses as the keyboard would send them (X keysyms)
        for keysym in command["keysyms"]:
            pyatspi.Registry.generateKeyboardEvent(keysym, None, pyatspi.KEY_SYM)
            time.sleep(0.05)
        return {"ok": True}
    if kind == "hold":  # a finger held on one spot of the screen, then lifted
        x, y = command["x"], command["y"]
        pyatspi.Registry.generateMouseEvent(x, y, "abs")
        pyatspi.Registry.generateMouseEvent(x, y, "b1p")
        time.sleep(command["seconds"])
        pyatspi.Registry.generateMouseEvent(x, y, "b1r")
        return {"ok": True}
    if kind in ("act", "wait"):
        deadline = time.monotonic() + command.get("timeout", 10)
        while True:
            node = _find(_app, command.get("role"), command.get("name"))
            if node is not None or time.monotonic() > deadline:
                break
            time.sleep(0.05)
        if node is None:
            return {"ok": False, "error": f"not found: {command.get('role')} {command.get('name')}"}
        if kind == "wait":
            states = node.getState().getStates()
            return {"ok": True, "states": sorted(pyatspi.stateToString(s) for s in states)}
        actions = _actions_of(node)
        wanted = command.get("action", "Press")
        if wanted not in actions:
            return {"ok": False, "error": f"no action {wanted!r}; has {actions}"}
        node.queryAction().doAction(actions.index(wanted))
        return {"ok": True}
    return {"ok": False, "error": f"unknown command {kind!r}"}


def main():
    for line in sys.stdin:
        try:
            answer = _handle(json.loads(line))
        except Exception as exc:  # the test sees the error, the client goes on
            answer = {"ok": False, "error": f"{type(exc).__name__}: {exc}"}
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
