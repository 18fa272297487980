"""A small HTML reader for asserting on the output contract (stdlib only)."""

from __future__ import annotations

from html.parser import HTMLParser

VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}


class Page(HTMLParser):
    """Paragraph texts grouped by their nearest `data-topic`, plus every element's attributes."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None]] = []
        self.topics: dict[str, list[str]] = {}
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self._paragraph: list[str] | None = None
        self._topic: str | None = None
        self.text_parts: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.elements.append((tag, attributes))
        if tag in VOID:
            return
        topic = attributes.get("data-topic")
        self.stack.append((tag, topic))
        if tag == "p":
            self._paragraph = []
            self._topic = next((t for _, t in reversed(self.stack) if t), None)

    def handle_endtag(self, tag: str) -> None:
        if tag == "p" and self._paragraph is not None:
            if self._topic:
                self.topics.setdefault(self._topic, []).append("".join(self._paragraph).strip())
            self._paragraph = None
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        self.text_parts.append(data)
        if self._paragraph is not None:
            self._paragraph.append(data)

    @property
    def text(self) -> str:
        return "".join(self.text_parts)

    def find(self, tag: str, **attrs: str) -> list[dict[str, str | None]]:
        """Elements of `tag` having the given attribute values (`class_` for class)."""
        wanted = {k.rstrip("_").replace("_", "-"): v for k, v in attrs.items()}
        return [
            a
            for t, a in self.elements
            if t == tag and all(a.get(k) == v for k, v in wanted.items())
        ]
