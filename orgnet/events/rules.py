"""The rules that turn collaboration events into ties, with Viva Insights' definitions as defaults.

Every rule is an option of ``orgnet events`` and is written into the output's metadata, so a
network built from events always says how it was built. ``docs/events.md`` gives the sources.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from orgnet.errors import OrgnetError, Said

CHANNELS = ("email", "meeting", "chat")
DEFAULT_KINDS = {"meeting": "formal", "email": "informal", "chat": "informal"}
WEIGHTS = ("interactions", "hours")
_DURATION = re.compile(r"^\s*(\d+)\s*([dwh])\s*$")
_UNIT_SECONDS = {"h": 3600, "d": 86400, "w": 7 * 86400}


def parse_duration(text: str) -> int:
    """``"28d"``, ``"4w"`` or ``"12h"`` in seconds."""
    match = _DURATION.match(str(text))
    if not match or int(match.group(1)) == 0:
        raise OrgnetError(Said("error.events.bad_window", text=text))
    return int(match.group(1)) * _UNIT_SECONDS[match.group(2)]


def parse_day(text: str | None, option: str, zone: str = "UTC") -> datetime | None:
    """A ``--since``/``--until`` date (or date and time) as an aware datetime; naive means ``zone``."""
    if text is None:
        return None
    try:
        moment = datetime.fromisoformat(str(text).strip())
    except ValueError:
        raise OrgnetError(Said("error.events.bad_day", option=option, text=text)) from None
    if moment.tzinfo:
        return moment
    try:
        return moment.replace(tzinfo=ZoneInfo(zone))
    except (ZoneInfoNotFoundError, ValueError):
        raise OrgnetError(Said("error.events.bad_timezone", zone=zone)) from None


@dataclass(frozen=True)
class EventRules:
    """How events become ties (every field is an option of ``orgnet events``).

    Attributes
    ----------
    min_interactions : int
        Interactions between two people within one window needed for a tie (Viva Insights: 2).
    window_seconds : int
        The window length (Viva Insights: four weeks, 28 days). A window slides: any span of
        this length, the last interaction less than ``window_seconds`` after the first.
    reciprocal : bool
        A tie needs interaction both ways within the window (A wrote to B and B to A, or they met).
    max_meeting_size, max_meeting_hours, max_recipients
        Larger meetings, longer meetings and e-mails/chats to more recipients are not collaboration.
    weight : str
        ``interactions`` (a count) or ``hours`` (meeting time split among the other attendees,
        ``message_minutes`` per e-mail or chat message).
    kinds : dict
        Channel → tie kind (formal/informal).
    since, until : datetime or None
        Only events in ``[since, until)``.
    per_window : bool
        One network per calendar window (fixed blocks of ``window_seconds`` from the origin)
        instead of one for the whole period.
    timezone : str
        The zone of timestamps that carry no offset.
    """

    min_interactions: int = 2
    window_seconds: int = 28 * 86400
    reciprocal: bool = True
    max_meeting_size: int = 25
    max_meeting_hours: float = 8.0
    max_recipients: int = 25
    weight: str = "interactions"
    message_minutes: float = 5.0
    kinds: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_KINDS))
    since: datetime | None = None
    until: datetime | None = None
    per_window: bool = False
    timezone: str = "UTC"

    def __post_init__(self):
        if self.min_interactions < 1:
            raise OrgnetError(Said("error.events.min_interactions", value=self.min_interactions))
        if self.weight not in WEIGHTS:
            raise OrgnetError(Said("error.events.bad_weight", weight=self.weight, choices=", ".join(WEIGHTS)))
        for channel, kind in self.kinds.items():
            if channel not in CHANNELS or kind not in ("formal", "informal"):
                raise OrgnetError(Said("error.events.bad_kind", channel=channel, kind=kind, channels=", ".join(CHANNELS)))
        try:
            ZoneInfo(self.timezone)
        except (ZoneInfoNotFoundError, ValueError):
            raise OrgnetError(Said("error.events.bad_timezone", zone=self.timezone)) from None
        if self.since and self.until and self.since >= self.until:
            raise OrgnetError(Said("error.events.since_until", since=self.since.isoformat(), until=self.until.isoformat()))

    def describe(self) -> dict:
        """The rules as they go into the output's metadata."""
        described = asdict(self)
        described["window"] = _duration_text(self.window_seconds)
        del described["window_seconds"]
        described["since"] = self.since.isoformat() if self.since else None
        described["until"] = self.until.isoformat() if self.until else None
        return described


def _duration_text(seconds: int) -> str:
    return f"{seconds // 86400}d" if seconds % 86400 == 0 else f"{seconds // 3600}h"
