"""The national and European documents local measures can refer to (domain-facts §10).

References name a plan and one of its fields (or an article of the directive), never a measure
number: the national plans' own numbering is not reproduced here. Update by a new data migration.
"""

import datetime

NAP_MH = (
    "https://bmfsfj.de/bmfsfj/service/publikationen/nationaler-aktionsplan-zur-praevention-und-"
    "bekaempfung-des-menschenhandels-und-zum-schutz-der-betroffenen-252150"
)
NAP_AZ = (
    "https://www.bmas.de/DE/Europa-und-die-Welt/International/"
    "menschenhandel-arbeitsausbeutung-bekaempfen.html"
)
EU_2024_1712 = "https://eur-lex.europa.eu/legal-content/de/AUTO/?uri=CELEX%3A32024L1712"
NAP_MH_DATE = datetime.date(2024, 12, 11)

REFERENCES = [
    # key, short title, title, source, as of
    (
        "nap-mh-prevention",
        "NAP Menschenhandel: Prävention",
        "Nationaler Aktionsplan zur Prävention und Bekämpfung des Menschenhandels und zum Schutz "
        "der Betroffenen (Bundeskabinett, 11.12.2024), Handlungsfeld Prävention",
        NAP_MH,
        NAP_MH_DATE,
    ),
    (
        "nap-mh-protection",
        "NAP Menschenhandel: Schutz, Unterstützung, Entschädigung",
        "Nationaler Aktionsplan zur Prävention und Bekämpfung des Menschenhandels und zum Schutz "
        "der Betroffenen (Bundeskabinett, 11.12.2024), Handlungsfeld Schutz, Unterstützung und "
        "Entschädigung der Betroffenen",
        NAP_MH,
        NAP_MH_DATE,
    ),
    (
        "nap-mh-prosecution",
        "NAP Menschenhandel: Strafverfolgung",
        "Nationaler Aktionsplan zur Prävention und Bekämpfung des Menschenhandels und zum Schutz "
        "der Betroffenen (Bundeskabinett, 11.12.2024), Handlungsfeld Strafverfolgung",
        NAP_MH,
        NAP_MH_DATE,
    ),
    (
        "nap-mh-cooperation",
        "NAP Menschenhandel: Kooperation",
        "Nationaler Aktionsplan zur Prävention und Bekämpfung des Menschenhandels und zum Schutz "
        "der Betroffenen (Bundeskabinett, 11.12.2024), Handlungsfeld Kooperation (national, "
        "europäisch, international)",
        NAP_MH,
        NAP_MH_DATE,
    ),
    (
        "nap-az",
        "NAP Arbeitsausbeutung und Zwangsarbeit",
        "Nationaler Aktionsplan gegen Arbeitsausbeutung und Zwangsarbeit (12.02.2025), u. a. "
        "niedrigschwellige Beratung und Information für mobile Beschäftigte",
        NAP_AZ,
        datetime.date(2025, 2, 12),
    ),
    (
        "eu-2024-1712-art19a",
        "RL (EU) 2024/1712, Art. 19a (Statistik)",
        "Richtlinie (EU) 2024/1712 vom 13.06.2024, Art. 19a: System anonymisierter statistischer "
        "Daten zum Menschenhandel",
        EU_2024_1712,
        datetime.date(2024, 6, 13),
    ),
    (
        "eu-2024-1712-art19b",
        "RL (EU) 2024/1712, Art. 19b (Aktionspläne)",
        "Richtlinie (EU) 2024/1712 vom 13.06.2024, Art. 19b: nationale Aktionspläne",
        EU_2024_1712,
        datetime.date(2024, 6, 13),
    ),
]


def load(apps=None) -> None:
    """Create or update the references (from a data migration with its historical `apps`)."""
    from .models import NationalReference

    model = NationalReference if apps is None else apps.get_model("plans", "NationalReference")
    for order, (key, short_title, title, source_url, as_of) in enumerate(REFERENCES):
        model.objects.update_or_create(
            key=key,
            defaults={
                "short_title": short_title,
                "title": title,
                "source_url": source_url,
                "as_of": as_of,
                "order": order,
            },
        )
