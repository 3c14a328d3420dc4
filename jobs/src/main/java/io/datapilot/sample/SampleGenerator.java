package io.datapilot.sample;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.datapilot.sample.SampleCatalog.Place;
import io.datapilot.sample.SampleCatalog.Product;
import io.datapilot.sample.SampleCatalog.Store;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes the sample case of Lumen &amp; Lin at any size, deterministically from a seed: customers
 * in Excel (one row per customer, personal data), order lines in a French CSV export (';',
 * decimal comma, windows-1252, dd/MM/yyyy, one row per order line) and shops in nested JSON,
 * with missing values (MCAR, MAR, MNAR), anomalies, two targets, a ground truth of what was
 * injected and the matching {@code pipeline.yaml}.
 *
 * <p>Everything is streamed: order lines are written as they are drawn (ten million lines need
 * no more memory than a hundred), the workbook through POI's streaming writer.
 *
 * <pre>{@code
 * SampleGenerator.into(Path.of("/tmp/case")).rows(1_000_000).seed(7).execute();
 * }</pre>
 */
public final class SampleGenerator {
    public static final String CUSTOMERS = "clients";
    public static final String ORDER_LINES = "lignes_commandes";
    public static final String STORES = "magasins";
    public static final String CUSTOMERS_FILE = "clients.xlsx";
    public static final String ORDER_LINES_FILE = "lignes_commandes.csv";
    public static final String STORES_FILE = "magasins.json";
    public static final String CONFIG_FILE = "pipeline.yaml";
    public static final String PLAN_FILE = "plan_projet.csv";
    public static final String OPPORTUNITIES_FILE = "opportunites.csv";
    public static final String LOGBOOK_FILE = "carnet_equipe.csv";
    /** The sample's feeds for the watch (fictional), under conf/veille/. */
    static final List<String> FEED_FILES = List.of("veille/cnil.xml", "veille/ia.xml");
    public static final long DEFAULT_SEED = 20250106L;

    static final LocalDate FIRST_DAY = LocalDate.of(2022, 1, 1);
    static final LocalDate LAST_DAY = LocalDate.of(2024, 12, 31);
    static final LocalDate EXTRACTED = LocalDate.of(2025, 1, 6);
    private static final LocalDate FIRST_REGISTRATION = LocalDate.of(2015, 1, 1);
    /** The header of the sheet is on row 4; data starts on sheet row 5. */
    static final int HEADER_ROW = 3;
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final String[] PAYMENTS_STORE = {"CB", "CB", "CB", "CB", "CB", "Espèces", "Espèces", "Chèque"};
    private static final String[] PAYMENTS_WEB = {"CB", "CB", "CB", "PayPal", "PayPal", "Virement"};

    private final Path directory;
    private long rows = 20_000;
    private long seed = DEFAULT_SEED;

    private SampleGenerator(Path directory) {
        this.directory = directory;
    }

    public static SampleGenerator into(Path directory) {
        return new SampleGenerator(directory);
    }

    /** Number of order lines (the finest grain); customers are one twentieth of it. */
    public SampleGenerator rows(long orderLines) {
        if (orderLines < 100) {
            throw new IllegalArgumentException("Invalid --rows " + orderLines + ": the case needs at least 100 order lines.");
        }
        this.rows = orderLines;
        return this;
    }

    public SampleGenerator seed(long value) {
        this.seed = value;
        return this;
    }

    /** What was written. */
    public record Summary(Path directory, long orderLines, int customers, int customerRows, int stores) {}

    public Summary execute() throws IOException {
        Files.createDirectories(directory);
        SplittableRandom random = new SplittableRandom(seed);
        int customerCount = (int) Math.max(60, Math.min(1_000_000, rows / 20));
        Population population = Population.generate(customerCount, random.split());
        try (GroundTruth truth = new GroundTruth(directory.resolve("ground_truth"))) {
            long written = new OrderLines(population, random.split(), truth).write(directory.resolve(ORDER_LINES_FILE), rows);
            population.computeTargets(random.split());
            int customerRows = new CustomerWorkbook(population, random.split(), truth).write(directory.resolve(CUSTOMERS_FILE));
            writeStores(directory.resolve(STORES_FILE), random.split());
            writeConfig(directory.resolve(CONFIG_FILE), ".", "", "");
            copyResource(PLAN_FILE, directory.resolve(PLAN_FILE));
            copyResource(OPPORTUNITIES_FILE, directory.resolve(OPPORTUNITIES_FILE));
            copyResource(LOGBOOK_FILE, directory.resolve(LOGBOOK_FILE));
            Files.createDirectories(directory.resolve("veille"));
            for (String feed : FEED_FILES) {
                copyResource(feed, directory.resolve(feed));
            }
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("company", "Lumen & Lin (fictional)");
            facts.put("seed", seed);
            facts.put("order_lines", written);
            facts.put("customers", customerCount);
            facts.put("customer_rows", customerRows);
            facts.put("stores", SampleCatalog.STORES.size());
            facts.put("orders_from", FIRST_DAY.toString());
            facts.put("orders_to", LAST_DAY.toString());
            facts.put("extracted_on", EXTRACTED.toString());
            facts.put("row_numbers", "clients: sheet row; lignes_commandes and magasins: record number (1 = first data record)");
            facts.put("personal_columns", personalColumns());
            Map<String, String> structural = new java.util.TreeMap<>();
            structural.put(ORDER_LINES + ".date_de_livraison", "empty for shop sales (only web orders are delivered)");
            structural.put(ORDER_LINES + ".commentaire", "empty unless the sale has a comment");
            facts.put("structural_missing", structural);
            truth.writeSummary(facts);
            return new Summary(directory, written, customerCount, customerRows, SampleCatalog.STORES.size());
        }
    }

