"""Knowledge checks against Wikidata: a compact local store, a dump importer, an online client, a linker, checks."""
