"""Pages of the cases app: case record (cases.py), sharing (sharing.py), statistics (stats.py)."""
