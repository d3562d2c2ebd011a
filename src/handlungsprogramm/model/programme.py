"""The programme: the single source of truth every later stage reads."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path as FsPath
from typing import Annotated, Self

from pydantic import Field, PrivateAttr, field_validator, model_validator
from pydantic_core import PydanticCustomError

from handlungsprogramm.location import Path, SourceMap
from handlungsprogramm.model.base import Model
from handlungsprogramm.model.baseline import Baselines
from handlungsprogramm.model.enums import Frequency, Side
from handlungsprogramm.model.measures import Measure
from handlungsprogramm.model.objectives import (
    FieldOfAction,
    OperationalObjective,
    StrategicObjective,
)
from handlungsprogramm.model.partnership import Partnership
from handlungsprogramm.model.publication import (
    Abbreviation,
    ExchangeRate,
    Funder,
    Publisher,
    Reference,
)
from handlungsprogramm.model.translation import TranslationRecord
from handlungsprogramm.model.types import Date, LanguageCode, Text, YearMonth

__all__ = [
    "FIRST_SCHEMA_VERSION",
    "LABEL_LANGUAGES",
    "SCHEMA_VERSION",
    "CouncilAdoption",
    "Monitoring",
    "Outlook",
    "Period",
    "Programme",
    "Signatory",
]

SCHEMA_VERSION = 1
"""The input format this version of the library writes and reads (`schema_version:`).

Raise it only for an incompatible change, together with a migration step from the
previous format in :mod:`handlungsprogramm.migrate`. Code that must see a raised value
(the loader, ``migrate``, tests that pretend a newer format) reads it from this module
at call time."""

FIRST_SCHEMA_VERSION = 1
"""The format of a file without `schema_version:`: the first one, from before the key."""

LABEL_LANGUAGES = ("de", "en", "fr", "es", "pt")
"""Languages the document labels exist in; content may be in any ISO 639-1 language."""


class Period(Model):
    """The period the programme covers."""

    start: YearMonth
    """First month, `YYYY-MM`."""
    end: YearMonth
    """Last month, `YYYY-MM`."""

    @model_validator(mode="after")
    def _end_after_start(self) -> Self:
        if self.end < self.start:
            raise PydanticCustomError(
                "end_before_start",
                "the end {end} lies before the start {start}",
                {"start": str(self.start), "end": str(self.end)},
            )
        return self

    def __contains__(self, month: object) -> bool:
        return isinstance(month, YearMonth) and self.start <= month <= self.end


class Monitoring(Model):
    """How progress is reviewed."""

    responsible: Text | None = None
    """Who reviews progress (e.g. the joint steering group)."""
    frequency: Frequency | None = None
    """How often."""
    method: Text | None = None
    """How: reports, indicator surveys, joint workshops."""


class Outlook(Model):
    """What comes after adoption."""

    financing: Text | None = None
    """How implementation will be financed."""
    next_steps: Text | None = None
    """The next steps."""


class CouncilAdoption(Model):
    """A council's resolution adopting the programme."""

    side: Side
    """Which municipality's council."""
    body: Text | str
    """The adopting body, e.g. the municipal council."""
    date: Date | None = None
    """Date of the resolution."""
    reference: str | None = None
    """Reference number of the resolution."""


class Signatory(Model):
    """A person who signs the programme (fictional in examples)."""

    side: Side
    """Which municipality the person signs for."""
    name: str = Field(max_length=200)
    """Full name; empty until known."""
    function: Text
    """Function, e.g. mayor."""
    place: str | None = Field(default=None, max_length=200)
    """Place of signing, printed on the signature page; defaults to the municipality's
    `town`, else its name."""


class Signing(Model):
    """How the programme is signed: the closing clause of the signature page."""

    originals: int = Field(default=2, ge=1, le=10, strict=True)
    """Number of originals signed, each in both languages, both equally authentic;
    `2` (one for each municipality) when left out, at most `10`."""


Languages = Annotated[list[LanguageCode], Field(min_length=2, max_length=2)]


