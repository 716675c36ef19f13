"""presslint's version, in a module of its own: modules that need it import this, not the package ``__init__``
(which imports the checker, which needs the version: an import cycle)."""

__version__ = "0.1.0"
