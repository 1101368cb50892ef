"""Network pages, one module per section (network, members, invitations, meetings, minutes,
tasks, files, calendar, reports, agreements). Views stay thin: access helpers, forms, services,
templates.

Logged-in views are typed with plain HttpRequest until accounts provides AuthenticatedHttpRequest
(issue 10); switching to it removes mypy's remaining `request.user` errors here.
"""
