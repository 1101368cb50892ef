# ruff: noqa: E501  (legal sentences stay on one line each, so translators see them whole)
""" "Know your rights": the sections of the workers' page and the figures they show.

Figures come from the data of the work-time calendar (`wegweiser.worktime.wages`): the minimum wage
of today and the next announced change are read from the same file the calendar computes with, so
changing that file changes both. Legal statements carry their source (`law`) and the page shows
an "as of" date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext

from wegweiser.worktime import wages

AS_OF = dt.date(2026, 11, 30)
LIMITATION_YEARS = 3  # § 195 BGB, counted from the end of the year the claim arose (§ 199 BGB)

# Nationwide non-state counselling, shown when a municipality lists no counselling service of its
# own. Never a public body (DESIGN §6b'): both are run by non-state organisations.
NATIONWIDE_FALLBACK = [
    {
        "name": "Faire Mobilität",
        "website": "https://www.faire-mobilitaet.de/",
        "for": gettext_lazy("for workers from EU countries"),
    },
    {
        "name": "Faire Integration",
        "website": "https://www.faire-integration.de/",
        "for": gettext_lazy("for workers from countries outside the EU"),
    },
]


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    paragraphs: tuple[str, ...]
    law: str


def euros(cents: int) -> str:
    return formats.number_format(cents / 100, decimal_pos=2, use_l10n=True)


def wage_facts(today: dt.date | None = None) -> dict:
    """This year's minimum wage and the next announced change, from the calendar's data."""
    today = today or dt.date.today()
    current_from, current_cents = None, 0
    upcoming = None
    for valid_from, cents in wages.rates():
        start = dt.date.fromisoformat(valid_from)
        if start <= today:
            current_from, current_cents = start, cents
        elif upcoming is None:
            upcoming = (start, cents)
    return {
        "rate": euros(current_cents),
        "since": formats.date_format(current_from, "SHORT_DATE_FORMAT") if current_from else "",
        "next_rate": euros(upcoming[1]) if upcoming else "",
        "next_date": formats.date_format(upcoming[0], "SHORT_DATE_FORMAT") if upcoming else "",
        "cents": current_cents,
    }


def deadline_facts(today: dt.date | None = None) -> dict:
    today = today or dt.date.today()
    year = today.year - 1
    return {"year": year, "limit": f"31.12.{year + LIMITATION_YEARS}"}


def sections(today: dt.date | None = None) -> list[Section]:
    wage = wage_facts(today)
    deadline = deadline_facts(today)
    next_change = (
        _("From %(date)s it rises to %(rate)s euros.")
        % {"date": wage["next_date"], "rate": wage["next_rate"]}
        if wage["next_rate"]
        else ""
    )
    return [
        Section(
            "minimum-wage",
            pgettext("rights section", "Minimum wage"),
            (
                _(
                    "The statutory minimum wage is %(rate)s euros gross for every hour you work (since %(since)s)."
                )
                % wage,
                next_change,
                _(
                    "It applies to almost every employee in Germany: whatever your nationality, in a mini-job, in seasonal work and also when your work was not registered. If you are paid per piece or per task, your pay must still reach the minimum wage for each hour."
                ),
                _(
                    "Write down every day when you started, when you stopped and your breaks. Your own notes help you prove your hours."
                ),
            ),
            "§§ 1, 20 MiLoG",
        ),
        Section(
            "working-time",
            pgettext("rights section", "Working time and rest"),
            (
                _(
                    "A working day has at most 8 hours. It may be up to 10 hours only if, over six months, you work no more than 8 hours a day on average – that is 48 hours a week on average."
                ),
                _(
                    "As a rule, between the end of one working day and the start of the next you must have at least 11 hours of rest."
                ),
                _(
                    "If you work more than 6 hours, you get a break of at least 30 minutes; more than 9 hours, at least 45 minutes. Breaks do not count as working time."
                ),
            ),
            "§§ 3, 4, 5 ArbZG",
        ),
        Section(
            "pay-slip",
            pgettext("rights section", "Pay slip and written terms"),
            (
                _(
                    "When you are paid, you must receive a pay slip, on paper or electronically. It shows the period, how your pay is made up, every deduction and the amount paid out."
                ),
                _(
                    "Your employer must give you your main working conditions in writing: pay, working hours, place of work, tasks and start date. The most important of them are due on your first working day."
                ),
                _(
                    "Never sign a blank sheet or a paper you do not understand. Keep pay slips, contracts and messages from your employer, or take photos of them."
                ),
            ),
            "§ 108 GewO; §§ 2, 3 NachwG",
        ),
        Section(
            "deadlines",
            pgettext("rights section", "Wages due and deadlines"),
            (
                _(
                    "The minimum wage must be paid at the latest by the end of the month after the month in which you worked."
                ),
                _(
                    "A contract or collective agreement may say that you must claim unpaid wages within a short time, often three months. Claim in writing early. Such a deadline can never take away your minimum wage."
                ),
                _(
                    "Wage claims – the minimum wage too – expire three years after the end of the year in which they became due: wages from %(year)s can be claimed until %(limit)s."
                )
                % deadline,
            ),
            "§§ 2, 3 MiLoG; §§ 195, 199 BGB",
        ),
        Section(
            "deductions",
            pgettext("rights section", "Deductions for housing and transport"),
            (
                _(
                    "Money for a bed, for the trip to work, for tools or for work clothes may only be taken from your pay if you agreed to it, and the amount must be fair."
                ),
                _(
                    "Protective clothing and equipment that your safety requires are paid by the employer. Your employer may not keep so much of your pay that you are left with less than the part protected by law."
                ),
                _(
                    "Ask for a receipt for every payment and every deduction. A counselling service can check whether a deduction is allowed."
                ),
            ),
            "§ 107 GewO; § 394 BGB; § 3 ArbSchG",
        ),
        Section(
            "sick-pay",
            pgettext("rights section", "Sick pay and accidents at work"),
            (
                _(
                    "If you are ill, tell your employer at once. After four weeks in the job, your employer continues to pay your wage for up to six weeks of illness."
                ),
                _(
                    "Every employee is insured against accidents at work and on the way to work – also when the employer did not register the work. The insurance pays the treatment and, if needed, a pension; you pay nothing for it. Tell the doctor that it was an accident at work."
                ),
            ),
            "§§ 3, 5 EntgFG; §§ 2, 8 SGB VII",
        ),
        Section(
            "contractor-liability",
            pgettext("rights section", "When your employer disappears: the main contractor pays"),
            (
                _(
                    "Many workers are employed by a subcontractor. If your employer does not pay the minimum wage or the sector minimum wage, the company that gave it the work is liable for it. You can claim your net wage from that company."
                ),
                _(
                    "Write down the names of all companies on the site, the address of the site and who gave you instructions."
                ),
            ),
            "§ 13 MiLoG; § 14 AEntG",
        ),
        Section(
            "sector-wages",
            pgettext("rights section", "Sector minimum wages"),
            (
                _(
                    "In some sectors a higher minimum wage applies, for example in care work, in some construction trades and in temporary agency work. It also applies to workers sent to Germany by a company from abroad."
                ),
                _("Ask a counselling service which minimum wage applies to your work."),
            ),
            "AEntG; § 3a AÜG",
        ),
        Section(
            "self-employment",
            pgettext("rights section", "Bogus self-employment"),
            (
                _(
                    "If you work under instructions, at fixed times, for one client and like the other staff, you are probably an employee – even if your contract says you are self-employed."
                ),
                _(
                    "Employees have the right to the minimum wage, paid holidays, sick pay and social insurance. The German pension insurance can decide your status on request. Do not register a business that you do not understand."
                ),
            ),
            "§ 611a BGB; § 7a SGB IV",
        ),
        Section(
            "counselling",
            pgettext("rights section", "What counselling services do"),
            (
                _(
                    "Counselling services are free and confidential. You can ask for advice without giving your name."
                ),
                _(
                    "Non-state counselling services are not authorities. They do not have to report you to the immigration office and pass on nothing without your consent."
                ),
                _(
                    "They explain your rights in your language, calculate what you are owed, write to your employer, go with you to offices or to the labour court and help you find a safe place to stay."
                ),
            ),
            "§ 23a AEntG; § 45b AufenthG",
        ),
        Section(
            "victims",
            pgettext("rights section", "Your rights if you were forced or deceived"),
            (
                _(
                    "If you were deceived, threatened or forced to work, you may be the victim of a crime. You are not the one who has done wrong."
                ),
                _(
                    "If you are not an EU citizen, you can get a reflection period of at least three months. During this time you may stay in Germany and receive support, and you decide in peace whether you want to speak to the police."
                ),
                _(
                    "Victims can have a free lawyer in the criminal trial, can claim their unpaid wages and can receive compensation. A specialised counselling service explains this to you before you talk to any authority."
                ),
            ),
            "§ 59 (7), § 25 (4a) AufenthG; § 395 StPO",
        ),
    ]
