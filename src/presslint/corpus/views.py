"""The read side of the corpus the CLI and the web app share: stories as ``model.corpus`` records, from
``store.corpus``. Renderers (``presslint.report.story``) format them."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import asdict

from ..model import OutletArticles, Story, StoryMember, StoryView, SyndicationGroup
from ..store import Store
from ..store import corpus as db


def copies_note(copies: int) -> str:
    return f"{copies} syndicated copies count as one source"


def list_stories(store: Store, since: str | None = None, limit: int = 50) -> list[Story]:
    """Stories whose last article is on or after ``since`` (ISO date), latest first, at most ``limit``."""
    return db.stories_since(store, since, limit)


def story_data(story: Story, members: list[StoryMember]) -> StoryView:
    """One story with its members outlet by outlet and its syndication groups (no claims, no profiles)."""
    groups: dict[int, list[StoryMember]] = OrderedDict()
    for m in members:
        groups.setdefault(m.syndication_group_id, []).append(m)
    syndication = [
        SyndicationGroup(gid, len(ms), sorted({m.outlet for m in ms}), copies_note(len(ms)))
        for gid, ms in groups.items()
        if len(ms) > 1
    ]
    outlets: dict[str, list[StoryMember]] = OrderedDict()
    for m in members:
        outlets.setdefault(m.outlet, []).append(m)
    return StoryView(
        **asdict(story),
        syndication=syndication,
        outlets=[OutletArticles(name, rows) for name, rows in outlets.items()],
    )


def story_view(store: Store, story_id: int) -> StoryView | None:
    """One story outlet by outlet and claim by claim, with its outlets' profiles; None when it does not exist."""
    story = db.story(store, story_id)
    if story is None:
        return None
    view = story_data(story, db.story_members(store, story_id))
    view.claims = db.story_claims(store, story_id)
    view.profiles = db.outlet_profiles(store, [o.outlet for o in view.outlets])
    return view
