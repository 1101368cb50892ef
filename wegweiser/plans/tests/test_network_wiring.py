"""The network's task list shows a task's measure through the registry slot "task" (network never
imports plans)."""

from django.urls import reverse

from wegweiser.network.models import ActionItem, ActionStatus, Network
from wegweiser.plans import services
from wegweiser.plans.models import Measure, MeasureLink

SLUG = {"slug": "musterstadt"}


def test_task_list_links_the_measure_of_a_task(client_as, world):
    network = Network.objects.get(municipality=world.musterstadt)
    measure = Measure.objects.filter(plan__network=network, proposed=False).first()
    open_items = ActionItem.objects.filter(network=network).exclude(status=ActionStatus.DONE)
    assert open_items.count() >= 2
    MeasureLink.objects.filter(action_item__network=network).delete()
    services.link(measure, action_item=open_items.first())
    page = client_as("member").get(reverse("network:actions", kwargs=SLUG)).content.decode()
    url = reverse("plans:measure", kwargs={**SLUG, "measure": measure.pk})
    assert page.count(f'href="{url}"') == 1
    assert measure.title in page


def test_task_list_without_links_shows_no_measure(client_as, world):
    network = Network.objects.get(municipality=world.musterstadt)
    MeasureLink.objects.filter(action_item__network=network).delete()
    page = client_as("coordinator").get(reverse("network:actions", kwargs=SLUG)).content.decode()
    measures = reverse("plans:measure_create", kwargs=SLUG).removesuffix("new/")
    assert measures.endswith("/measures/") and measures not in page
