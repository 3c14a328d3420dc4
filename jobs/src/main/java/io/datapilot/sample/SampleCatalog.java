package io.datapilot.sample;

import java.util.List;

/**
 * Reference data of the fictional company "Lumen &amp; Lin", a French retailer of household linen
 * and decoration with twelve shops and a web shop. Names, streets and phone numbers are invented
 * (phone numbers come from the ranges ARCEP reserves for fiction).
 */
final class SampleCatalog {
    private SampleCatalog() {}

    record Place(String postcode, String city) {}

    record Store(String id, String name, String type, String street, Place place, String department, String region,
            double lat, double lon, Double surface, String opened, int staff, List<String> services, double weight,
            List<Place> catchment) {}

    record Product(String reference, String label, String category, double price) {}

    static final List<Store> STORES = List.of(
            store("M01", "Lumen & Lin Paris Marais", "Boutique", "14 rue des Rosiers", "75004", "Paris", "Paris", "Île-de-France",
                    48.8571, 2.3590, 310.0, "2012-09-15", 14, List.of("retrait", "retouches", "emballage cadeau"), 1.6,
                    List.of(p("75003", "Paris"), p("75004", "Paris"), p("75011", "Paris"), p("75012", "Paris"),
                            p("93100", "Montreuil"), p("94300", "Vincennes"), p("92100", "Boulogne-Billancourt"))),
            store("M02", "Lumen & Lin Lyon Presqu'île", "Boutique", "22 rue Mercière", "69002", "Lyon", "Rhône",
                    "Auvergne-Rhône-Alpes", 45.7620, 4.8330, 420.5, "2014-03-01", 12, List.of("retrait", "retouches"), 1.3,
                    List.of(p("69002", "Lyon"), p("69003", "Lyon"), p("69006", "Lyon"), p("69100", "Villeurbanne"),
                            p("69300", "Caluire-et-Cuire"), p("01000", "Bourg-en-Bresse"))),
            store("M03", "Lumen & Lin Marseille Vieux-Port", "Boutique", "5 quai du Port", "13002", "Marseille",
                    "Bouches-du-Rhône", "Provence-Alpes-Côte d'Azur", 43.2965, 5.3698, 380.0, "2015-06-20", 10,
                    List.of("retrait"), 1.1,
                    List.of(p("13001", "Marseille"), p("13002", "Marseille"), p("13008", "Marseille"),
                            p("13100", "Aix-en-Provence"), p("13600", "La Ciotat"))),
            store("M04", "Lumen & Lin Bordeaux Chartrons", "Boutique", "48 rue Notre-Dame", "33000", "Bordeaux", "Gironde",
                    "Nouvelle-Aquitaine", 44.8530, -0.5700, 295.0, "2016-04-09", 9, List.of("retrait", "emballage cadeau"), 1.0,
                    List.of(p("33000", "Bordeaux"), p("33200", "Bordeaux"), p("33400", "Talence"), p("33700", "Mérignac"))),
            store("M05", "Lumen & Lin Lille Vieux-Lille", "Boutique", "9 rue de la Monnaie", "59800", "Lille", "Nord",
                    "Hauts-de-France", 50.6400, 3.0630, 350.0, "2013-11-02", 11, List.of("retrait", "retouches"), 1.0,
                    List.of(p("59800", "Lille"), p("59000", "Lille"), p("59100", "Roubaix"), p("59200", "Tourcoing"),
                            p("59650", "Villeneuve-d'Ascq"))),
            store("M06", "Lumen & Lin Nantes Graslin", "Boutique", "3 place Graslin", "44000", "Nantes", "Loire-Atlantique",
                    "Pays de la Loire", 47.2130, -1.5620, 270.0, "2017-05-13", 8, List.of("retrait"), 0.9,
                    List.of(p("44000", "Nantes"), p("44100", "Nantes"), p("44200", "Nantes"), p("44400", "Rezé"))),
            store("M07", "Lumen & Lin Toulouse Capitole", "Boutique", "17 rue Saint-Rome", "31000", "Toulouse", "Haute-Garonne",
                    "Occitanie", 43.6030, 1.4430, 330.0, "2016-10-01", 10, List.of("retrait", "emballage cadeau"), 1.0,
                    List.of(p("31000", "Toulouse"), p("31200", "Toulouse"), p("31400", "Toulouse"), p("31700", "Blagnac"))),
            store("M08", "Lumen & Lin Strasbourg Petite France", "Boutique", "6 rue du Bain-aux-Plantes", "67000", "Strasbourg",
                    "Bas-Rhin", "Grand Est", 48.5810, 7.7410, 240.0, "2018-03-17", 7, List.of("retrait"), 0.7,
                    List.of(p("67000", "Strasbourg"), p("67100", "Strasbourg"), p("67200", "Strasbourg"),
                            p("67300", "Schiltigheim"))),
            store("M09", "Lumen & Lin Nice Masséna", "Boutique", "11 rue Masséna", "06000", "Nice", "Alpes-Maritimes",
                    "Provence-Alpes-Côte d'Azur", 43.6970, 7.2680, 260.0, "2019-02-23", 8, List.of("retrait", "retouches"), 0.8,
                    List.of(p("06000", "Nice"), p("06100", "Nice"), p("06200", "Nice"), p("06400", "Cannes"),
                            p("06600", "Antibes"))),
            store("M10", "Lumen & Lin Rennes Centre", "Boutique", "25 rue Le Bastard", "35000", "Rennes", "Ille-et-Vilaine",
                    "Bretagne", 48.1120, -1.6790, 220.0, "2019-09-07", 6, List.of("retrait"), 0.6,
                    List.of(p("35000", "Rennes"), p("35200", "Rennes"), p("35700", "Rennes"), p("35510", "Cesson-Sévigné"))),
            store("M11", "Lumen & Lin Montpellier Comédie", "Boutique", "2 rue de la Loge", "34000", "Montpellier", "Hérault",
                    "Occitanie", 43.6100, 3.8770, null, "2021-04-10", 6, List.of("retrait"), 0.6,
                    List.of(p("34000", "Montpellier"), p("34070", "Montpellier"), p("34170", "Castelnau-le-Lez"))),
            store("M12", "Lumen & Lin Annecy Vieille Ville", "Corner", "8 rue Sainte-Claire", "74000", "Annecy", "Haute-Savoie",
                    "Auvergne-Rhône-Alpes", 45.8990, 6.1240, 95.0, "2022-06-04", 3, List.of("retrait"), 0.4,
                    List.of(p("74000", "Annecy"), p("74370", "Argonay"), p("01200", "Valserhône"))),
            store("WEB", "Lumen & Lin en ligne", "Site web", "Entrepôt, 40 rue de l'Industrie", "45000", "Orléans", "Loiret",
                    "Centre-Val de Loire", 47.9030, 1.9090, null, "2012-01-10", 25, List.of("livraison", "retour gratuit"), 1.4,
                    List.of(p("45000", "Orléans"), p("37000", "Tours"), p("21000", "Dijon"), p("63000", "Clermont-Ferrand"),
                            p("87000", "Limoges"), p("29200", "Brest"), p("02100", "Saint-Quentin"), p("08000", "Charleville-Mézières"))));

