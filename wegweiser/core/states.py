"""The sixteen German federal states: official code, name, and the ISO-like short code."""

STATES = [
    ("01", "Schleswig-Holstein", "schleswig-holstein", "SH"),
    ("02", "Hamburg", "hamburg", "HH"),
    ("03", "Niedersachsen", "niedersachsen", "NI"),
    ("04", "Bremen", "bremen", "HB"),
    ("05", "Nordrhein-Westfalen", "nordrhein-westfalen", "NW"),
    ("06", "Hessen", "hessen", "HE"),
    ("07", "Rheinland-Pfalz", "rheinland-pfalz", "RP"),
    ("08", "Baden-Württemberg", "baden-wuerttemberg", "BW"),
    ("09", "Bayern", "bayern", "BY"),
    ("10", "Saarland", "saarland", "SL"),
    ("11", "Berlin", "berlin", "BE"),
    ("12", "Brandenburg", "brandenburg", "BB"),
    ("13", "Mecklenburg-Vorpommern", "mecklenburg-vorpommern", "MV"),
    ("14", "Sachsen", "sachsen", "SN"),
    ("15", "Sachsen-Anhalt", "sachsen-anhalt", "ST"),
    ("16", "Thüringen", "thueringen", "TH"),
]
