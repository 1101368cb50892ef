from wegweiser.testing import Route

MUSTERSTADT = {"slug": "musterstadt"}

# Every navigator page is public (workers and professionals alike); named contact persons appear
# only for members (tested in test_views.py), never as a separate URL.
ROUTES = [
    Route("navigator:professional", public=True, kwargs=MUSTERSTADT, query="?needs=wages_unpaid"),
    Route("navigator:sheet", public=True, kwargs=MUSTERSTADT, query="?needs=wages_unpaid"),
    Route("navigator:help", public=True, kwargs=MUSTERSTADT, query="?needs=wages_unpaid"),
    Route("navigator:help_sw", public=True, kwargs=MUSTERSTADT),
    Route("navigator:municipality_indicators", public=True, kwargs=MUSTERSTADT),
    Route("navigator:indicators", public=True, query="?indicators=debt_bondage"),
]
