"""The course "Who does what in our network", generated from a municipality's published guidebook.

Nothing of it is authored by hand: every actor's mandate (what it can do, what it cannot do, its
legal basis and what happens to a person's data) and the quiz questions come from the published
entries, so the course changes the moment the guidebook does. Its version is a hash of its content:
a completion recorded under an older version is shown as "the course has changed since".
"""

from __future__ import annotations

import hashlib
from itertools import groupby

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from wegweiser.guidebook.models import MandateKind, localized
from wegweiser.guidebook.presentation import item_text
from wegweiser.guidebook.selectors import published_organizations

from .content import Answer, Course, Question, Unit, version_of

SLUG = "who-does-what"
MAX_MANDATE_QUESTIONS = 6
SHOWN_KINDS = [
    MandateKind.CAN,
    MandateKind.CANNOT,
    MandateKind.LEGAL_BASIS,
    MandateKind.DATA_DUTY,
    MandateKind.WHEN_TO_INVOLVE,
]


def _items(organization, kind: str, language: str) -> list[str]:
    return [
        item_text(item, language).text
        for item in organization.mandate_items.all()
        if item.kind == kind
    ]


def _actor_entry(organization, language: str) -> dict:
    return {
        "name": organization.name,
        "summary": localized(organization.actor_type.summary, language),
        "public_body": organization.actor_type.public_body,
        "sections": [
            {"label": MandateKind(kind).label, "items": _items(organization, kind, language)}
            for kind in SHOWN_KINDS
            if _items(organization, kind, language)
        ],
    }


def _stable_order(answers: list[Answer], seed: str) -> tuple[Answer, ...]:
    """Shuffle answers deterministically (the correct one is not always first), then key them."""
    ordered = sorted(answers, key=lambda a: hashlib.sha256((seed + a.text).encode()).hexdigest())
    return tuple(
        Answer(key="abcdefgh"[index], text=a.text, correct=a.correct, feedback=a.feedback)
        for index, a in enumerate(ordered)
    )


def _mandate_question(organization, language: str) -> Question | None:
    can = _items(organization, MandateKind.CAN, language)
    cannot = _items(organization, MandateKind.CANNOT, language)
    if not can or not cannot:
        return None
    name = organization.name
    answers = [
        Answer("", can[0], True, _("Right: the guidebook lists this among what %(name)s can do.")
               % {"name": name}),
        Answer("", cannot[0], False, _("No: the guidebook lists this among what %(name)s "
               "cannot do.") % {"name": name}),
    ]  # fmt: skip
    return Question(
        key=f"mandate-{organization.pk.hex[:12]}",
        text=_("Which statement describes what %(name)s can do?") % {"name": name},
        answers=_stable_order(answers, str(organization.pk)),
    )


def _public_body_question(organizations, language: str) -> Question | None:
    counselling = [o for o in organizations if not o.actor_type.public_body]
    public = [o for o in organizations if o.actor_type.public_body][:2]
    if not counselling or not public:
        return None
    safe = counselling[0]
    answers = [
        Answer("", safe.name, True, _("Right: %(name)s is not a public body and has no duty to "
               "inform the immigration authority under § 87 AufenthG.") % {"name": safe.name})
    ] + [
        Answer("", o.name, False, _("No: %(name)s is a public body; if it learns that a person "
               "has no residence status, it must inform the immigration authority (§ 87 "
               "AufenthG).") % {"name": o.name})
        for o in public
    ]  # fmt: skip
    return Question(
        key="not-a-public-body",
        text=_(
            "Which of these actors is not a public body and can therefore be the safe first "
            "contact for a person whose residence status is unclear?"
        ),
        answers=_stable_order(answers, "public-body"),
    )


def build_course(municipality, language: str) -> Course:
    """The course for a municipality in `language` (de or en), from its published guidebook."""
    with override(language):
        organizations = list(published_organizations(municipality))
        units = [_intro_unit(municipality, organizations)]
        for _type_id, group in groupby(organizations, key=lambda o: o.actor_type_id):
            members = list(group)
            actor_type = members[0].actor_type
            html = render_to_string(
                "learning/generated_unit.html",
                {"actors": [_actor_entry(o, language) for o in members]},
            )
            units.append(Unit(key=f"actors-{actor_type.key}", kind="text",
                              title=actor_type.label, html=html))  # fmt: skip
        questions = [q for o in organizations if (q := _mandate_question(o, language))]
        questions = questions[:MAX_MANDATE_QUESTIONS]
        public_body = _public_body_question(organizations, language)
        if public_body:
            questions.append(public_body)
        if questions:
            units.append(Unit(key="mandates-quiz", kind="quiz", title=_("Check your knowledge"),
                              html="", questions=tuple(questions)))  # fmt: skip
        title = _("Who does what in our network")
        summary = _(
            "Each actor of %(municipality)s: what it can and cannot do, its legal basis and what "
            "happens to a person's data. Generated from the published guidebook."
        ) % {"municipality": municipality.name}
    parts = [unit.html for unit in units] + [
        q.text + "".join(a.text for a in q.answers) for u in units for q in u.questions
    ]
    return Course(
        slug=SLUG,
        language=language,
        title=title,
        summary=summary,
        minutes=5 + 3 * len(units),
        pass_percent=70,
        as_of=timezone.localdate().isoformat(),
        sources=(_("Published guidebook of %(name)s") % {"name": municipality.name},),
        units=tuple(units),
        generated=True,
        version=version_of(*parts),
    )


def _intro_unit(municipality, organizations) -> Unit:
    html = render_to_string(
        "learning/generated_intro.html",
        {"municipality": municipality, "count": len(organizations)},
    )
    return Unit(key="about", kind="text", title=_("About this course"), html=html)
