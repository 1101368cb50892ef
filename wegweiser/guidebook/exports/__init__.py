"""Exports and exchange of the guidebook: PDF, vCard, Open Referral HSDS 3.0 export and import.

A small Django app of its own (label `guidebook_exports`) so that its templates and translations
live next to its code. It reads the guidebook's models; it owns no models.
"""
