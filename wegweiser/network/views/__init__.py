"""Network pages, one module per section (network, members, invitations, meetings, minutes,
tasks, files, calendar, reports). Views stay thin: access helpers, forms, services, templates."""
