"""What services raise: each carries words a person can act on, never a stack trace."""
from __future__ import annotations

from collections.abc import Mapping

from pa_manager.domain.validation import Problem
from pa_manager.messages import describe


class ServiceError(Exception):
    """A user action that cannot be done; str() is one plain sentence saying why and what to do."""


class NotFound(ServiceError):
    pass


class ChangedElsewhere(ServiceError):
    """A save from a form opened on a record that someone else has saved (or removed) since: nothing
    was saved. `problem` says which (its code ends _CHANGED_ELSEWHERE or _REMOVED_ELSEWHERE), and of
    what; str() is its sentence."""

    def __init__(self, problem: Problem):
        self.problem = problem
        super().__init__(describe(problem))


class ValidationFailed(ServiceError):
    """Some fields are wrong. `problems` maps a field name to what is wrong with it."""

    def __init__(self, problems: Mapping[str, Problem]):
        self.problems = dict(problems)
        super().__init__(" ".join(describe(p) for p in self.problems.values()))
