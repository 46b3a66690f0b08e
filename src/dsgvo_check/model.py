"""The frozen records that flow through the pipeline: load -> detect -> evaluate -> report."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dsgvo_check.rules import RuleSet

CHANNELS = ("instagram", "facebook", "tiktok", "linkedin", "x", "youtube", "threads",
            "pinterest", "newsletter", "website", "other")
ENTITY_TYPES = ("PERSON", "EMAIL", "PHONE", "IBAN", "CREDIT_CARD", "ADDRESS", "DATE_OF_BIRTH",
                "NATIONAL_ID", "IP_ADDRESS", "LICENSE_PLATE")
CONSENT_SCOPES = ("name", "photo", "video", "voice", "testimonial", "health")


class Severity(enum.IntEnum):
    """Ordered severities, so that `--fail-on` is one comparison."""

    INFO = 0
    LOW = 1
    MEDIUM = 2
    HIGH = 3
    CRITICAL = 4

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: str) -> Severity:
        """Severity from its lower-case name; ValueError on anything else."""
        try:
            return cls[value.upper()]
        except KeyError:
            allowed = ", ".join(s.label for s in cls)
            raise ValueError(f"expected one of {allowed}, got {value!r}") from None


@dataclass(frozen=True, slots=True)
class TextField:
    """A published text of an item and where its first character stands in its file.

    `indent` is the column (0-based) at which continuation lines start: 0 for a
    Markdown body, the block indentation for a YAML block scalar.
    `anchored` fields (OCR text) are not in the file; they point at the image reference.
    """

    name: str
    text: str
    path: str
    line: int
    column: int
    indent: int = 0
    anchored: bool = False

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) in the file of the character at `offset` of the text.

        An anchored field (text read from an image) maps every offset to its anchor.
        """
        if self.anchored:
            return self.line, self.column
        before = self.text[:offset]
        newlines = before.count("\n")
        if newlines == 0:
            return self.line, self.column + offset
        return self.line + newlines, self.indent + offset - before.rfind("\n")


@dataclass(frozen=True, slots=True)
class ImageRef:
    """An image used by an item: `ref` as written, `path` as it is opened."""

    ref: str
    path: str
    line: int
    column: int
    alt: TextField | None = None
    people: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PersonRef:
    """A person the item declares (`people`), with the consent id it points at."""

    name: str
    consent: str | None
    line: int
    column: int


@dataclass(frozen=True, slots=True)
class Giveaway:
    """The `giveaway` block of a post or campaign; absent keys are None."""

    line: int
    organizer: str | None = None
    terms_url: str | None = None
    privacy_url: str | None = None
    ends_at: datetime | None = None
    min_age: int | None = None
    eligibility: str | None = None


@dataclass(frozen=True, slots=True)
class Targeting:
    """The `targeting` block of a campaign."""

    line: int
    custom_audience: str | None = None
    lookalike: bool = False
    legal_basis: str | None = None
    legal_basis_ref: str | None = None


@dataclass(frozen=True, slots=True)
class Item:
    """One post: a Markdown/text file, or one post of a campaign with inherited keys.

    `meta` holds the effective front matter (campaign keys merged in), for
    rules that test fields and values.
    """

    key: str
    path: str
    line: int
    column: int
    fields: tuple[TextField, ...]
    channels: tuple[str, ...] = ()
    publish_at: datetime | None = None
    images: tuple[ImageRef, ...] = ()
    people: tuple[PersonRef, ...] = ()
    giveaway: Giveaway | None = None
    minors: bool | None = None
    targeting: Targeting | None = None
    campaign: str | None = None
    meta: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Detection:
    """A piece of personal data found in a text field (what is there, not what is wrong)."""

    entity: str
    field: TextField
    start: int
    end: int
    text: str
    score: float
    detector: str
    reason: str = ""

    def position(self) -> tuple[int, int]:
        return self.field.position(self.start)


@dataclass(frozen=True, slots=True)
class FaceBox:
    x: int
    y: int
    width: int
    height: int
    score: float = 1.0


@dataclass(frozen=True, slots=True)
class ImageFacts:
    """What an image carries. `faces`/`ocr_text` are None where no detector/OCR ran."""

    path: str
    sha256: str
    width: int
    height: int
    format: str
    gps: tuple[float, float] | None = None
    metadata_people: tuple[tuple[str, str], ...] = ()
    serials: tuple[tuple[str, str], ...] = ()
    faces: tuple[FaceBox, ...] | None = None
    ocr_text: str | None = None
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Consent:
    id: str
    person: str
    line: int
    scope: tuple[str, ...] = ()
    channels: tuple[str, ...] = ()
    granted_at: date | None = None
    expires_at: date | None = None
    withdrawn_at: date | None = None
    minor: bool = False
    guardian: str | None = None


@dataclass(frozen=True, slots=True)
class ConsentRegister:
    path: str | None
    consents: Mapping[str, Consent] = field(default_factory=dict)

    def get(self, consent_id: str | None) -> Consent | None:
        return self.consents.get(consent_id) if consent_id else None


@dataclass(frozen=True, slots=True)
class Problem:
    """Content that could not be read; reported as a PARSE-ERROR finding."""

    path: str
    line: int
    column: int
    message: str


@dataclass(frozen=True, slots=True)
class Notice:
    """Something skipped or doubtful that is not a finding (binary file, unknown key)."""

    path: str
    line: int
    message: str


@dataclass(frozen=True, slots=True)
class Evidence:
    """Everything the scanners found for one item."""

    detections: tuple[Detection, ...] = ()
    images: Mapping[str, ImageFacts] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Finding:
    """The contract's finding, plus where it came from (item key, field, category)."""

    rule: str
    severity: Severity
    path: str
    line: int
    column: int
    message: str
    entity: str | None = None
    text: str | None = None
    legal: tuple[str, ...] = ()
    category: str = ""
    item: str | None = None
    field: str | None = None

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        return self.path, self.line, self.column, self.rule


@dataclass(frozen=True, slots=True)
class Suppressed:
    """A finding kept out of the verdict by an inline suppression or the baseline, and why.

    `source` says where the decision is recorded ("inline" or "baseline") with its file and
    line; `by`/`at` are who accepted it and when (baseline entries only).
    """

    finding: Finding
    reason: str
    source: str
    by: str = ""
    at: str = ""


@dataclass(frozen=True, slots=True)
class ScannedFile:
    path: str
    kind: str
    sha256: str


#: The kinds of scanned file that count as content (the JSON's `scanned.files`).
CONTENT_KINDS = frozenset({"post", "text", "yaml", "image"})


@dataclass(frozen=True, slots=True)
class Report:
    """The result of one scan, handed to a writer."""

    tool_version: str
    rules_sha256: str
    files: tuple[ScannedFile, ...]
    items: tuple[Item, ...]
    findings: tuple[Finding, ...]
    notices: tuple[Notice, ...] = ()
    images: Mapping[str, ImageFacts] = field(default_factory=dict)
    as_of: datetime | None = None
    lang: str = "de"
    ruleset: RuleSet | None = None
    root: str = "."
    config: Mapping[str, Any] = field(default_factory=dict)
    started_at: datetime | None = None
    duration_s: float = 0.0
    suppressed: tuple[Suppressed, ...] = ()

    @property
    def content_files(self) -> int:
        """Scanned posts, texts, campaigns and images (not the consent register or the config)."""
        return sum(f.kind in CONTENT_KINDS for f in self.files)
