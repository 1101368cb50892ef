from .access_matrix_exports import ROUTES  # noqa: F401
