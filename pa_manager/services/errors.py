"""What services raise: each carries words a person can act on, never a stack trace."""
from __future__ import annotations

from collections.abc import Mapping

from pa_manager.domain.validation import Problem
from pa_manager.messages import describe


class ServiceError(Exception):
    """A user action that cannot be done; str() is one plain sentence saying why and what to do."""


class NotFound(ServiceError):
    pass


class ValidationFailed(ServiceError):
    """Some fields are wrong. `problems` maps a field name to what is wrong with it."""

    def __init__(self, problems: Mapping[str, Problem]):
        self.problems = dict(problems)
        super().__init__(" ".join(describe(p) for p in self.problems.values()))
