import random, datetime, csv
random.seed(12)
N=50
first=["Camille","Léa","Louis","Hugo","Chloé","Manon","Thomas","Nicolas","Julie","Sophie","Maëlys","Anouk","Ibrahim","Yasmine","Gaspard","Inès","Noah","Aïcha","Mathis","Élodie"]
last=["Kerjean","Lemarchand","Vasseur","Dupont","Martin","Le Goff","Nguyen","Benali","Rousseau","Fabre","Quéméner","Delacroix","Tessier","Moulin","Haddad","Perrin","Guérin","Ollivier","Bouchard","Lacombe"]
en_first=["John","Mary","James","Linda","Michael","Susan","David","Karen","Emily","Ryan","Olivia","Ethan"]
en_last=["Smith","Johnson","Walker","Brown","O'Neil","Baker","Fitzgerald","Hughes","Turner","Price","Whitfield","Carter"]
cities=["Lyon","Paris","Marseille","Bordeaux","Lille","Nantes","Rennes","Strasbourg","Toulouse","Nice","Dijon","Brest","Annecy","Tours","Metz"]
airports=["Hartsfield-Jackson Atlanta International","Chicago O'Hare International","Meadow Lake","Thigpen","Livingston Municipal","Perry-Warsaw","Hilliard Airpark","Denver International","Greenville Downtown","Lake Placid","Dallas Love Field","Blue Grass","Jefferson County","Boone Municipal","Grand Canyon West"]
stores=["Lumen & Lin Lyon Part-Dieu","Lumen & Lin Paris Marais","Boutique Rennes Centre","Magasin Nantes Atlantis","Lumen & Lin Lille","Dépôt Bordeaux Lac"]
products=["Drap housse 140x190","Housse de couette 240x220","Taie d'oreiller 65x65","Plaid laine 130x170","Rideau occultant 140x260","Nappe coton 150x250","Serviette de bain 70x140"]
companies=["Dupont SA","Martin & Fils","Transports Legrand SARL","Boulangerie Moreau","Garage Petit SAS","Cabinet Roux et associés","Société Générale","Fromagerie Bernard"]
pets=["Rex","Mistigri","Caramel","Filou","Félix","Oscar","Nala","Simba","Tigrou","Pépette","Milo","Plume","Moka","Chipie","Ulysse"]
streets=["rue des Lilas","avenue Jean Jaurès","boulevard Voltaire","chemin des Vignes","allée des Tilleuls","impasse du Moulin","place de la République","rue Victor Hugo","quai des Chartrons"]
def phone(sep): return "0"+str(random.randint(6,7))+"".join(sep+"%02d"%random.randint(0,99) for _ in range(4))
def nir():
    s=random.choice("12"); yy=random.randint(40,99); mm=random.randint(1,12); dep=random.randint(1,95); com=random.randint(1,999); o=random.randint(1,999)
    n="%s%02d%02d%02d%03d%03d"%(s,yy,mm,dep,com,o); k=97-int(n)%97; return "%s %s %s %s %s %s %02d"%(n[0],n[1:3],n[3:5],n[5:7],n[7:10],n[10:13],k)
def iban():
    bban="".join(str(random.randint(0,9)) for _ in range(23))
    r=bban+"FR00"; d="".join(str(int(c,36)) for c in r); ck=98-int(d)%97
    s="FR%02d"%ck+bban; return " ".join(s[i:i+4] for i in range(0,len(s),4))
def luhn(prefix):
    digits=[int(c) for c in prefix]
    for check in range(10):
        ds=digits+[check]; t=0
        for i,d in enumerate(reversed(ds)):
            if i%2==1:
                d*=2
                if d>9: d-=9
            t+=d
        if t%10==0: return prefix+str(check)
def ean():
    p="376"+"".join(str(random.randint(0,9)) for _ in range(9))
    t=sum(int(c)*(3 if i%2 else 1) for i,c in enumerate(p)); return p+str((10-t%10)%10)
def d(y0,y1): 
    a=datetime.date(y0,1,1).toordinal(); b=datetime.date(y1,12,31).toordinal(); return datetime.date.fromordinal(random.randint(a,b))
