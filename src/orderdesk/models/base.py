"""Shared configuration of the documents the API answers with."""

from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict


def _none_as_empty(value: Any) -> Any:
    return "" if value is None else value


Text = Annotated[str, BeforeValidator(_none_as_empty)]
"""A string the server may send as null; shown as empty text then."""


class ApiDocument(BaseModel):
    """Base of every document read from the server.

    Reading is tolerant: fields the client does not know are kept (so a cached
    document round-trips unchanged) and never break parsing. Documents are
    frozen because views share them across threads and compare them.
    """

    model_config = ConfigDict(extra="allow", frozen=True)
