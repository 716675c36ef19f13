"""The command line: thin shells over the library, one module per group of commands.

``main`` is the root group (``presslint = presslint.cli:main``); ``options`` holds what every command shares (store
and format options, settings, output, coded errors and exit codes). ``docs/cli.md`` is generated from the commands'
help by :func:`render_docs`; a test fails when it is stale. Command modules import click and nothing heavy at
import time, so `presslint rules`, `history` or `--help` never load spaCy.
"""

from __future__ import annotations

import click

from .._version import __version__
from . import catalogue, check, corpus, eval, kb, models, scale, store, web
from .options import PresslintGroup


@click.group(cls=PresslintGroup)
@click.version_option(__version__, prog_name="presslint")
def main() -> None:
    """presslint: check news articles for sourcing, numbers, loaded language and contradictions."""


for _command in (
    check.check,
    *catalogue.COMMANDS,
    *store.COMMANDS,
    *corpus.COMMANDS,
    *scale.COMMANDS,
    kb.kb,
    web.serve,
    eval.eval_group,
    *models.COMMANDS,
):
    main.add_command(_command)


DOCS_HEADER = """# presslint command line

This page is generated from the commands' help by `presslint.cli.render_docs()`; do not edit it by hand.
Regenerate it with:

```sh
.venv/bin/python -c "from presslint.cli import render_docs; print(render_docs(), end='')" > docs/cli.md
```
"""


def render_docs() -> str:
    """Markdown reference of every command, from click's own help (fixed width, so the output is stable)."""
    parts = [DOCS_HEADER]
    root = click.Context(main, info_name="presslint", terminal_width=100, max_content_width=100)
    parts.append(f"## presslint\n\n```text\n{main.get_help(root)}\n```\n")
    for name in main.list_commands(root):
        command = main.get_command(root, name)
        if command is None or command.hidden:
            continue
        ctx = click.Context(command, info_name=name, parent=root, terminal_width=100, max_content_width=100)
        parts.append(f"## presslint {name}\n\n```text\n{command.get_help(ctx)}\n```\n")
    return "\n".join(parts)


if __name__ == "__main__":  # pragma: no cover
    main()
