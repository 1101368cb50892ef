import factory
from django.urls import reverse

from wegweiser.guidebook.models import (
    ActorType,
    ContactPerson,
    Location,
    MandateItem,
    MandateNeed,
    MandateTranslation,
    Need,
    Organization,
    OrganizationStatus,
)


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Testakteur {n}")
    actor_type = factory.LazyFunction(lambda: ActorType.objects.order_by("?").first())
    phone = factory.Sequence(lambda n: f"+49 30 23125 {n % 1000:03d}")
    email = factory.Sequence(lambda n: f"akteur{n}@example.org")
    languages = ["de", "en", "ro"]
    status = OrganizationStatus.PUBLISHED
    last_confirmed_at = factory.Faker("date_this_year")

    @factory.post_generation
    def municipalities(self, create, extracted, **kwargs):
        if create and extracted:
            self.municipalities.set(extracted)


class LocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Location

    organization = factory.SubFactory(OrganizationFactory)
    name = "Hauptsitz"
    street = factory.Sequence(lambda n: f"Teststraße {n}")
    postal_code = "55555"
    city = "Musterstadt"


class MandateItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MandateItem

    organization = factory.SubFactory(OrganizationFactory)
    kind = "can"
    text = factory.Sequence(lambda n: f"Kann Betroffene beraten ({n}).")


class MandateTranslationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MandateTranslation

    item = factory.SubFactory(MandateItemFactory)
    language = "en"
    text = "Can advise affected people."
    source_version = 1


class MandateNeedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MandateNeed

    item = factory.SubFactory(MandateItemFactory)
    need = factory.LazyFunction(lambda: Need.objects.order_by("?").first())
    role = "advises"


class ContactPersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContactPerson

    organization = factory.SubFactory(OrganizationFactory)
    name = factory.Sequence(lambda n: f"Person {n}")
    consent_given_at = factory.Faker("date_this_year")
    consent_how = "schriftlich"


def full_organization(municipality, **kwargs):
    """An organisation with a location, two mandate items (translated, with needs), a contact."""
    organization = OrganizationFactory(municipalities=[municipality], **kwargs)
    LocationFactory(organization=organization)
    for _index in range(2):
        item = MandateItemFactory(organization=organization)
        MandateTranslationFactory(item=item)
        MandateNeedFactory(item=item)
    ContactPersonFactory(organization=organization)
    return organization


def edit_data(organization, **changes):
    """POST data of the edit form: the entry as it is, with `changes`."""
    data = {
        "name": organization.name,
        "description": organization.description,
        "phone": organization.phone,
        "email": organization.email,
        "website": organization.website,
        "languages": organization.languages,
        "internal_notes": "",
        "locations-TOTAL_FORMS": "0",
        "locations-INITIAL_FORMS": "0",
        "locations-MIN_NUM_FORMS": "0",
        "locations-MAX_NUM_FORMS": "10",
    }
    data.update(changes)
    return data


def url(name, **kwargs):
    """A guidebook URL in Musterstadt (unless another slug is given)."""
    kwargs.setdefault("slug", "musterstadt")
    return reverse(f"guidebook:{name}", kwargs=kwargs)


def detail_url(organization, version=""):
    return url("detail", pk=organization.pk) + (f"?version={version}" if version else "")
