"""YAML from untrusted files (front matter, rules, sources.yaml), parsed without surprises.

PyYAML's SafeLoader constructs no objects, but it still expands anchors and aliases: a
433-byte front matter of 8 levels of 10 aliases (``title: *h``) becomes 10^8 strings and
9 GB. This loader refuses aliases outright (no article or rules file needs them), refuses
nesting deeper than :data:`MAX_DEPTH` (a recursion bomb), optionally refuses duplicate keys
(in rules the later key would win silently), and leaves timestamps as the strings written
(kcheck parses dates itself). Callers bound the size of the text before parsing it.

Where PyYAML was built with libyaml, its C scanner and parser produce the events (several
times faster than the pure-Python ones) and this module's composer, the one place that
resolves aliases and nests collections, still builds the nodes: the refusals above hold
for both (``tests/test_safeyaml.py`` runs every refusal through each). Line numbers come
from the events' marks either way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import yaml
from yaml.composer import Composer, ComposerError
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import Resolver
from yaml.scanner import Scanner

MAX_DEPTH = 64  # nested collections; the rules nest four deep, front matter two


class _Refusals(Composer, SafeConstructor, Resolver):
    """The composer and constructor of a SafeLoader without aliases, timestamps, deep
    nesting (and, if asked, duplicate keys); a parser comes first in each loader below."""

    unique_keys = False
    _depth = 0

    if TYPE_CHECKING:  # given by the parser each loader puts first

        def check_event(self, *choices: Any) -> bool: ...

        def peek_event(self) -> Any: ...

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise ComposerError(
                None, None, "aliases (*name) are not allowed: write the value out", event.start_mark
            )
        if self.check_event(yaml.SequenceStartEvent, yaml.MappingStartEvent):
            self._depth += 1
            try:
                if self._depth > MAX_DEPTH:
                    event = self.peek_event()
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


_Refusals.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class _PyLoader(Reader, Scanner, Parser, _Refusals):
    """The pure-Python scanner and parser (PyYAML without libyaml)."""

    def __init__(self, stream: str) -> None:
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)
        Composer.__init__(self)
        SafeConstructor.__init__(self)
        Resolver.__init__(self)


_Loader: type[_PyLoader] = _PyLoader
if yaml.__with_libyaml__:
    from yaml.cyaml import CParser  # type: ignore[attr-defined]

    # _Refusals first: its composer (Python) is used, not CParser's own (C, which would
    # expand aliases); CParser gives the events

    class _CLoader(_Refusals, CParser):
        """libyaml's scanner and parser under this module's composer."""

        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            Composer.__init__(self)
            SafeConstructor.__init__(self)
            Resolver.__init__(self)

    _Loader = _CLoader  # type: ignore[assignment]


def _loader(text: str, unique_keys: bool, kind: type[_PyLoader] | None = None) -> _PyLoader:
    loader = (kind or _Loader)(text)
    loader.unique_keys = unique_keys
    return loader


def compose(text: str, *, unique_keys: bool = False) -> yaml.Node | None:
    """The node tree (for line numbers); raises yaml.YAMLError, always the pure-Python
    parser's (libyaml words its errors differently: a report must not depend on it)."""
    loader = _loader(text, unique_keys)
    try:
        return loader.get_single_node()
    except yaml.YAMLError:
        if type(loader) is _PyLoader:
            raise
    finally:
        loader.dispose()
    again = _loader(text, unique_keys, _PyLoader)
    try:
        return again.get_single_node()
    finally:
        again.dispose()


def construct(node: yaml.Node | None, *, unique_keys: bool = False) -> Any:
    """The Python value of a node tree from :func:`compose` (parsed once, not twice)."""
    if node is None:
        return None
    loader = _loader("", unique_keys)
    try:
        return loader.construct_document(node)
    finally:
        loader.dispose()


def load(text: str, *, unique_keys: bool = False) -> Any:
    return construct(compose(text, unique_keys=unique_keys), unique_keys=unique_keys)
