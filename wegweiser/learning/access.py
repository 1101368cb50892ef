"""Who may do what in the course module, built on accounts/access.py.

- Courses: every member of the municipality's network (any role, also state coordinators of its
  state) takes courses; outsiders get 404.
- Completion figures, SCORM export and the Workshop I kit: coordinators of the municipality and
  state coordinators of its state; other members get 403.
- Rights pages: public.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest

from wegweiser.accounts.access import MunicipalityAccess, get_municipality_for_user, roles_in
from wegweiser.core.models import Municipality

from . import selectors
from .content import Course


def may_take_courses(user, municipality) -> bool:
    return bool(getattr(user, "is_authenticated", False) and roles_in(user, municipality))


def may_manage_learning(access: MunicipalityAccess) -> bool:
    return access.is_coordinator or access.is_state_coordinator


def get_municipality_for_learner(
    request: HttpRequest, slug: str
) -> tuple[Municipality, MunicipalityAccess]:
    return get_municipality_for_user(request, slug)


def get_municipality_for_manager(
    request: HttpRequest, slug: str
) -> tuple[Municipality, MunicipalityAccess]:
    municipality, access = get_municipality_for_user(request, slug)
    if not may_manage_learning(access):
        raise PermissionDenied
    return municipality, access


def get_course_for_user(
    request: HttpRequest, slug: str, course_slug: str, *, manage: bool = False
) -> tuple[Municipality, MunicipalityAccess, Course]:
    """The course of a municipality in the page's professional language, or 404."""
    if manage:
        municipality, access = get_municipality_for_manager(request, slug)
    else:
        municipality, access = get_municipality_for_learner(request, slug)
    course = selectors.get_course(municipality, course_slug)
    if course is None:
        raise Http404
    return municipality, access, course
