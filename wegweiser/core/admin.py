from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Municipality, State


@admin.register(State)
class StateAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "subdivision"]
    search_fields = ["name"]


@admin.register(Municipality)
class MunicipalityAdmin(SimpleHistoryAdmin):
    list_display = ["name", "state", "ags", "slug"]
    list_filter = ["state"]
    search_fields = ["name", "ags", "slug"]
    prepopulated_fields = {"slug": ["name"]}
