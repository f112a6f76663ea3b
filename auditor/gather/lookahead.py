"""The look-ahead: the next step's first read, made while the persona looks at this page.

Each action may name what it reads of the page before doing anything (its `first_read` in
auditor/actions.py: the link, button or form it looks for). During the persona's look at the
page the step before, that read runs at full speed, where it costs no time of its own. What
it found is kept only if the same document shows no change until the look ends (look.py
checks that); the step then takes it instead of reading again. A step that will be retried
(a refused order) has its own first read made during the look at the refusal.
"""

from __future__ import annotations

from typing import Any

from auditor.actions import ACTIONS, FirstRead
from auditor.model import StepSpec

Planned = tuple[FirstRead, dict[str, Any]]  # a step's first read, with the step's parameters


def _planned(spec: StepSpec | None) -> Planned | None:
    if spec is None or (read := ACTIONS[spec.action].reads_first()) is None:
        return None
    return read, spec.params


class LookAhead:
    """One walk's look-ahead: what the coming step reads first, and what that read found."""

    def __init__(self, context: Any) -> None:
        self._context = context  # the JourneyContext every read is made in
        self._this_step: Planned | None = None
        self._next_step: Planned | None = None
        self._found: tuple[FirstRead, Any] | None = None

    def plan(self, this_step: StepSpec, next_step: StepSpec | None) -> None:
        """Before a step: its own first read (made again if it is retried) and the next's."""
        self._this_step, self._next_step = _planned(this_step), _planned(next_step)

    def read_during_look(self) -> None:
        """During the look: make the coming step's first read now and keep what it found."""
        self._found = None
        coming = self._this_step if self._context.retry else self._next_step
        if coming is not None:
            read, params = coming
            self._found = (read, read(self._context, params))

    def forget(self) -> None:
        """The page changed, or a new look began: what was found no longer holds."""
        self._found = None

    def first_read(self, read: FirstRead, params: dict[str, Any]) -> Any:
        """What `read` finds: as found during the last look when it was this read, else read
        now. Each answer is used once, for a step's first read before it does anything."""
        if self._found is not None and self._found[0] is read:
            found, self._found = self._found[1], None
            return found
        return read(self._context, params)
