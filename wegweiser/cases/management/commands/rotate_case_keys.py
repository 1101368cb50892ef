"""Re-encrypt every encrypted case field with the first key of WEGWEISER_FIELD_KEYS."""

from django.core.management.base import BaseCommand
from django.db import connection, transaction

from wegweiser.cases.crypto import EncryptedTextField, rotate


def encrypted_columns():
    from django.apps import apps

    for model in apps.get_app_config("cases").get_models():
        columns = [
            field.column for field in model._meta.fields if isinstance(field, EncryptedTextField)
        ]
        if columns:
            yield model, columns


class Command(BaseCommand):
    help = (
        "Key rotation: put the new key first in WEGWEISER_FIELD_KEYS (keep the old one after it), "
        "run this command, then remove the old key."
    )

    def handle(self, *args, **options):
        total = 0
        with transaction.atomic():
            for model, columns in encrypted_columns():
                total += self._rotate_table(model, columns)
        files = self._rotate_documents()
        self.stdout.write(
            f"{total} value(s) and {files} document(s) re-encrypted with the first key."
        )

    def _rotate_documents(self) -> int:
        from wegweiser.cases.crypto import fernet
        from wegweiser.cases.documents import path_of
        from wegweiser.cases.models import CaseDocument

        count = 0
        for document in CaseDocument.objects.all():
            path = path_of(document)
            if path.exists():
                rotated = fernet().rotate(path.read_bytes())
                temporary = path.with_suffix(".rotating")
                temporary.write_bytes(rotated)
                temporary.replace(path)  # atomic: a crash never leaves half a file
                count += 1
        return count

    def _rotate_table(self, model, columns) -> int:
        # Raw values: rotation needs the stored tokens, not the decrypted text.
        table = connection.ops.quote_name(model._meta.db_table)
        pk = connection.ops.quote_name(model._meta.pk.column)
        quoted = [connection.ops.quote_name(column) for column in columns]
        count = 0
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {pk}, {', '.join(quoted)} FROM {table}")  # noqa: S608
            rows = cursor.fetchall()
            for row in rows:
                values = [rotate(value) if value else value for value in row[1:]]
                count += sum(1 for value in row[1:] if value)
                assignments = ", ".join(f"{column} = %s" for column in quoted)
                cursor.execute(
                    f"UPDATE {table} SET {assignments} WHERE {pk} = %s",  # noqa: S608
                    [*values, row[0]],
                )
        return count
