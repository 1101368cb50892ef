"""Strings of the JavaScript app, translated by gettext and handed over as a JSON data block."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import pgettext


def app_strings() -> dict[str, str]:
    """Every message of the calendar's script, in the page's language."""
    return {
        **_entry_strings(),
        **_report_strings(),
        **_clock_and_share_strings(),
        **problem_strings(),
    }


def _entry_strings() -> dict[str, str]:
    """Recording, changing, deleting and importing entries."""
    return {
        "saved": _("Saved."),
        "deleted": _("Deleted."),
        "confirm_delete": _("Delete this entry?"),
        "confirm_delete_all": _(
            "Delete ALL your entries on this phone? This cannot be undone. "
            "Export a file first if you want to keep them."
        ),
        "all_deleted": _("All your data on this phone has been deleted."),
        "imported": _("File imported: {days} days, {payments} payments, {deductions} deductions."),
        "import_failed": _("The file was not imported: {reason} Your data is unchanged."),
        "replace_warning": _(
            "Importing replaces all entries on this phone with the entries of the file. Continue?"
        ),
        "no_entries": _("No entries yet."),
        "edit_day": _("Change the day"),
        "add_day": _("Record a day"),
        "copied": _("Copied from your last day, with the next date. Check it and save."),
        "nothing_to_copy": _("There is no earlier day to copy yet."),
        "zero_shift": _("Start and end must not be the same time."),
        "break_too_long": _("The break is as long as the shift or longer."),
        "bad_amount": _("Please enter an amount such as 120 or 120.50."),
        "required": _("Please fill in the date, start and end."),
        "storage_error": _(
            "This browser cannot store data here (private mode?). Nothing was saved."
        ),
    }


def _report_strings() -> dict[str, str]:
    """The days list, the report and the counselling contacts."""
    return {
        "week": _("Week"),
        "edit": pgettext("button: change an entry", "Edit"),
        "delete": pgettext("button: delete an entry", "Delete"),
        "unit_h": pgettext("unit: hours", "h"),
        "unit_min": pgettext("unit: minutes", "min"),
        "rest_short": _("less than 11 hours of rest before this shift"),
        "break_missing": _("break too short"),
        "assumed_rate": _(
            "The minimum wage for a later year is not yet set. For {hours} the last known rate is used."
        ),
        "fallback_intro": _("These nationwide advice services are free and are not authorities:"),
        "overnight": _("ends the next day"),
        "long_day": _("more than 10 hours"),
        "long_week": _("more than 48 hours"),
        "owed": _("You may be owed {amount} (gross) for this period."),
        "not_owed": _("The payments recorded cover the minimum wage for this period."),
        "no_services": _("No counselling service with contact details was found for this place."),
        "services_offline": _("Saved while you were online. It may be out of date."),
        "services_none_yet": _(
            "Choose the place where you work. The list is saved for offline use."
        ),
        "speaks_language": _("speaks your language"),
        "phone": _("Phone"),
        "email": _("E-mail"),
        "opening_hours": _("Opening hours"),
        "offline_ready": _("Ready: the calendar now also works without internet."),
        "no_minimum_wage": _(
            "Work before 2015 had no statutory minimum wage: {hours} counted with 0 €."
        ),
    }


def _clock_and_share_strings() -> dict[str, str]:
    """One-tap start and stop, export and the share sheet."""
    return {
        "started": _("Started at {time} ({date}). Tap “Stop now” when you finish."),
        "stopped": _("Stopped at {time}. Add your breaks if you had any, then tap “Save day”."),
        "exported": _(
            "Saved as {file} ({days} days, {payments} payments, {deductions} deductions). "
            "You find the file in your phone's downloads."
        ),
        "share_title": _("My working hours and my pay"),
        "shared": _(
            "The file was handed to the app you chose. Check that it reached your counsellor."
        ),
        "share_fallback": _(
            "This phone cannot pass the file to another app from here. Send the saved file "
            "from your downloads as an attachment (e-mail or messenger) to your counselling service."
        ),
    }


def problem_strings() -> dict[str, str]:
    """Messages for the stable problem codes of wages.js/wages.py (a file that is refused)."""
    return {
        "problem_not_an_object": _("The file is not a work-time calendar export."),
        "problem_wrong_format": _("The file is not a work-time calendar export."),
        "problem_wrong_version": _("This export version is not supported."),
        "problem_schema": _("The file is damaged or incomplete."),
        "problem_bad_date": _("The file contains a date that does not exist."),
        "problem_duplicate_id": _("The file contains the same entry twice."),
        "problem_zero_shift": _("The file contains a shift that starts and ends at the same time."),
        "problem_break_too_long": _("The file contains a break as long as the shift or longer."),
        "problem_not_json": _("The file is not readable (no JSON)."),
    }
