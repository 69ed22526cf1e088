"""Tests wait for a condition, never for a length of time: a fixed sleep is either too short on a busy
machine (a flaky test) or too long everywhere (a slow suite). A sleep is allowed only as the pause inside
a loop that polls a condition (`while not ready(): time.sleep(…)`)."""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).parent


def fixed_waits(source: str) -> list[int]:
    """Lines that wait for time: `wait_for_timeout(…)` anywhere, a `sleep(…)` outside a condition's loop."""
    tree = ast.parse(source)
    polled: set[int] = set()
    for loop in ast.walk(tree):
        if isinstance(loop, ast.While) and not isinstance(loop.test, ast.Constant):  # `while True` polls nothing
            polled |= {id(n) for n in ast.walk(loop)}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name == "wait_for_timeout" or (name == "sleep" and id(node) not in polled):
                found.append(node.lineno)
    return found


def test_the_rule_catches_fixed_waits_and_allows_a_polling_pause():
    assert fixed_waits("page.wait_for_timeout(300)\n") == [1]
    assert fixed_waits("import time\ntime.sleep(0.5)\n") == [2]
    assert fixed_waits("while True:\n    time.sleep(1)\n") == [2]
    assert fixed_waits("for _ in range(3):\n    sleep(1)\n") == [2]
    assert fixed_waits("while not done():\n    time.sleep(0.05)\n") == []


def test_no_test_waits_for_a_fixed_time():
    found = [
        f"{path.relative_to(TESTS.parent)}:{line}"
        for path in sorted(TESTS.rglob("*.py"))
        if path.name != "test_no_sleeps.py"
        for line in fixed_waits(path.read_text(encoding="utf-8"))
    ]
    assert found == [], "wait for the condition instead (tests/browser/conftest.py: settled, drawn): " + str(found)
