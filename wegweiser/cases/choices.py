"""Vocabularies of a case. Categories follow those the specialised counselling centres report
nationally (KOK data tool): gender, age group, nationality group, form of exploitation, sector, how
the person came, services given, rights realised."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class CaseStatus(models.TextChoices):
    OPEN = "open", _("open")
    CLOSED = "closed", _("closed")


class CameVia(models.TextChoices):
    SELF = "self", _("on her or his own initiative")
    COLLEAGUES = "colleagues", _("colleagues, friends, family")
    COUNSELLING = "counselling", _("another counselling service")
    UNION = "union", _("trade union")
    AUTHORITY = "authority", _("public authority (job centre, agency, office)")
    POLICE_CUSTOMS = "police_customs", _("police or customs")
    OUTREACH = "outreach", _("outreach work")
    ONLINE = "online", _("internet, social media")
    OTHER = "other", _("other")


class Gender(models.TextChoices):
    FEMALE = "female", _("female")
    MALE = "male", _("male")
    DIVERSE = "diverse", _("diverse")
    UNKNOWN = "unknown", _("not known")


class AgeGroup(models.TextChoices):
    UNDER_18 = "u18", _("under 18")
    A18_24 = "18_24", _("18–24")
    A25_34 = "25_34", _("25–34")
    A35_49 = "35_49", _("35–49")
    A50_PLUS = "50plus", _("50 and older")
    UNKNOWN = "unknown", _("not known")


class NationalityGroup(models.TextChoices):
    # With a context: the plain msgid "German" is Django's name of the language, and this
    # catalogue's lower-case adjective ("deutsch") replaced it on every page's language lists.
    GERMAN = "de", pgettext_lazy("nationality", "German")
    EU = "eu", _("EU citizen")
    THIRD = "third", _("third country")
    UNKNOWN = "unknown", _("not known")


class ResidenceStatus(models.TextChoices):
    SECURE = "secure", _("secure")
    UNKNOWN = "unknown", _("unknown")
    UNCLEAR = "unclear", _("unclear or irregular")


class Sector(models.TextChoices):
    AGRICULTURE = "agriculture", _("agriculture")
    CONSTRUCTION = "construction", _("construction")
    MEAT = "meat", _("meat industry")
    LOGISTICS = "logistics", _("logistics, parcel delivery")
    CLEANING = "cleaning", _("cleaning")
    HOSPITALITY = "hospitality", _("hotels and restaurants")
    CARE = "care", _("care in private households")
    TRANSPORT = "transport", _("transport")
    INDUSTRY = "industry", _("manufacturing")
    OTHER = "other", _("other")


class ExploitationForm(models.TextChoices):
    LABOUR = "labour", _("labour exploitation (§ 233 StGB)")
    FORCED = "forced", _("forced labour (§ 232b StGB)")
    TRAFFICKING = "trafficking", _("trafficking for labour exploitation (§ 232 StGB)")
    WAGE_ONLY = "wage", _("unpaid wages, no sign of exploitation")
    UNCLEAR = "unclear", _("unclear")


class Service(models.TextChoices):
    COUNSELLING = "counselling", _("counselling on rights")
    WAGE_CLAIM = "wage_claim", _("wage claim")
    ACCOMMODATION = "accommodation", _("accommodation")
    ACCOMPANIMENT = "accompaniment", _("accompaniment to offices")
    LAWYER = "lawyer", _("lawyer arranged")
    INTERPRETING = "interpreting", _("interpreting")
    PSYCHOSOCIAL = "psychosocial", _("psychosocial support")


class Outcome(models.TextChoices):
    WAGES_RECOVERED = "wages_recovered", _("wages recovered")
    WAGES_PARTLY = "wages_partly", _("wages partly recovered")
    RESIDENCE_PERMIT = "residence_permit", _("residence permit")
    NEW_JOB = "new_job", _("new job")
    RETURN = "return", _("return to the home country")
    CRIMINAL_PROCEEDINGS = "proceedings", _("criminal proceedings")
    CONTACT_LOST = "contact_lost", _("contact lost")


class ConsentPurpose(models.TextChoices):
    STORE = "store", _("store data")
    REFER = "refer", _("refer to an organisation")
    CONFERENCE = "conference", _("share in a case conference")
    STATISTICS = "statistics", _("statistics")


class HowGiven(models.TextChoices):
    ORALLY = "orally", _("orally")
    WRITING = "writing", _("in writing")
    INTERPRETER = "interpreter", _("orally, with an interpreter")
    PHONE = "phone", _("by phone")


class ReferralStatus(models.TextChoices):
    PROPOSED = "proposed", _("proposed")
    ACCEPTED = "accepted", _("accepted")
    DECLINED = "declined", _("declined")
    DONE = "done", _("done")
    WITHDRAWN = "withdrawn", _("withdrawn")


# While a referral is open the receiving organisation sees its shared part.
OPEN_REFERRAL = (ReferralStatus.PROPOSED, ReferralStatus.ACCEPTED)
