"""Checking what a person is told when a service refuses: the error's sentence, as the window and the
command line show it (pa_manager.messages.say), not its code."""
from __future__ import annotations

import re
from contextlib import contextmanager

import pytest

from pa_manager.messages import say


@contextmanager
def raises_saying(kind: type[BaseException], pattern: str):
    """Like pytest.raises(kind, match=pattern), but matching the sentence the user reads."""
    with pytest.raises(kind) as caught:
        yield caught
    said = say(caught.value)
    assert re.search(pattern, said), f"{pattern!r} is not in what was said: {said!r}"
