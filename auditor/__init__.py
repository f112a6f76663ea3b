"""Journey auditor: personas walk a store in Chromium; every step becomes an emotion."""

__version__ = "0.3.0"
