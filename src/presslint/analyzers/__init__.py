"""presslint analyzers: one module per concern (see DEVELOPERS.md)."""