    /** The columns that hold personal data, by design of the case, with their category. */
    static Map<String, String> personalColumns() {
        Map<String, String> columns = new java.util.TreeMap<>();
        columns.put(CUSTOMERS + ".nom", "name");
        columns.put(CUSTOMERS + ".prenom", "name");
        columns.put(CUSTOMERS + ".email", "email");
        columns.put(CUSTOMERS + ".telephone", "phone");
        columns.put(CUSTOMERS + ".date_de_naissance", "birth_date");
        columns.put(CUSTOMERS + ".adresse", "address");
        columns.put(CUSTOMERS + ".code_postal", "postcode");
        columns.put(STORES + ".responsable_nom", "name");
        columns.put(STORES + ".responsable_email", "email");
        return columns;
    }

    /** Writes the configuration of the case from the template also used for conf/pipeline.yaml. */
    public static void writeConfig(Path file, String baseDir, String dataDir, String confDir) throws IOException {
        Files.writeString(file, renderConfig(baseDir, dataDir, confDir), StandardCharsets.UTF_8);
    }

    /**
     * The project plan, the opportunity grid and the team's logbook entries of conf/, which the build copies into
     * the jar next to the template.
     */
    private static void copyResource(String name, Path target) throws IOException {
        try (InputStream in = SampleGenerator.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("The sample's " + name + " is missing from the jar");
            }
            Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    public static String renderConfig(String baseDir, String dataDir, String confDir) throws IOException {
        try (InputStream template = SampleGenerator.class.getResourceAsStream("pipeline.yaml.template")) {
            if (template == null) {
                throw new IOException("The sample configuration template is missing from the jar");
            }
            return new String(template.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("{{base_dir}}", baseDir).replace("{{data_dir}}", dataDir).replace("{{conf_dir}}", confDir);
        }
    }

    // ---------------------------------------------------------------- customers (latent + observed)

    /** Customers as parallel arrays: a million of them fit in a few tens of megabytes. */
    static final class Population {
        final int size;
        final boolean[] female;
        final int[] firstName;
        final int[] lastName;
        final int[] emailNumber;
        final int[] age;
        final LocalDate[] birth;
        final LocalDate[] registered;
        final int[] store;
        final int[] place;
        final int[] channel;
        final boolean[] card;
        final double[] income;
        final int[] children;
        final double[] engagement;
        final int[] churnDay;
        final int[] phone;
        final int[] street;
        final int[] streetNumber;
        final int[] orders;
        final double[] spendLastYear;
        final boolean[] churned;
        final double[] nextYearSpend;
        private final double[] aliasProbability;
        private final int[] alias;

        private Population(int size) {
            this.size = size;
            female = new boolean[size];
            firstName = new int[size];
            lastName = new int[size];
            emailNumber = new int[size];
            age = new int[size];
            birth = new LocalDate[size];
            registered = new LocalDate[size];
            store = new int[size];
            place = new int[size];
            channel = new int[size];
            card = new boolean[size];
            income = new double[size];
            children = new int[size];
            engagement = new double[size];
            churnDay = new int[size];
            phone = new int[size];
            street = new int[size];
            streetNumber = new int[size];
            orders = new int[size];
            spendLastYear = new double[size];
            churned = new boolean[size];
            nextYearSpend = new double[size];
            aliasProbability = new double[size];
            alias = new int[size];
        }

        static Population generate(int size, SplittableRandom random) {
            Population people = new Population(size);
            double[] storeWeights = SampleCatalog.STORES.stream().mapToDouble(Store::weight).toArray();
            int firstDay = (int) FIRST_DAY.toEpochDay();
            int lastDay = (int) LAST_DAY.toEpochDay();
            int registrationSpan = (int) (LAST_DAY.toEpochDay() - 20 - FIRST_REGISTRATION.toEpochDay());
            for (int i = 0; i < size; i++) {
                people.female[i] = random.nextDouble() < 0.58;
                people.firstName[i] = random.nextInt(people.female[i] ? SampleCatalog.FEMALE_FIRST_NAMES.size()
                        : SampleCatalog.MALE_FIRST_NAMES.size());
                people.lastName[i] = random.nextInt(SampleCatalog.LAST_NAMES.size());
                people.emailNumber[i] = random.nextDouble() < 0.35 ? 1 + random.nextInt(98) : 0;
                int age = (int) Math.round(Math.min(90, 18 + Math.abs(random.nextGaussian() * 17 + 24)));
                people.age[i] = age;
                people.birth[i] = EXTRACTED.minusYears(age).minusDays(random.nextInt(365));
                people.registered[i] = FIRST_REGISTRATION.plusDays((long) (registrationSpan * Math.sqrt(random.nextDouble())));
                people.channel[i] = pick(random, new double[] {0.45, 0.30, 0.10, 0.15});
                people.store[i] = people.channel[i] == 1 && random.nextDouble() < 0.6
                        ? SampleCatalog.STORES.size() - 1 : pick(random, storeWeights);
                people.place[i] = random.nextInt(SampleCatalog.STORES.get(people.store[i]).catchment().size());
                people.card[i] = random.nextDouble() < 0.45;
                people.income[i] = Math.round(Math.exp(Math.log(31_000) + 0.45 * random.nextGaussian()) / 100.0) * 100.0;
                people.children[i] = pick(random, new double[] {0.38, 0.22, 0.25, 0.11, 0.04});
                people.engagement[i] = Math.exp(0.8 * random.nextGaussian()) * (people.card[i] ? 1.6 : 1.0);
                double churnProbability = Math.min(0.7, 0.18 + 0.22 / (1 + people.engagement[i]) + (people.card[i] ? -0.08 : 0.06));
                int from = (int) Math.max(firstDay, people.registered[i].toEpochDay());
                people.churnDay[i] = random.nextDouble() < churnProbability
                        ? from + random.nextInt(Math.max(1, lastDay - from)) : Integer.MAX_VALUE;
                people.phone[i] = random.nextInt(10_000);
                people.street[i] = random.nextInt(SampleCatalog.STREET_NAMES.size() * SampleCatalog.STREET_TYPES.size());
                people.streetNumber[i] = 1 + random.nextInt(140);
            }
            people.buildAlias();
            return people;
        }

        /** Vose's alias method: draws a customer in proportion to engagement in constant time. */
        private void buildAlias() {
            double total = 0;
            for (double weight : engagement) {
                total += weight;
            }
            double[] scaled = new double[size];
            int[] small = new int[size];
            int[] large = new int[size];
            int smallCount = 0;
            int largeCount = 0;
            for (int i = 0; i < size; i++) {
                scaled[i] = engagement[i] * size / total;
                if (scaled[i] < 1) {
                    small[smallCount++] = i;
                } else {
                    large[largeCount++] = i;
                }
            }
            while (smallCount > 0 && largeCount > 0) {
                int less = small[--smallCount];
                int more = large[--largeCount];
                aliasProbability[less] = scaled[less];
                alias[less] = more;
                scaled[more] = scaled[more] + scaled[less] - 1;
                if (scaled[more] < 1) {
                    small[smallCount++] = more;
                } else {
                    large[largeCount++] = more;
                }
            }
            while (largeCount > 0) {
                aliasProbability[large[--largeCount]] = 1;
            }
            while (smallCount > 0) {
                aliasProbability[small[--smallCount]] = 1;
            }
        }

        /** A customer active on {@code day} (registered, not yet gone), drawn by engagement. */
        int draw(SplittableRandom random, int day) {
            int candidate = 0;
            for (int attempt = 0; attempt < 40; attempt++) {
                int column = random.nextInt(size);
                candidate = random.nextDouble() < aliasProbability[column] ? column : alias[column];
                if (registered[candidate].toEpochDay() <= day && churnDay[candidate] > day) {
                    return candidate;
                }
            }
            return candidate;
        }

        void computeTargets(SplittableRandom random) {
            for (int i = 0; i < size; i++) {
                boolean gone = churnDay[i] != Integer.MAX_VALUE;
                churned[i] = random.nextDouble() < 0.03 ? !gone : gone;
                double spend;
                if (gone) {
                    spend = random.nextDouble() < 0.85 ? 0 : 15 + random.nextDouble() * 90;
                } else {
                    double base = spendLastYear[i] > 0 ? spendLastYear[i] : 40 + random.nextDouble() * 120;
                    spend = base * Math.exp(0.05 + 0.35 * random.nextGaussian()) * (card[i] ? 1.12 : 1.0)
                            + 12 * children[i] + 0.0015 * income[i] + 25 * random.nextGaussian();
                }
                nextYearSpend[i] = Math.max(0, Math.round(spend * 100) / 100.0);
            }
        }

        String id(int index) {
            return "C" + pad(index + 1, 6);
        }

        String first(int index) {
            return (female[index] ? SampleCatalog.FEMALE_FIRST_NAMES : SampleCatalog.MALE_FIRST_NAMES).get(firstName[index]);
        }

        String last(int index) {
            return SampleCatalog.LAST_NAMES.get(lastName[index]);
        }
    }

    // ---------------------------------------------------------------- order lines (CSV)

    /** Streams order lines day by day, in time order, the way a till and web shop export them. */
    private static final class OrderLines {
        private static final String HEADER = "N° commande;N° ligne;N° client;Date de commande;Canal;Magasin;Référence produit;"
                + "Libellé produit;Catégorie;Quantité;Prix unitaire TTC (€);Remise (%);Montant TTC (€);Mode de paiement;"
                + "Date de livraison;Commentaire";
        private final Population people;
        private final SplittableRandom random;
        private final GroundTruth truth;
        private final StringBuilder line = new StringBuilder(256);
        private final RowNotes notes = new RowNotes();
        private long record;
        private long orderNumber;

        OrderLines(Population people, SplittableRandom random, GroundTruth truth) {
            this.people = people;
            this.random = random;
            this.truth = truth;
        }

        long write(Path file, long total) throws IOException {
            int days = (int) (LAST_DAY.toEpochDay() - FIRST_DAY.toEpochDay() + 1);
            double[] cumulative = new double[days + 1];
            for (int d = 0; d < days; d++) {
                cumulative[d + 1] = cumulative[d] + dayWeight(FIRST_DAY.plusDays(d));
            }
            int lastYearStart = (int) LAST_DAY.minusDays(364).toEpochDay();
            try (OutputStream stream = Files.newOutputStream(file);
                    BufferedWriter out = new BufferedWriter(new OutputStreamWriter(stream, WINDOWS_1252), 1 << 16)) {
                out.write(HEADER);
                out.write("\r\n");
                long produced = 0;
                for (int d = 0; d < days; d++) {
                    long target = Math.round(total * cumulative[d + 1] / cumulative[days]);
                    LocalDate date = FIRST_DAY.plusDays(d);
                    int day = (int) date.toEpochDay();
                    while (produced < target) {
                        int lines = (int) Math.min(target - produced, 1 + geometric(1.2));
                        produced += writeOrder(out, date, day, lines, day >= lastYearStart);
                    }
                }
                return produced;
            }
        }

        private long writeOrder(BufferedWriter out, LocalDate date, int day, int lines, boolean lastYear) throws IOException {
            int customer = people.draw(random, day);
            Store home = SampleCatalog.STORES.get(people.store[customer]);
            boolean web = home.id().equals("WEB") ? random.nextDouble() < 0.8
                    : random.nextDouble() < 0.22 || date.getDayOfWeek() == DayOfWeek.SUNDAY;
            Store store = web ? SampleCatalog.STORES.get(SampleCatalog.STORES.size() - 1)
                    : random.nextDouble() < 0.85 ? home : SampleCatalog.STORES.get(random.nextInt(SampleCatalog.STORES.size() - 1));
            int hour = web ? (random.nextDouble() < 0.6 ? 18 + random.nextInt(5) : 7 + random.nextInt(11)) : 10 + random.nextInt(9);
            String timestamp = dateText(date) + ' ' + pad(hour, 2) + ':' + pad(random.nextInt(60), 2);
            String[] payments = web ? PAYMENTS_WEB : PAYMENTS_STORE;
            String payment = payments[random.nextInt(payments.length)];
            String comment = random.nextDouble() < 0.03 ? SampleCatalog.COMMENTS.get(random.nextInt(SampleCatalog.COMMENTS.size())) : "";
            LocalDate delivery = web ? date.plusDays(2 + random.nextInt(7)) : null;
            orderNumber++;
            String order = "CMD-" + date.getYear() + '-' + pad(orderNumber, 7);
            people.orders[customer]++;
            long written = 0;
            for (int number = 1; number <= lines; number++) {
                written += writeLine(out, order, number, customer, timestamp, date, web, store, payment, comment, delivery, lastYear);
            }
            return written;
        }

        private int writeLine(BufferedWriter out, String order, int number, int customer, String timestamp, LocalDate date,
                boolean web, Store store, String payment, String comment, LocalDate delivery, boolean lastYear) throws IOException {
            record++;
            notes.clear();
            Product product = SampleCatalog.PRODUCTS.get(random.nextInt(SampleCatalog.PRODUCTS.size()));
            int quantity = random.nextDouble() < 0.72 ? 1 : random.nextDouble() < 0.7 ? 2 : 3 + random.nextInt(4);
            double price = product.price();
            int discount = random.nextDouble() < 0.7 ? 0 : 10 * (1 + random.nextInt(3));
            String customerId = people.id(customer);
            String category = product.category();
            String orderTime = timestamp;
            String deliveryText = delivery == null ? "" : dateText(delivery);
            double u = random.nextDouble();
            String malformed = null;
            if (u < 0.0002) {
                malformed = "wrong_field_count";
            } else if (u < 0.0004) {
                malformed = "unparseable_number";
            } else if (u < 0.0006) {
                malformed = "unparseable_date";
            } else if (u < 0.0046) {
                quantity = -quantity;
                notes.anomaly("quantite", "negative_quantity", false);
            } else if (u < 0.0051) {
                quantity = 250 + random.nextInt(750);
                notes.anomaly("quantite", "outlier", false);
            } else if (u < 0.0053) {
                price = price * 100;
                notes.anomaly("prix_unitaire_ttc_eur", "outlier", false);
            } else if (u < 0.0055) {
                orderTime = dateText(date.withYear(2031)) + timestamp.substring(10);
                notes.anomaly("date_de_commande", "future_date", false);
            } else if (u < 0.0065 && delivery != null) {
                deliveryText = dateText(date.minusDays(3));
                notes.anomaly("date_de_livraison", "date_before_related_date", false);
            } else if (u < 0.0070) {
                customerId = "C9" + pad(random.nextInt(100_000), 5);
                notes.anomaly("id_client", "unknown_key", false);
            }
            if (malformed == null && random.nextDouble() < 0.02) {
                category = variant(category, random);
                notes.anomaly("categorie", "category_variant", false);
            }
            double amount = Math.round(quantity * price * (100 - discount)) / 100.0;
            boolean discountMissing = malformed == null && random.nextDouble() < 0.10;
            boolean paymentMissing = malformed == null && random.nextDouble() < 0.02;
            boolean deliveryMissing = malformed == null && delivery != null && random.nextDouble() < 0.02;
            line.setLength(0);
            line.append(order).append(';').append(number).append(';').append(customerId).append(';');
            line.append("unparseable_date".equals(malformed) ? "31/02" + orderTime.substring(5) : orderTime).append(';');
            line.append(web ? "Web" : "Magasin").append(';').append(store.id()).append(';');
            line.append(product.reference()).append(';').append(csvField(product.label())).append(';').append(category).append(';');
            line.append("unparseable_number".equals(malformed) ? "deux" : Integer.toString(quantity)).append(';');
            frenchNumber(line, price, random);
            line.append(';');
            if (!discountMissing) {
                line.append(discount);
            }
            line.append(';');
            frenchNumber(line, amount, random);
            line.append(';');
            if (!paymentMissing) {
                line.append(payment);
            }
            if (!"wrong_field_count".equals(malformed)) {
                line.append(';').append(deliveryMissing ? "" : deliveryText).append(';').append(csvField(comment));
            }
            line.append("\r\n");
            if (malformed != null) {
                notes.anomaly(malformed.equals("unparseable_date") ? "date_de_commande"
                        : malformed.equals("unparseable_number") ? "quantite" : "", malformed, true);
            }
            if (discountMissing) {
                notes.missing("remise_pct", "MCAR");
            }
            if (paymentMissing) {
                notes.missing("mode_de_paiement", "MCAR");
            }
            if (deliveryMissing) {
                notes.missing("date_de_livraison", "MCAR");
            }
            notes.emit(truth, ORDER_LINES, record);
            out.append(line);
            if (malformed == null && lastYear && !customerId.startsWith("C9")) {
                people.spendLastYear[customer] += amount;
            }
            if (malformed == null && random.nextDouble() < 0.001) {
                // an exact copy of the line, as a double export produces
                record++;
                out.append(line);
                truth.anomaly(ORDER_LINES, record, "", "duplicate_row", false);
                notes.emit(truth, ORDER_LINES, record);
                return 2;
            }
            return 1;
        }

        private int geometric(double mean) {
            double p = 1 / (1 + mean);
            return (int) Math.floor(Math.log(1 - random.nextDouble()) / Math.log(1 - p));
        }

        private static double dayWeight(LocalDate date) {
            double weekday = switch (date.getDayOfWeek()) {
                case SATURDAY -> 1.6;
                case SUNDAY -> 0.5;
                default -> 1.0;
            };
            double season = switch (date.getMonthValue()) {
                case 12 -> 1.7;
                case 1, 7 -> 1.25;
                case 8 -> 0.8;
                default -> 1.0;
            };
            return weekday * season * (1 + 0.12 * (date.getYear() - FIRST_DAY.getYear()));
        }
    }

    // ---------------------------------------------------------------- customers (XLSX)

    private static final class CustomerWorkbook {
        private static final String[] HEADER = {"Identifiant client", "Civilité", "Nom", "Prénom", "E-mail", "Téléphone",
            "Date de naissance", "Adresse", "Code postal", "Ville", "Date d'inscription", "Canal d'acquisition",
            "Magasin de rattachement", "Carte fidélité", "Revenu annuel estimé (€)", "Nombre d'enfants", "Résilié",
            "Dépenses N+1 (€)"};
        private final Population people;
        private final SplittableRandom random;
        private final GroundTruth truth;

        CustomerWorkbook(Population people, SplittableRandom random, GroundTruth truth) {
            this.people = people;
            this.random = random;
            this.truth = truth;
        }

        int write(Path file) throws IOException {
            SXSSFWorkbook workbook = new SXSSFWorkbook(200);
            try {
                CellStyle frenchDate = workbook.createCellStyle();
                frenchDate.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
                CellStyle excelDate = workbook.createCellStyle();
                excelDate.setDataFormat((short) 14);
                CellStyle money = workbook.createCellStyle();
                money.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
                CellStyle bold = workbook.createCellStyle();
                Font font = workbook.createFont();
                font.setBold(true);
                bold.setFont(font);
                Sheet sheet = workbook.createSheet("Clients");
                cell(sheet.createRow(0), 0, "Lumen & Lin — export CRM des clients").setCellStyle(bold);
                cell(sheet.createRow(1), 0, "Extraction du " + dateText(EXTRACTED) + " — données personnelles, usage interne");
                Row header = sheet.createRow(HEADER_ROW);
                for (int i = 0; i < HEADER.length; i++) {
                    cell(header, i, HEADER[i]).setCellStyle(bold);
                }
                int rowIndex = HEADER_ROW + 1;
                for (int customer = 0; customer < people.size; customer++) {
                    boolean duplicate = random.nextDouble() < 0.005;
                    List<Consumer<Row>> cells = customerCells(customer, frenchDate, excelDate, money);
                    Row row = sheet.createRow(rowIndex++);
                    cells.forEach(writer -> writer.accept(row));
                    notes.emit(truth, CUSTOMERS, rowIndex);
                    if (duplicate) {
                        // rowIndex is now the copy's 0-based index: its sheet row is rowIndex + 1
                        truth.anomaly(CUSTOMERS, rowIndex + 1, "", "duplicate_row", false);
                        notes.emit(truth, CUSTOMERS, rowIndex + 1);
                        Row copy = sheet.createRow(rowIndex++);
                        cells.forEach(writer -> writer.accept(copy));
                    }
                }
                Sheet readme = workbook.createSheet("Lisez-moi");
                cell(readme.createRow(0), 0, "Une ligne par client. Montants en euros TTC. Dépenses N+1 : montant dépensé"
                        + " l'année suivant l'extraction. Résilié : le client a quitté le programme.");
                try (OutputStream out = Files.newOutputStream(file)) {
                    workbook.write(out);
                }
                return rowIndex - HEADER_ROW - 1;
            } finally {
                workbook.close();
                workbook.dispose();
            }
        }

        private final RowNotes notes = new RowNotes();

        /** The cells of one customer's row, as writers so that a duplicate row can repeat them. */
        private List<Consumer<Row>> customerCells(int customer, CellStyle frenchDate, CellStyle excelDate, CellStyle money) {
            notes.clear();
            List<Consumer<Row>> cells = new ArrayList<>();
            String first = people.first(customer);
            String last = people.last(customer);
            Store store = SampleCatalog.STORES.get(people.store[customer]);
            Place place = store.catchment().get(people.place[customer]);
            cells.add(row -> cell(row, 0, people.id(customer)));
            cells.add(row -> cell(row, 1, people.female[customer] ? "Mme" : "M."));
            cells.add(row -> cell(row, 2, last.toUpperCase(Locale.FRENCH)));
            cells.add(row -> cell(row, 3, first));
            String email = email(first, last, people.emailNumber[customer], customer);
            if (random.nextDouble() < 0.06) {
                notes.missing("email", "MCAR");
            } else {
                if (random.nextDouble() < 0.01) {
                    email = invalidEmail(email);
                    notes.anomaly("email", "invalid_format", false);
                }
                String value = email;
                cells.add(row -> cell(row, 4, value));
            }
            if (random.nextDouble() < (people.age[customer] < 30 ? 0.28 : 0.10)) {
                notes.missing("telephone", "MAR");
            } else {
                String phone = phone(people.phone[customer], customer);
                cells.add(row -> cell(row, 5, phone));
            }
            LocalDate birth = people.birth[customer];
            double birthDraw = random.nextDouble();
            if (birthDraw < 0.08) {
                notes.missing("date_de_naissance", "MCAR");
            } else {
                if (birthDraw < 0.082) {
                    birth = birth.withYear(2031);
                    notes.anomaly("date_de_naissance", "future_date", false);
                } else if (birthDraw < 0.084) {
                    birth = birth.withYear(1890 + random.nextInt(10));
                    notes.anomaly("date_de_naissance", "implausible_date", false);
                }
                LocalDate value = birth;
                cells.add(row -> dateCell(row, 6, value, frenchDate));
            }
            int streetIndex = people.street[customer];
            String address = people.streetNumber[customer] + " "
                    + SampleCatalog.STREET_TYPES.get(streetIndex % SampleCatalog.STREET_TYPES.size()) + " "
                    + SampleCatalog.STREET_NAMES.get(streetIndex / SampleCatalog.STREET_TYPES.size());
            cells.add(row -> cell(row, 7, address));
            cells.add(row -> cell(row, 8, place.postcode()));
            cells.add(row -> cell(row, 9, place.city()));
            cells.add(row -> dateCell(row, 10, people.registered[customer], excelDate));
            String channel = SampleCatalog.CHANNELS.get(people.channel[customer]);
            if (random.nextDouble() < 0.03) {
                channel = variant(channel, random);
                notes.anomaly("canal_d_acquisition", "category_variant", false);
            }
            String channelValue = channel;
            cells.add(row -> cell(row, 11, channelValue));
            String storeId = store.id();
            if (random.nextDouble() < 0.005) {
                storeId = "M13";
                notes.anomaly("magasin_de_rattachement", "unknown_key", false);
            }
            String storeValue = storeId;
            cells.add(row -> cell(row, 12, storeValue));
            cells.add(row -> cell(row, 13, people.card[customer] ? "Oui" : "Non"));
            double income = people.income[customer];
            double incomeMissing = Math.min(0.6, Math.max(0.05, 0.05 + 0.5 * (income - 20_000) / 80_000));
            double incomeDraw = random.nextDouble();
            if (incomeDraw < 0.001) {
                cells.add(row -> row.createCell(14).setCellErrorValue(FormulaError.DIV0.getCode()));
                notes.anomaly("revenu_annuel_estime_eur", "excel_error_cell", true);
            } else if (random.nextDouble() < incomeMissing) {
                notes.missing("revenu_annuel_estime_eur", "MNAR");
            } else {
                double value = incomeDraw < 0.002 ? income * 40 : income;
                if (incomeDraw < 0.002) {
                    notes.anomaly("revenu_annuel_estime_eur", "outlier", false);
                }
                cells.add(row -> numberCell(row, 14, value, money));
            }
            double childrenDraw = random.nextDouble();
            if (childrenDraw < 0.002) {
                cells.add(row -> cell(row, 15, "deux"));
                notes.anomaly("nombre_d_enfants", "unparseable_number", true);
            } else if (childrenDraw < 0.004) {
                cells.add(row -> numberCell(row, 15, -1, null));
                notes.anomaly("nombre_d_enfants", "negative_count", false);
            } else if (random.nextDouble() < 0.05) {
                notes.missing("nombre_d_enfants", "MCAR");
            } else {
                cells.add(row -> numberCell(row, 15, people.children[customer], null));
            }
            if (random.nextDouble() < 0.005) {
                notes.missing("resilie", "MCAR");
            } else {
                cells.add(row -> cell(row, 16, people.churned[customer] ? "Oui" : "Non"));
            }
            if (random.nextDouble() < 0.01) {
                notes.missing("depenses_annee_suivante", "MCAR");
            } else {
                cells.add(row -> numberCell(row, 17, people.nextYearSpend[customer], money));
            }
            return cells;
        }


        private String email(String first, String last, int number, int customer) {
            String local = ascii(first) + "." + ascii(last).replace(' ', '-') + (number == 0 ? "" : Integer.toString(number));
            return local + "@" + SampleCatalog.EMAIL_DOMAINS.get(customer % SampleCatalog.EMAIL_DOMAINS.size());
        }

        private String invalidEmail(String email) {
            return switch (random.nextInt(3)) {
                case 0 -> email.replace("@", ".");
                case 1 -> email.substring(0, email.indexOf('@') + 1);
                default -> email.replace(".", " ");
            };
        }

        /** Fiction ranges reserved by ARCEP, written the several ways people write them. */
        private String phone(int number, int customer) {
            String[] prefixes = {"06 39 98", "01 99 00", "02 61 91", "03 53 01", "04 65 71", "05 36 49", "06 39 98"};
            String prefix = prefixes[customer % prefixes.length];
            String digits = prefix + " " + pad(number / 100, 2) + " " + pad(number % 100, 2);
            double style = random.nextDouble();
            if (style < 0.6) {
                return digits;
            }
            if (style < 0.8) {
                return digits.replace(" ", "");
            }
            if (style < 0.9) {
                return "+33 " + digits.substring(1);
            }
            return digits.replace(' ', '.');
        }

        private static Cell cell(Row row, int column, String value) {
            Cell cell = row.createCell(column);
            cell.setCellValue(value);
            return cell;
        }

        private static void dateCell(Row row, int column, LocalDate value, CellStyle style) {
            Cell cell = row.createCell(column);
            cell.setCellValue(value);
            cell.setCellStyle(style);
        }

        private static void numberCell(Row row, int column, double value, CellStyle style) {
            Cell cell = row.createCell(column);
            cell.setCellValue(value);
            if (style != null) {
                cell.setCellStyle(style);
            }
        }
    }

    // ---------------------------------------------------------------- shops (JSON)

    private static void writeStores(Path file, SplittableRandom random) throws IOException {
        List<Map<String, Object>> stores = new ArrayList<>();
        String[] days = {"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"};
        for (Store store : SampleCatalog.STORES) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id_magasin", store.id());
            json.put("nom", store.name());
            json.put("type", store.type());
            Map<String, Object> address = new LinkedHashMap<>();
            address.put("rue", store.street());
            address.put("code_postal", store.place().postcode());
            address.put("ville", store.place().city());
            address.put("departement", store.department());
            address.put("region", store.region());
            json.put("adresse", address);
            // ordered maps: the file must be the same byte for byte for the same seed
            Map<String, Object> geo = new LinkedHashMap<>();
            geo.put("lat", store.lat());
            geo.put("lon", store.lon());
            json.put("geo", geo);
            json.put("surface_m2", store.surface());
            json.put("date_ouverture", store.opened());
            json.put("effectif", store.staff());
            json.put("services", store.services());
            List<Map<String, String>> hours = new ArrayList<>();
            for (String day : days) {
                Map<String, String> opening = new LinkedHashMap<>();
                opening.put("jour", day);
                opening.put("ouverture", store.id().equals("WEB") ? "00:00" : "10:00");
                opening.put("fermeture", store.id().equals("WEB") ? "23:59" : "19:00");
                hours.add(opening);
            }
            json.put("horaires", hours);
            String first = SampleCatalog.FEMALE_FIRST_NAMES.get(random.nextInt(SampleCatalog.FEMALE_FIRST_NAMES.size()));
            String last = SampleCatalog.LAST_NAMES.get(random.nextInt(SampleCatalog.LAST_NAMES.size()));
            Map<String, String> manager = new LinkedHashMap<>();
            manager.put("nom", first + " " + last);
            manager.put("email", ascii(first) + "." + ascii(last).replace(' ', '-') + "@lumen-et-lin.example");
            json.put("responsable", manager);
            stores.add(json);
        }
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), stores);
    }

    // ---------------------------------------------------------------- small helpers

    /** What was injected into the row being written, replayed for an exact duplicate of it. */
    private static final class RowNotes {
        private final List<String[]> notes = new ArrayList<>();

        void clear() {
            notes.clear();
        }

        void missing(String column, String mechanism) {
            notes.add(new String[] {"missing", column, mechanism});
        }

        void anomaly(String column, String kind, boolean quarantine) {
            notes.add(new String[] {quarantine ? "quarantine" : "anomaly", column, kind});
        }

        void emit(GroundTruth truth, String source, long row) {
            for (String[] note : notes) {
                if (note[0].equals("missing")) {
                    truth.missing(source, row, note[1], note[2]);
                } else {
                    truth.anomaly(source, row, note[1], note[2], note[0].equals("quarantine"));
                }
            }
        }
    }

    /** A case, accent, spacing or spelling variant of a label ("Linge de lit" → "linge de lit "). */
    static String variant(String label, SplittableRandom random) {
        String variant = switch (random.nextInt(6)) {
            case 0 -> label.toLowerCase(Locale.FRENCH);
            case 1 -> label.toUpperCase(Locale.FRENCH);
            case 2 -> label + " ";
            case 3 -> ascii(label).equals(ascii(label).toLowerCase(Locale.ROOT)) ? label + " " : stripAccents(label);
            case 4 -> label.replace(" ", "  ");
            default -> swapLetters(label, random);
        };
        // a one-word label has no space to double: the variant must still differ from the label
        return variant.equals(label) ? label + " " : variant;
    }

    private static String swapLetters(String label, SplittableRandom random) {
        if (label.length() < 4) {
            return label + " ";
        }
        int at = 1 + random.nextInt(label.length() - 3);
        char[] letters = label.toCharArray();
        char swap = letters[at];
        letters[at] = letters[at + 1];
        letters[at + 1] = swap;
        String swapped = new String(letters);
        return swapped.equals(label) ? label + " " : swapped;
    }

    private static String stripAccents(String text) {
        String stripped = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return stripped.equals(text) ? text + " " : stripped;
    }

    private static String ascii(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT)
                .replace("'", "");
    }

    private static int pick(SplittableRandom random, double[] weights) {
        double total = 0;
        for (double weight : weights) {
            total += weight;
        }
        double draw = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            draw -= weights[i];
            if (draw < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    static String pad(long value, int width) {
        String text = Long.toString(value);
        return text.length() >= width ? text : "0".repeat(width - text.length()) + text;
    }

    static String dateText(LocalDate date) {
        return pad(date.getDayOfMonth(), 2) + '/' + pad(date.getMonthValue(), 2) + '/' + date.getYear();
    }

    /** French amount: decimal comma, two decimals, thousands grouped by a space or a no-break space. */
    static void frenchNumber(StringBuilder out, double value, SplittableRandom random) {
        long cents = Math.round(Math.abs(value) * 100);
        if (value < 0 && cents > 0) {
            out.append('-');
        }
        long units = cents / 100;
        String digits = Long.toString(units);
        char group = random.nextBoolean() ? ' ' : '\u00A0';
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                out.append(group);
            }
            out.append(digits.charAt(i));
        }
        out.append(',').append(pad(cents % 100, 2));
    }

    private static String csvField(String value) {
        if (value.indexOf(';') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
