"""The Rule and RuleSet records: what a rule file says, compiled and ready to evaluate."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from dsgvo_check.model import Severity

if TYPE_CHECKING:
    from dsgvo_check.rules.conditions import Condition
    from dsgvo_check.rules.kinds import Check
    from dsgvo_check.rules.plan import Plan


@dataclass(frozen=True, slots=True)
class Texts:
    """A text in German and (optionally) English; German is the fallback."""

    de: str
    en: str | None = None

    def get(self, lang: str) -> str:
        """The text in `lang`, or German where no translation exists."""
        return self.en if lang == "en" and self.en else self.de


@dataclass(frozen=True, slots=True)
class LegalRef:
    """A legal reference, valid for items published in [valid_from, valid_until]."""

    ref: str
    valid_from: date | None = None
    valid_until: date | None = None

    def valid_on(self, day: date) -> bool:
        """True when the reference applies on `day`."""
        return (self.valid_from is None or day >= self.valid_from) and (
            self.valid_until is None or day <= self.valid_until)


@dataclass(frozen=True, slots=True)
class Source:
    """Where a requirement comes from: a title and, where there is one, a URL."""

    title: str
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Example:
    """A rule example: a whole post (or campaign) with consents, image facts and a date."""

    text: str
    line: int
    campaign: bool = False
    consents: tuple[Mapping[str, Any], ...] = ()
    images: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    as_of: date | None = None
    count: int | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class Rule:
    """One rule: metadata for people, a condition and a check for the engine."""

    id: str
    kind: str
    severity: Severity
    category: str
    titles: Texts
    messages: Texts
    descriptions: Texts
    remediations: Texts
    check: Check
    source_path: str
    legal_refs: tuple[LegalRef, ...] = ()
    sources: tuple[Source, ...] = ()
    when: Condition | None = None
    valid_from: date | None = None
    valid_until: date | None = None
    severity_by_channel: Mapping[str, Severity] = field(default_factory=dict)
    fires: tuple[Example, ...] = ()
    passes: tuple[Example, ...] = ()
    overridden: bool = False

    @property
    def legal(self) -> tuple[str, ...]:
        """The legal references valid today."""
        return self.legal_on(date.today())

    def legal_on(self, day: date) -> tuple[str, ...]:
        """The legal references valid on `day` (e.g. TTDSG before, TDDDG after 2024-05-14)."""
        return tuple(ref.ref for ref in self.legal_refs if ref.valid_on(day))

    def applies_on(self, day: date) -> bool:
        """True when the rule is in force for an item published on `day`."""
        return (self.valid_from is None or day >= self.valid_from) and (
            self.valid_until is None or day <= self.valid_until)

    def severity_for(self, channels: tuple[str, ...]) -> Severity:
        """The highest per-channel severity of the item's channels, else the rule's severity."""
        if self.overridden or not self.severity_by_channel:
            return self.severity
        levels = [self.severity_by_channel[c] for c in channels if c in self.severity_by_channel]
        return max(levels) if levels else self.severity

    def title(self, lang: str = "de") -> str:
        """Short title."""
        return self.titles.get(lang)

    def message(self, lang: str = "de") -> str:
        """Message template of a finding."""
        return self.messages.get(lang)

    def remediation(self, lang: str = "de") -> str:
        """What to do about a finding."""
        return self.remediations.get(lang)

    def description(self, lang: str = "de") -> str:
        """Rationale for a legal reviewer."""
        return self.descriptions.get(lang)


@dataclass(frozen=True, slots=True)
class RuleSet:
    """The rules in force for a scan, in evaluation order, with a fingerprint of their files."""

    rules: tuple[Rule, ...]
    sha256: str
    lexicons: Mapping[str, Any] = field(default_factory=dict)
    by_id: Mapping[str, Rule] = field(default_factory=dict)
    #: How to evaluate the rules quickly (built by load_rules; without it rules run one by one).
    plan: Plan | None = None

    def get(self, rule_id: str) -> Rule | None:
        """The rule with this id, or None."""
        return self.by_id.get(rule_id)

    def __len__(self) -> int:
        return len(self.rules)
