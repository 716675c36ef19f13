"""What every command shares, defined once: the store and format options, settings from the config file and the
command line, writing output, and turning library errors into one coded line and the family's exit code.

Nothing here imports spaCy or the analyzers: commands that need no NLP start fast.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import Any

import click

from ..errors import E, PresslintError

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2

db_option = click.option(
    "--db", type=click.Path(dir_okay=False), help="SQLite store to use (default: $PRESSLINT_HOME/presslint.db)."
)
config_option = click.option(
    "--config", "config_path", type=click.Path(exists=True, dir_okay=False), help="A presslint.toml to use."
)
allow_private_option = click.option(
    "--allow-private", is_flag=True, help="Allow fetching URLs on private or loopback addresses."
)


def format_option(choices: tuple[str, ...], default: str = "text") -> Any:
    """--format, checked against ``choices`` with a coded error (E303) rather than click's own message."""
    return click.option(
        "--format", "fmt", default=default, show_default=True, help=f"{', '.join(choices[:-1])} or {choices[-1]}."
    )


def check_format(fmt: str, choices: tuple[str, ...]) -> None:
    if fmt not in choices:
        raise PresslintError(E.E303, format=fmt, choices=", ".join(choices))


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def safe(text: str) -> str:
    """Text from outside (file names, URLs) made safe for a terminal: control characters shown as '?'."""
    return _CONTROL.sub("?", text)


def say(message: str) -> None:
    click.echo(f"presslint: {message}", err=True)


def error_line(err: PresslintError) -> str:
    """The one line a CLI user sees for a coded error: the message plus the CLI's hint."""
    return f"error: {safe(err.for_interface('cli'))}"


def settings_from(config_path: str | None = None, **changes: Any) -> Any:
    """Settings from the config file (given or found), then the command line's options (None: keep)."""
    from ..config import load_settings

    return load_settings(config_path).replace(**changes)


def open_store(db: str | None) -> Any:
    from ..config import Settings
    from ..store import open_store as _open

    return _open(Settings(db=db))


def write(path: str | Path, text: str) -> None:
    try:
        Path(path).write_text(text, encoding="utf-8")
    except OSError as err:
        raise PresslintError(E.E307, path=path, reason=err) from err


def emit(text: str, output: str | None) -> None:
    """To the file ``output``, or to stdout."""
    if output:
        write(output, text)
    else:
        click.echo(text, nl=False)


def colour(output: str | None) -> bool:
    return output is None and sys.stdout.isatty() and not os.environ.get("NO_COLOR")


class PresslintGroup(click.Group):
    """The root group: a library error anywhere below becomes one coded line on stderr and its family's exit
    code; the command's own output so far stays."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except PresslintError as err:
            click.echo(error_line(err), err=True)
            ctx.exit(err.exit_code or EXIT_ERROR)


class DocumentedGroup(click.Group):
    """A group whose help also shows each subcommand's full help, so the generated docs/cli.md documents them."""

    def get_help(self, ctx: click.Context) -> str:
        parts = [super().get_help(ctx)]
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is None:
                continue
            sub = click.Context(
                command,
                info_name=name,
                parent=ctx,
                terminal_width=ctx.terminal_width,
                max_content_width=ctx.max_content_width,
            )
            parts.append(command.get_help(sub))
        return "\n\n".join(parts)
