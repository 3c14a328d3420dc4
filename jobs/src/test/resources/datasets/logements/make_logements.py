"""Generates logements.csv: 400 flats for sale, French CSV (; and decimal comma, windows-1252), with a
price to predict (regression) and whether the flat sold within 30 days (classification). The price
and the quick sale depend on the surface, the town, the floor, the balcony and the listing date, with
noise, so that models have something to learn; a few values are missing. Deterministic (seed 7).
Run: python3 make_logements.py"""
import random

random.seed(7)
villes = {"Lyon": 4800, "Villeurbanne": 3900, "Vénissieux": 2600, "Bron": 3100}
rows = []
for i in range(1, 401):
    ville = random.choice(list(villes))
    surface = round(random.uniform(18, 120), 1)
    pieces = max(1, min(6, int(surface // 22) + random.choice([0, 0, 1])))
    etage = random.randint(0, 8)
    balcon = random.random() < 0.45
    jour = random.randint(1, 28)
    mois = random.randint(1, 12)
    date = f"{jour:02d}/{mois:02d}/2024"
    prix = villes[ville] * surface * (1 + 0.015 * etage) * (1.06 if balcon else 1) * random.uniform(0.9, 1.1)
    prix_m2 = prix / surface
    vendu = (prix_m2 < villes[ville] * 1.02) != (random.random() < 0.12)
    charges = round(surface * random.uniform(1.8, 2.6), 2)
    rows.append([f"L{i:04d}", ville, surface, pieces, etage, "oui" if balcon else "non", date,
                 None if i % 37 == 0 else charges, round(prix, 2), "oui" if vendu else "non"])

def fr(value):
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.2f}".replace(".", ",")
    return str(value)

with open("logements.csv", "w", encoding="windows-1252", newline="") as out:
    out.write("Référence;Ville;Surface (m²);Pièces;Étage;Balcon;Date de mise en vente;Charges mensuelles (€);Prix (€);Vendu en 30 jours\r\n")
    for row in rows:
        out.write(";".join(fr(v) for v in row) + "\r\n")

# a few flats to score with datapilot predict: the same columns without the targets
with open("a_estimer.csv", "w", encoding="windows-1252", newline="") as out:
    out.write("Référence;Ville;Surface (m²);Pièces;Étage;Balcon;Date de mise en vente;Charges mensuelles (€)\r\n")
    for i, row in enumerate(rows[:12]):
        out.write(";".join(fr(v) for v in ["N%03d" % (i + 1)] + row[1:8]) + "\r\n")