    static final List<String> CATEGORIES = List.of(
            "Linge de lit", "Linge de bain", "Linge de table", "Décoration", "Rideaux", "Luminaires", "Senteurs");

    static final List<Product> PRODUCTS = products();

    static final List<String> FEMALE_FIRST_NAMES = List.of(
            "Camille", "Léa", "Manon", "Chloé", "Inès", "Jade", "Louise", "Emma", "Sarah", "Juliette", "Élodie", "Céline",
            "Nathalie", "Isabelle", "Sophie", "Aurélie", "Hélène", "Margaux", "Anaïs", "Zoé", "Clémence", "Maëlle",
            "Françoise", "Martine", "Sylvie", "Valérie", "Agnès", "Bérénice", "Noémie", "Océane", "Amandine", "Laëtitia");
    static final List<String> MALE_FIRST_NAMES = List.of(
            "Lucas", "Hugo", "Louis", "Gabriel", "Arthur", "Jules", "Adam", "Raphaël", "Nathan", "Théo", "Mathis",
            "Thomas", "Nicolas", "Julien", "Antoine", "Maxime", "Sébastien", "Jérôme", "François", "Philippe", "Benoît",
            "Cédric", "Grégoire", "Loïc", "Noël", "Hervé", "Régis", "Aurélien", "Étienne", "Joël", "Yannick", "Dominique");
    static final List<String> LAST_NAMES = List.of(
            "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon",
            "Laurent", "Lefèvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier", "Morel",
            "Girard", "André", "Lefebvre", "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Martinez", "Legrand",
            "Garnier", "Faure", "Rousseau", "Blanc", "Guérin", "Muller", "Henry", "Roussel", "Nicolas", "Perrin",
            "Morin", "Mathieu", "Clément", "Gauthier", "Dumont", "Lopez", "Fontaine", "Chevalier", "Robin", "Masson",
            "Sanchez", "Gérard", "Nguyen", "Boyer", "Denis", "Lemaire", "Duval", "Joly", "Gautier", "Roger", "Roche",
            "Roy", "Noël", "Meyer", "Lucas", "Meunier", "Jean", "Pérez", "Marchand", "Dufour", "Blanchard", "Marie",
            "Barbier", "Brun", "Dumas", "Brunet", "Schmitt", "Leroux", "Colin", "Le Gall", "Kerbrat", "Benali",
            "Da Silva", "Ferreira", "Haddad", "Lebrun", "Carpentier", "Charpentier", "Hoarau", "Payet", "Lemoine");
    static final List<String> STREET_TYPES = List.of(
            "rue", "rue", "rue", "avenue", "boulevard", "allée", "impasse", "place", "chemin", "quai");
    static final List<String> STREET_NAMES = List.of(
            "des Lilas", "Victor Hugo", "de la République", "Jean Jaurès", "des Tilleuls", "Pasteur", "de la Gare",
            "du Moulin", "des Écoles", "Gambetta", "de l'Église", "Voltaire", "des Acacias", "du Château", "Émile Zola",
            "de la Paix", "des Peupliers", "Saint-Exupéry", "du Général de Gaulle", "des Mimosas", "Anatole France",
            "de Verdun", "des Vignes", "du Stade", "Jules Ferry", "Marie Curie", "de la Liberté", "des Roses");
    static final List<String> EMAIL_DOMAINS = List.of(
            "example.com", "example.org", "example.net", "courriel.example", "mail.example");
    static final List<String> COMMENTS = List.of(
            "Livraison en point relais", "Emballage cadeau; merci !", "Client a demandé une facture \"pro\"",
            "Retrait en magasin le samedi", "Article offert (geste commercial)", "Coloris à confirmer avec le client",
            "Échange : taille 240×260 contre 260×240", "Commande passée par téléphone");
    static final List<String> CHANNELS = List.of("Magasin", "Site web", "Parrainage", "Réseaux sociaux");

