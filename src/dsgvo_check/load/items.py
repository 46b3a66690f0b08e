"""Build an Item from front-matter nodes: images, people, giveaway, targeting, audience."""

from __future__ import annotations

from collections.abc import Sequence

import yaml

from dsgvo_check import yamlfile
from dsgvo_check.load.values import (
    Context,
    as_bool,
    as_channels,
    as_datetime,
    as_int,
    as_text,
    as_text_field,
    check_keys,
    resolve,
)
from dsgvo_check.model import Giveaway, ImageRef, Item, PersonRef, Targeting, TextField

IMAGE_KEYS = frozenset({"path", "alt", "people"})
PERSON_KEYS = frozenset({"name", "consent"})
GIVEAWAY_KEYS = frozenset({"organizer", "terms_url", "privacy_url", "ends_at", "min_age", "eligibility"})
TARGETING_KEYS = frozenset({"custom_audience", "lookalike", "legal_basis", "legal_basis_ref"})
AUDIENCE_KEYS = frozenset({"minors"})


class Layers:
    """Looks a key up in the post's mapping first, then in its campaign's (inheritance)."""

    def __init__(self, *nodes: yaml.Node | None) -> None:
        self.nodes = [node for node in nodes if node is not None]

    def entry(self, key: str) -> tuple[yaml.Node, yaml.Node] | None:
        for node in self.nodes:
            found = yamlfile.entry(node, key)
            if found is not None:
                return found
        return None

    def get(self, key: str) -> yaml.Node | None:
        found = self.entry(key)
        return found[1] if found else None


def read_images(ctx: Context, node: yaml.Node | None, prefix: str) -> tuple[ImageRef, ...]:
    """`images:` in short (a path) or long form (path, alt, people)."""
    refs: list[ImageRef] = []
    for index, entry in enumerate(yamlfile.items(node)):
        path_node = yamlfile.get(entry, "path") if isinstance(entry, yaml.MappingNode) else entry
        ref = as_text(ctx, path_node, "images[].path")
        if not ref:
            ctx.notice(entry, "Bildeintrag ohne 'path'")
            continue
        check_keys(ctx, entry, IMAGE_KEYS, "images[]")
        alt = as_text_field(ctx, yamlfile.get(entry, "alt"), f"{prefix}images[{index}].alt")
        people = tuple(name for name in (_person_name(ctx, p) for p in
                                         yamlfile.items(yamlfile.get(entry, "people"))) if name)
        refs.append(ImageRef(ref, resolve(ctx, ref), ctx.line_of(path_node or entry),
                             ctx.column_of(path_node or entry), alt, people))
    if node is not None and not isinstance(node, yaml.SequenceNode):
        ctx.notice(node, "'images' sollte eine Liste sein")
    return tuple(refs)


def _person_name(ctx: Context, node: yaml.Node) -> str | None:
    name_node = yamlfile.get(node, "name") if isinstance(node, yaml.MappingNode) else node
    return as_text(ctx, name_node, "people[].name")


def read_people(ctx: Context, node: yaml.Node | None) -> tuple[PersonRef, ...]:
    """`people:` as names or mappings with name and consent id."""
    people: list[PersonRef] = []
    for entry in yamlfile.items(node):
        name = _person_name(ctx, entry)
        if not name:
            ctx.notice(entry, "Personeneintrag ohne 'name'")
            continue
        check_keys(ctx, entry, PERSON_KEYS, "people[]")
        consent = as_text(ctx, yamlfile.get(entry, "consent"), "people[].consent")
        people.append(PersonRef(name, consent, ctx.line_of(entry), ctx.column_of(entry)))
    return tuple(people)


def read_giveaway(ctx: Context, found: tuple[yaml.Node, yaml.Node] | None) -> Giveaway | None:
    """The `giveaway` block, positioned at its key; None when absent or false."""
    if found is None or not ctx.value(found[1]):
        return None
    key_node, node = found
    check_keys(ctx, node, GIVEAWAY_KEYS, "giveaway")
    return Giveaway(
        line=ctx.line_of(key_node),
        organizer=as_text(ctx, yamlfile.get(node, "organizer"), "giveaway.organizer"),
        terms_url=as_text(ctx, yamlfile.get(node, "terms_url"), "giveaway.terms_url"),
        privacy_url=as_text(ctx, yamlfile.get(node, "privacy_url"), "giveaway.privacy_url"),
        ends_at=as_datetime(ctx, yamlfile.get(node, "ends_at"), "giveaway.ends_at"),
        min_age=as_int(ctx, yamlfile.get(node, "min_age"), "giveaway.min_age"),
        eligibility=as_text(ctx, yamlfile.get(node, "eligibility"), "giveaway.eligibility"),
    )


def read_targeting(ctx: Context, found: tuple[yaml.Node, yaml.Node] | None) -> Targeting | None:
    """The `targeting` block, positioned at its key; None when absent or false."""
    if found is None or not ctx.value(found[1]):
        return None
    key_node, node = found
    check_keys(ctx, node, TARGETING_KEYS, "targeting")
    return Targeting(
        line=ctx.line_of(key_node),
        custom_audience=as_text(ctx, yamlfile.get(node, "custom_audience"), "targeting.custom_audience"),
        lookalike=bool(as_bool(ctx, yamlfile.get(node, "lookalike"), "targeting.lookalike")),
        legal_basis=as_text(ctx, yamlfile.get(node, "legal_basis"), "targeting.legal_basis"),
        legal_basis_ref=as_text(ctx, yamlfile.get(node, "legal_basis_ref"), "targeting.legal_basis_ref"),
    )


def build_item(ctx: Context, layers: Layers, *, key: str, place: tuple[int, int],
               texts: Sequence[TextField], prefix: str = "", campaign: str | None = None) -> Item:
    """One Item from the (possibly inherited) keys; alt texts join the published texts."""
    images = read_images(ctx, layers.get("images"), prefix)
    audience = layers.get("audience")
    check_keys(ctx, audience, AUDIENCE_KEYS, "audience")
    meta = {}
    for node in reversed(layers.nodes):
        value = ctx.value(node)
        if isinstance(value, dict):
            meta.update(value)
    meta.pop("posts", None)
    return Item(
        key=key, path=ctx.path, line=place[0], column=place[1],
        fields=(*texts, *(image.alt for image in images if image.alt is not None)),
        channels=as_channels(ctx, layers.get("channels")),
        publish_at=as_datetime(ctx, layers.get("publish_at"), "publish_at"),
        images=images, people=read_people(ctx, layers.get("people")),
        giveaway=read_giveaway(ctx, layers.entry("giveaway")),
        minors=as_bool(ctx, yamlfile.get(audience, "minors"), "audience.minors"),
        targeting=read_targeting(ctx, layers.entry("targeting")),
        campaign=campaign, meta=meta,
    )
