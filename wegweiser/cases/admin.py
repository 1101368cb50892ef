"""Only the organisation-level settings are in the admin; case contents never are (DESIGN §2:
platform administrators see no case data)."""

from django.contrib import admin

from .models import CaseOffice


@admin.register(CaseOffice)
class CaseOfficeAdmin(admin.ModelAdmin):
    list_display = ["organization", "retention_years"]
    filter_horizontal = ["leads"]
    raw_id_fields = ["organization"]