postcodes=["69003","75011","13008","33000","59800","44000","35000","67000","31000","06000","21000","29200","74000","37000","57000"]
cols={}
cols["prenom"]=[random.choice(first) for _ in range(N)]
cols["nom"]=[random.choice(last) for _ in range(N)]
cols["nom_complet"]=[random.choice(first)+" "+random.choice(last) for _ in range(N)]
cols["contact"]=[random.choice(first)+" "+random.choice(last) for _ in range(N)]
cols["email"]=[("%s.%s@example.fr"%(random.choice(first),random.choice(last))).lower().replace(" ","").replace("é","e").replace("ë","e").replace("ï","i").replace("è","e") for _ in range(N)]
cols["courriel_pro"]=["%s%d@entreprise.example"%(random.choice(["j.dupont","m.martin","c.roux","l.petit"]),i) for i in range(N)]
cols["telephone"]=[phone(" ") for _ in range(N)]
cols["portable"]=["+33 "+phone(" ")[1:] for _ in range(N)]
cols["tel_fixe"]=["0"+str(random.randint(1,5))+"".join("."+"%02d"%random.randint(0,99) for _ in range(4)) for _ in range(N)]
cols["date_naissance"]=[d(1940,2005).strftime("%d/%m/%Y") for _ in range(N)]
cols["dob"]=[d(1950,2010).isoformat() for _ in range(N)]
cols["ne_le"]=[d(1935,2000).strftime("%d/%m/%Y") for _ in range(N)]
cols["code_postal"]=[random.choice(postcodes) for _ in range(N)]
cols["cp_domicile"]=[random.choice(postcodes) for _ in range(N)]
cols["adresse"]=["%d %s"%(random.randint(1,120),random.choice(streets)) for _ in range(N)]
cols["adresse_domicile"]=["%d%s %s"%(random.randint(1,80),random.choice([""," bis"," ter"]),random.choice(streets)) for _ in range(N)]
cols["numero_secu"]=[nir() for _ in range(N)]
cols["iban_client"]=[iban() for _ in range(N)]
cols["carte_bancaire"]=[luhn("4"+"".join(str(random.randint(0,9)) for _ in range(14))) for _ in range(N)]
cols["ip_connexion"]=["%d.%d.%d.%d"%(random.randint(1,223),random.randint(0,255),random.randint(0,255),random.randint(1,254)) for _ in range(N)]
cols["first_name"]=[random.choice(en_first) for _ in range(N)]
cols["last_name"]=[random.choice(en_last) for _ in range(N)]
cols["mobile"]=[phone("") for _ in range(N)]
cols["birth_date"]=[d(1945,2004).strftime("%d/%m/%Y") for _ in range(N)]
# ordinary look-alikes
start=datetime.date(2012,1,1)
cols["date"]=[(start+datetime.timedelta(days=i)).isoformat() for i in range(N)]
cols["date_vol"]=[(datetime.datetime(2001,1,1)+datetime.timedelta(minutes=47+i*131)).strftime("%Y-%m-%d %H:%M") for i in range(N)]
cols["date_commande"]=[d(2022,2024).strftime("%d/%m/%Y") for _ in range(N)]
cols["date_embauche"]=[d(1985,2015).strftime("%d/%m/%Y") for _ in range(N)]
cols["date_ouverture"]=[d(1990,2020).isoformat() for _ in range(N)]
cols["name"]=[random.choice(airports) for _ in range(N)]
cols["nom_magasin"]=[random.choice(stores) for _ in range(N)]
cols["ville"]=[random.choice(cities) for _ in range(N)]
cols["nom_produit"]=[random.choice(products) for _ in range(N)]
cols["societe"]=[random.choice(companies) for _ in range(N)]
cols["raison_sociale"]=[random.choice(companies) for _ in range(N)]
cols["code_article"]=["0%d%08d"%(random.randint(1,7),random.randint(0,99999999)) for _ in range(N)]
cols["reference"]=["REF-%05d"%random.randint(0,99999) for _ in range(N)]
cols["ean"]=[ean() for _ in range(N)]
cols["montant"]=["%d.%02d"%(random.randint(1,5000),random.randint(0,99)) for _ in range(N)]
cols["montant_centimes"]=[str(random.randint(100,99999999)) for _ in range(N)]
cols["code_commune"]=[random.choice(["75056","69123","13055","33063","59350","44109","35238","67482","31555","06088"]) for _ in range(N)]
cols["departement"]=[random.choice(["75","69","13","33","59"]) for _ in range(N)]
cols["adresse_ville"]=[random.choice(cities) for _ in range(N)]
cols["adresse_magasin"]=["%d %s"%(random.randint(1,120),random.choice(streets)) for _ in range(N)]
cols["quantite"]=[str(random.randint(1,12)) for _ in range(N)]
cols["categorie"]=[random.choice(["Linge de lit","Décoration","Bain","Cuisine"]) for _ in range(N)]
cols["espece"]=[random.choice(["Chien","Chat","Lapin"]) for _ in range(N)]
cols["nom_animal"]=[random.choice(pets) for _ in range(N)]
cols["id_client"]=["C%05d"%i for i in range(N)]
cols["commentaire"]=[random.choice(["RAS","Livraison en retard","Client satisfait","À rappeler","Colis abîmé"]) for _ in range(N)]
cols["statut"]=[random.choice(["actif","inactif"]) for _ in range(N)]
cols["region"]=[random.choice(["Île-de-France","Bretagne","Occitanie","Grand Est"]) for _ in range(N)]
cols["genre"]=[random.choice(["F","M"]) for _ in range(N)]
cols["numero_serie"]=["SN%010d"%random.randint(0,9999999999) for _ in range(N)]
cols["heure_releve"]=[(datetime.datetime(2023,5,1)+datetime.timedelta(hours=i*7)).strftime("%d/%m/%Y %H:%M") for i in range(N)]
cols["medecin_nom"]=[random.choice(["Dr ","Mme ","M. ","Pr "])+random.choice(last) for _ in range(N)]
labels={"medecin_nom":"name","prenom":"name","nom":"name","nom_complet":"name","contact":"name","email":"email","courriel_pro":"email","telephone":"phone","portable":"phone","tel_fixe":"phone","date_naissance":"birth_date","dob":"birth_date","ne_le":"birth_date","code_postal":"postcode","cp_domicile":"postcode","adresse":"address","adresse_domicile":"address","numero_secu":"nir","iban_client":"iban","carte_bancaire":"card","ip_connexion":"ip","first_name":"name","last_name":"name","mobile":"phone","birth_date":"birth_date"}
names=list(cols)
with open("lookalikes.csv","w",newline="",encoding="utf-8") as f:
    w=csv.writer(f,delimiter=";"); w.writerow(names)
    for i in range(N): w.writerow([cols[c][i] for c in names])
with open("lookalikes_labels.csv","w",encoding="utf-8") as f:
    f.write("column;category\n")
    for c in names: f.write("%s;%s\n"%(c,labels.get(c,"none")))
print(len(names), sum(1 for c in names if c in labels))
