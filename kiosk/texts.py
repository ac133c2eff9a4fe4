"""Sentences built from a template, so that the Qt layer can translate them.

A core module (Qt-free) says what it has to say in Chinese. Where a sentence has values in it
(``金额不能超过{amount}元``), it is a :class:`Sentence`: a ``str`` equal to the Chinese sentence
that also remembers its template and values. The Qt layer (:func:`kiosk.ui.i18n.translated`)
translates the template first and puts the values in after, translating those that are
sentences themselves. Anywhere else a Sentence is just the Chinese text.

Qt-free.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

__all__ = ["Sentence"]


class Sentence(str):
    """``template.format(**values)``, remembering the template and the values.

    Args:
        template: a module-level constant of a core module (so that the translation tool finds
            it), with ``{name}`` placeholders.
        values: the values of the placeholders; ``str`` values (also sentences) are translated
            too, other values (numbers) are put in as they are.
    """

    template: str
    values: Mapping[str, object]

    def __new__(cls, template: str, /, **values: object) -> Sentence:
        self = super().__new__(cls, template.format(**values))
        self.template = template
        self.values = MappingProxyType(dict(values))
        return self