class Programme(Model):
    """A joint programme of action of a municipal climate partnership."""

    schema_version: int = Field(default=FIRST_SCHEMA_VERSION, ge=1, strict=True)
    """Version of the input format the file is written in; `1` when left out. A file
    of a newer version is refused with a message to update handlungsprogramm; one of an
    older version with a message to run `handlungsprogramm migrate`."""
    title: Text
    """Title in both languages."""
    subtitle: Text | None = None
    """Optional subtitle."""
    version: str = Field(default="1.0", min_length=1, max_length=40)
    """Version of this text, e.g. `1.0` or `2025-draft-3`."""
    date: Date | None = None
    """Date of this version."""
    languages: Languages
    """`[de, <partner language>]`: German first, then the partner's working language."""
    period: Period
    """Period the programme covers."""
    partnership: Partnership
    """The two municipalities."""
    vision: Text | None = None
    """The joint vision (Markdown allowed)."""
    preamble: Text | None = None
    """Foreword / preamble (Markdown allowed)."""
    background: Text | None = None
    """Background and organisation of the partnership (Markdown allowed)."""
    baseline: Baselines = Baselines()
    """Baseline (Bestandsaufnahme) of each municipality."""
    fields_of_action: list[FieldOfAction] = []
    """Fields of action with their objectives."""
    measures: list[Measure] = []
    """Measures."""
    monitoring: Monitoring | None = None
    """Monitoring and evaluation."""
    outlook: Outlook | None = None
    """Financing and next steps."""
    adoptions: list[CouncilAdoption] = []
    """Council resolutions adopting the programme."""
    signatories: list[Signatory] = []
    """The persons who sign: at least one per municipality (e.g. mayor and town clerk)."""
    signing: Signing = Signing()
    """How it is signed, e.g. `{originals: 3}`; two originals when left out."""
    abbreviations: list[Abbreviation] = []
    """Abbreviations used in the texts, listed in the document with their expansion."""
    references: list[Reference] = []
    """SDGs, national strategies and plans that measures and objectives refer to."""
    publisher: Publisher | None = None
    """Who publishes the document (imprint)."""
    funders: list[Funder] = []
    """Funders of the partnership's work, with their notice and logo (title page)."""
    exchange_rates: list[ExchangeRate] = []
    """Rates to show EUR equivalents next to amounts in other currencies."""
    translated_from: list[TranslationRecord] = []
    """Which translation was made from which German text (a fingerprint of each), written
    by `handlungsprogramm import` and `translations confirm`; not part of the content."""

    _source: SourceMap | None = PrivateAttr(default=None)
    _base_dir: FsPath | None = PrivateAttr(default=None)

    @field_validator("languages")
    @classmethod
    def _german_first(cls, value: list[str]) -> list[str]:
        if value[0] != "de" or value[1] == "de":
            raise PydanticCustomError(
                "languages_pair",
                "languages must be German first, then the partner's language, e.g. [de, fr];"
                " got {value}",
                {"value": "[" + ", ".join(value) + "]"},
            )
        return value

    @field_validator("schema_version")
    @classmethod
    def _known_version(cls, value: int) -> int:
        if value > SCHEMA_VERSION:
            raise PydanticCustomError(
                "schema_too_new",
                "the file is written for input format {value}; this handlungsprogramm"
                " knows the formats up to {known} only: update handlungsprogramm",
                {"value": value, "known": SCHEMA_VERSION},
            )
        return value

    @field_validator("exchange_rates")
    @classmethod
    def _one_rate_per_currency(cls, value: list[ExchangeRate]) -> list[ExchangeRate]:
        """A second rate for a currency would be ignored; a rate for the euro means nothing."""
        seen: set[str] = set()
        for rate in value:
            if rate.currency == "EUR":
                raise PydanticCustomError(
                    "rate_for_euro",
                    "a rate is given for EUR itself; rates say how many units of another"
                    " currency one euro buys",
                    {},
                )
            if rate.currency in seen:
                raise PydanticCustomError(
                    "currency_twice",
                    "{currency} is given twice; give it once",
                    {"currency": rate.currency},
                )
            seen.add(rate.currency)
        return value

    @field_validator("translated_from")
    @classmethod
    def _one_record_per_text(cls, value: list[TranslationRecord]) -> list[TranslationRecord]:
        """Two fingerprints for one text would leave open which translation is current."""
        seen: set[str] = set()
        for record in value:
            if record.text in seen:
                raise PydanticCustomError(
                    "text_recorded_twice",
                    "the text {text} is recorded twice; keep one entry",
                    {"text": record.text},
                )
            seen.add(record.text)
        return value

    @property
    def partner_language(self) -> str:
        """The partner's working language, e.g. `fr`."""
        return self.languages[1]

    @property
    def source(self) -> SourceMap | None:
        """Positions of the file the programme was loaded from, if any."""
        return self._source

    @property
    def base_dir(self) -> FsPath | None:
        """Folder that relative paths (logos) are resolved against."""
        return self._base_dir

    def attach_source(self, source: SourceMap | None, base_dir: FsPath | None) -> None:
        """Record where the programme was read from (done by the loader)."""
        self._source = source
        self._base_dir = base_dir

    # -- navigation ------------------------------------------------------------------

    def iter_strategic(self) -> Iterator[tuple[Path, FieldOfAction, StrategicObjective]]:
        """Every strategic objective with its field path and field of action."""
        for fi, field in enumerate(self.fields_of_action):
            for si, strategic in enumerate(field.strategic_objectives):
                yield ("fields_of_action", fi, "strategic_objectives", si), field, strategic

    def iter_operational(
        self,
    ) -> Iterator[tuple[Path, FieldOfAction, StrategicObjective, OperationalObjective]]:
        """Every operational objective with its field path and parents."""
        for path, field, strategic in self.iter_strategic():
            for oi, operational in enumerate(strategic.operational_objectives):
                yield (*path, "operational_objectives", oi), field, strategic, operational

    def iter_measures(self) -> Iterator[tuple[Path, Measure]]:
        """Every measure with its field path."""
        for mi, measure in enumerate(self.measures):
            yield ("measures", mi), measure

    def field_of_action(self, code: str) -> FieldOfAction | None:
        """The field of action with `code`, if any."""
        return next((f for f in self.fields_of_action if f.code == code), None)

    def operational_objective(self, code: str) -> OperationalObjective | None:
        """The operational objective with `code`, if any."""
        return next((o for _, _, _, o in self.iter_operational() if o.code == code), None)

    def signatory(self, side: Side) -> Signatory | None:
        """The first signatory for `side`, if any."""
        return next((s for s in self.signatories if s.side is side), None)

    def signatories_of(self, side: Side) -> list[Signatory]:
        """Every signatory for `side`, in the order given."""
        return [s for s in self.signatories if s.side is side]

    def place_of_signing(self, signatory: Signatory | None, side: Side) -> str:
        """Where `signatory` signs: their `place`, else the town, else the municipality."""
        if signatory is not None and signatory.place:
            return signatory.place
        municipality = self.partnership.municipality(side)
        return municipality.town or municipality.name

    def exchange_rate(self, currency: str) -> ExchangeRate | None:
        """The rate given for `currency`, if any."""
        return next((r for r in self.exchange_rates if r.currency == currency), None)

    def reference(self, code: str) -> Reference | None:
        """The reference with `code`, if any."""
        return next((r for r in self.references if r.code == code), None)
