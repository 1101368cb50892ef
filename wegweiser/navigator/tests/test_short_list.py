"""The short list of a navigator result (templatetags/navigator.py `short_list_entries`)."""

from __future__ import annotations

from types import SimpleNamespace

from django.utils import translation

from wegweiser.navigator.templatetags.navigator import short_list_entries


def _recommendation(position, name, **flags):
    organization = SimpleNamespace(pk=f"pk{position}", name=name, phone=flags.pop("phone", ""))
    organization.state_id = flags.pop("state_id", None)
    return SimpleNamespace(
        position=position,
        organization=organization,
        actor_type=SimpleNamespace(label="Jobcenter"),
        consent_required=flags.get("consent", False),
        card_warnings=["§ 87"] if flags.get("duty") else [],
        warnings=["caution"] if flags.get("caution") else [],
    )


def test_entries_link_to_the_cards_escape_names_and_carry_their_badges():
    entries = [
        _recommendation(1, "Café <script>", phone="+49 30 1", consent=True),
        _recommendation(2, "Zweite Stelle", duty=True, caution=True, state_id=7),
    ]
    with translation.override("en"):
        html = str(short_list_entries(entries, 1, "needs=a%2Cb"))
    first, second = html.split("</li>")[:2]
    assert 'href="#org-pk1"' in first and "Café &lt;script&gt;" in first
    assert '<span dir="ltr">+49 30 1</span>' in first
    assert (
        "only with the person&#x27;s consent" in first or "only with the person's consent" in first
    )
    assert "§ 87" not in first and "see caution" not in first and "state-wide" not in first
    assert 'href="?needs=a%2Cb&amp;details=all#org-pk2"' in second
    assert "§ 87 duty to inform" in second and "see caution" in second and "state-wide" in second
    assert "consent" not in second


def test_the_labels_follow_the_language():
    entry = [_recommendation(1, "Stelle", consent=True)]
    with translation.override("de"):
        assert "nur mit Einverständnis der Person" in str(short_list_entries(entry, 1, ""))
