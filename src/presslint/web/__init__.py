"""presslint's web workbench and HTTP API (FastAPI). Needs the ``web`` extra; start it with ``presslint serve``."""
