"""Campaign YAML (`kind: campaign`): one Item per post, campaign keys inherited."""

from __future__ import annotations

import yaml

from dsgvo_check import yamlfile
from dsgvo_check.load.items import Layers, build_item
from dsgvo_check.load.values import Context, as_text, as_text_field, check_keys
from dsgvo_check.model import Item

CAMPAIGN_KEYS = frozenset({"kind", "name", "channels", "publish_at", "giveaway", "targeting", "posts",
                           "images", "people", "audience", "notes", "id", "title"})
CAMPAIGN_POST_KEYS = frozenset({"id", "publish_at", "text", "images", "people", "channels", "giveaway",
                                "audience", "title", "notes", "targeting"})


def is_campaign(node: yaml.Node | None) -> bool:
    """True for a YAML document with `kind: campaign`."""
    kind = yamlfile.get(node, "kind")
    return isinstance(kind, yaml.ScalarNode) and kind.value == "campaign"


def parse_campaign(ctx: Context, node: yaml.Node) -> list[Item]:
    """Every post of the campaign as an Item; a campaign without posts is one Item."""
    check_keys(ctx, node, CAMPAIGN_KEYS, "Kampagne")
    name = as_text(ctx, yamlfile.get(node, "name"), "name")
    posts_node = yamlfile.get(node, "posts")
    if posts_node is not None and not isinstance(posts_node, yaml.SequenceNode):
        ctx.notice(posts_node, "'posts' sollte eine Liste sein")
    posts = yamlfile.items(posts_node)
    if not posts:
        return [build_item(ctx, Layers(node), key=ctx.path, place=(1, 1), texts=[], campaign=name)]
    return [_post_item(ctx, node, post, index, name) for index, post in enumerate(posts)]


def _post_item(ctx: Context, campaign: yaml.Node, post: yaml.Node, index: int,
               name: str | None) -> Item:
    check_keys(ctx, post, CAMPAIGN_POST_KEYS, f"posts[{index}]")
    post_id = as_text(ctx, yamlfile.get(post, "id"), "posts[].id") or str(index + 1)
    prefix = f"posts[{index}]."
    text = as_text_field(ctx, yamlfile.get(post, "text"), f"{prefix}text")
    return build_item(ctx, Layers(post, campaign), key=f"{ctx.path}#{post_id}",
                      place=(ctx.line_of(post), ctx.column_of(post)),
                      texts=[text] if text else [], prefix=prefix, campaign=name)
