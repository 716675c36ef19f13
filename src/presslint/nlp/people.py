"""Word forms that name people, shared by the analyzers that must tell a person from a thing (framing's labels and
fears, claims' accusations): a noun ending in a suffix of agents or members ('operator', 'developer', 'activist',
'employee')."""

from __future__ import annotations

PERSON_SUFFIXES = ("or", "er", "ist", "ian", "man", "woman", "person", "ee", "ant", "ent", "ic")