    private static Store store(String id, String name, String type, String street, String postcode, String city,
            String department, String region, double lat, double lon, Double surface, String opened, int staff,
            List<String> services, double weight, List<Place> catchment) {
        return new Store(id, name, type, street, new Place(postcode, city), department, region, lat, lon, surface,
                opened, staff, services, weight, catchment);
    }

    private static Place p(String postcode, String city) {
        return new Place(postcode, city);
    }

    private static List<Product> products() {
        String[][] families = {
            {"Linge de lit", "Housse de couette lin lavé 240×220", "129.00", "Housse de couette percale 260×240", "149.00",
                "Drap housse coton bio 160×200", "45.90", "Taie d'oreiller lin 65×65", "24.90", "Parure satin de coton", "189.00",
                "Plaid en laine mérinos", "119.00", "Édredon duvet naturel", "249.00", "Couvre-lit boutis", "159.00"},
            {"Linge de bain", "Serviette éponge 50×100", "14.90", "Drap de bain 100×150", "34.90", "Peignoir nid d'abeille", "69.00",
                "Tapis de bain coton", "29.90", "Gant de toilette (lot de 4)", "12.90", "Fouta rayée", "24.90"},
            {"Linge de table", "Nappe lin 160×250", "89.00", "Serviettes de table (lot de 6)", "39.90", "Chemin de table", "29.90",
                "Set de table en lin", "9.90", "Torchon métis (lot de 3)", "19.90"},
            {"Décoration", "Coussin velours 45×45", "34.90", "Coussin cœur en lin", "29.90", "Housse de coussin brodée", "27.90", "Vase en grès", "49.00",
                "Miroir rotin", "89.00", "Panier en jonc de mer", "39.00", "Cadre photo chêne", "24.90", "Tapis berbère 160×230", "349.00"},
            {"Rideaux", "Rideau lin 140×280", "79.00", "Voilage étamine 140×260", "39.90", "Rideau occultant velours", "99.00",
                "Tringle laiton 200 cm", "59.00"},
            {"Luminaires", "Lampe à poser céramique", "89.00", "Suspension rotin", "129.00", "Lampadaire laiton", "1249.00",
                "Applique murale", "69.00", "Abat-jour lin", "34.90", "Lustre verre soufflé", "1890.00"},
            {"Senteurs", "Bougie parfumée figue", "29.90", "Diffuseur de parfum", "34.90", "Recharge diffuseur 200 ml", "19.90",
                "Brume d'oreiller lavande", "16.90", "Savon d'Alep", "6.90"},
        };
        List<Product> products = new java.util.ArrayList<>();
        int number = 1;
        for (String[] family : families) {
            for (int i = 1; i < family.length; i += 2) {
                products.add(new Product(String.format(java.util.Locale.ROOT, "P-%04d", number++), family[i], family[0],
                        Double.parseDouble(family[i + 1])));
            }
        }
        return List.copyOf(products);
    }
}
