"""What services raise: each carries a `Problem` (a code and the values its sentence needs), never
words. The words layer (pa_manager.messages.say) turns an error into the one plain sentence a person
reads; str() of an error is only its code, for logs and tracebacks."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pa_manager.domain.validation import Problem


class ServiceError(Exception):
    """A user action that cannot be done. `problem` says why, by a code and values; build one with
    `ServiceError("CODE", value, name=detail, ...)` or from a Problem."""

    def __init__(self, problem: Problem | str, value: Any = None, **params: Any):
        if not isinstance(problem, Problem):
            problem = Problem.of(problem, value, **params)
        self.problem = problem
        super().__init__(problem.code)


class NotFound(ServiceError):
    """The record asked for is not (or no longer) in this data file."""


class ChangedElsewhere(ServiceError):
    """A save from a form opened on a record that someone else has saved (or removed) since: nothing
    was saved. `problem` says which (its code ends _CHANGED_ELSEWHERE or _REMOVED_ELSEWHERE), and of
    what."""


class ValidationFailed(ServiceError):
    """Some fields are wrong. `problems` maps a field name to what is wrong with it; `problem` is the
    first of them."""

    def __init__(self, problems: Mapping[str, Problem]):
        self.problems = dict(problems)
        super().__init__(next(iter(self.problems.values()), Problem("VALIDATION_FAILED")))
        self.args = (" ".join(p.code for p in self.problems.values()),)
