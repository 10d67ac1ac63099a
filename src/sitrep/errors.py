"""sitrep's own error type: every problem with an input is raised as one.

Takes nothing; gives `SitrepError` (a problem with one input, with the file
name and a one-line reason) that the command line prints and moves past.
"""


class SitrepError(Exception):
    """A problem with one input: `origin` names the file, the message says why."""

    def __init__(self, message: str, origin: str | None = None):
        self.origin = origin
        self.reason = message
        super().__init__(f"{origin}: {message}" if origin else message)
