"""YAML from untrusted files (front matter, rules, sources.yaml), parsed without surprises.

PyYAML's SafeLoader constructs no objects, but it still expands anchors and aliases: a
433-byte front matter of 8 levels of 10 aliases (``title: *h``) becomes 10^8 strings and
9 GB. This loader refuses aliases outright (no article or rules file needs them), refuses
nesting deeper than :data:`MAX_DEPTH` (a recursion bomb), optionally refuses duplicate keys
(in rules the later key would win silently), and leaves timestamps as the strings written
(kcheck parses dates itself). Callers bound the size of the text before parsing it.
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.composer import ComposerError
from yaml.constructor import ConstructorError

MAX_DEPTH = 64  # nested collections; the rules nest four deep, front matter two


class _Loader(yaml.SafeLoader):
    """SafeLoader without aliases, timestamps, deep nesting (and, if asked, duplicate keys)."""

    unique_keys = False

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise ComposerError(
                None, None, "aliases (*name) are not allowed: write the value out", event.start_mark
            )
        if self.check_event(yaml.SequenceStartEvent, yaml.MappingStartEvent):
            self._depth += 1
            try:
                if self._depth > MAX_DEPTH:
                    event = self.peek_event()  # type: ignore[no-untyped-call]
                    raise ComposerError(
                        None, None, f"nested more than {MAX_DEPTH} levels deep", event.start_mark
                    )
                return super().compose_node(parent, index)
            finally:
                self._depth -= 1
        return super().compose_node(parent, index)

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        if self.unique_keys and isinstance(node, yaml.MappingNode):
            seen: dict[Any, yaml.Node] = {}
            for key_node, _ in node.value:
                key = key_node.value if isinstance(key_node, yaml.ScalarNode) else id(key_node)
                if key in seen:
                    first = seen[key].start_mark.line + 1
                    raise ConstructorError(
                        None, None, f"duplicate key {key!r} (first at line {first})", key_node.start_mark
                    )
                seen[key] = key_node
        return super().construct_mapping(node, deep=deep)


_Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class _UniqueKeysLoader(_Loader):
    unique_keys = True


def _loader(unique_keys: bool) -> type[_Loader]:
    return _UniqueKeysLoader if unique_keys else _Loader


def compose(text: str, *, unique_keys: bool = False) -> yaml.Node | None:
    """The node tree (for line numbers); raises yaml.YAMLError."""
    loader = _loader(unique_keys)(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def construct(node: yaml.Node | None, *, unique_keys: bool = False) -> Any:
    """The Python value of a node tree from :func:`compose` (parsed once, not twice)."""
    if node is None:
        return None
    loader = _loader(unique_keys)("")
    try:
        return loader.construct_document(node)
    finally:
        loader.dispose()


def load(text: str, *, unique_keys: bool = False) -> Any:
    return construct(compose(text, unique_keys=unique_keys), unique_keys=unique_keys)
