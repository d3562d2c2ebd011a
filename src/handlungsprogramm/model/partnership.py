"""The two municipalities and their partnership."""

from __future__ import annotations

from pydantic import Field

from handlungsprogramm.model.base import Model
from handlungsprogramm.model.enums import MunicipalityKind, PartnershipKind, Side
from handlungsprogramm.model.types import CountryCode, Name, Year

__all__ = ["Municipality", "Partnership"]


class Municipality(Model):
    """A city, municipality or district taking part in the partnership."""

    name: Name
    """Official name, e.g. `Pfinztal` or `Commune de Kidira`."""
    country: CountryCode
    """ISO 3166-1 alpha-2 code, e.g. `DE`, `SN`."""
    kind: MunicipalityKind = MunicipalityKind.MUNICIPALITY
    """`city`, `town`, `municipality`, `district` (Landkreis), `town_council`,
    `municipal_council`, `district_municipality` or `metropolitan_municipality`;
    shown on the cover."""
    town: Name | None = None
    """The town where it sits, e.g. `Kidira` for `Commune de Kidira`; the place of
    signing on the signature page."""
    logo: str | None = Field(default=None, min_length=1)
    """Logo image, relative to the programme file."""


class Partnership(Model):
    """The German municipality and its partner."""

    german: Municipality
    """The German municipality."""
    partner: Municipality
    """The partner municipality in Africa, Latin America or Asia."""
    kind: PartnershipKind | None = None
    """Twinning or thematic partnership."""
    since: Year | None = None
    """Year the partnership began."""

    def municipality(self, side: Side) -> Municipality:
        """The municipality on `side`."""
        return self.german if side is Side.GERMAN else self.partner
