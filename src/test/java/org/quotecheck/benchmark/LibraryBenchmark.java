package org.quotecheck.benchmark;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.quotecheck.library.vectors.QuantizedVector;
import org.quotecheck.verification.meaning.PassageSplitter;
import org.quotecheck.verification.meaning.SourcePassage;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Library search at scale: generates a synthetic library straight into the database (sources of about 50
 * sentences, cut into passages by the application's own splitter, about 100 each, with synthetic 384-dimension
 * vectors clustered by topic, marked ready as the background job would), then measures {@code POST /api/search}
 * through HTTP against the running application, and the suggestion job for an article with 30 claims. Sizes grow
 * in steps (the library of one step is kept for the next), so that time and memory can be read against size.
 *
 * <p>Run by {@code src/test/bench/library-search.sh}, which starts PostgreSQL and the packaged application. The
 * vectors are synthetic: the search's cost does not depend on their values; its quality is measured on real
 * embeddings by the tests and the meaning benchmark.
 */
public final class LibraryBenchmark {

    private static final int DIMENSIONS = 384;
    private static final int SENTENCES_PER_SOURCE = 50;
    private static final int TOPICS = 500;
    private static final String[] FUNCTION = ("the of and to in a is that for on was with he it as at by said from his an be "
            + "has have are were this which but not they their its after also would who been had will more than one new "
            + "about up over two into year could people there she when first last all government other some years").split(" ");
    private static final String[] NAMES = {"Marchetti", "Takaichi", "Okafor", "Lindqvist", "Moreau", "Kowalski", "Haddad",
        "Nakamura", "Oyelaran", "Brennan", "Castillo", "Novak", "Petrov", "Adeyemi", "Sørensen", "Whitfield"};
    private static final String[] UNITS = {"million euros", "percent", "minutes", "people", "billion dollars", "kilometres", "days"};

    private final Random random = new Random(20261126);
    private final String[] vocabulary;
    private final double[] cumulative;
    private final float[][] topics = new float[TOPICS][];

    private LibraryBenchmark() {
        // Content words with a Zipf distribution over 20,000 made-up words, behind real function words.
        String[] syllables = {"ba", "ko", "ri", "ten", "mar", "lo", "vis", "den", "sa", "tor", "quel", "min", "pra", "zu",
            "fen", "gal", "har", "jo", "nes", "ul", "wek", "yr", "cot", "dri", "ess", "ful", "gro", "ith", "lun", "opp"};
        vocabulary = new String[20_000];
        for (int i = 0; i < vocabulary.length; i++) {
            StringBuilder w = new StringBuilder();
            int n = i;
            do {
                w.append(syllables[n % syllables.length]);
                n /= syllables.length;
            } while (n > 0);
            w.append(i % 7 == 0 ? "s" : i % 5 == 0 ? "ed" : "");
            vocabulary[i] = w.toString();
        }
        cumulative = new double[vocabulary.length];
        double sum = 0;
        for (int i = 0; i < vocabulary.length; i++) {
            sum += 1 / Math.pow(i + 1, 1.07);
            cumulative[i] = sum;
        }
        for (int i = 0; i < cumulative.length; i++) {
            cumulative[i] /= sum;
        }
        for (int t = 0; t < TOPICS; t++) {
            topics[t] = unit(gaussian(1.0));
        }
    }

    public static void main(String[] args) throws Exception {
        String jdbc = arg(args, "--jdbc");
        String user = arg(args, "--db-user");
        String password = arg(args, "--db-password");
        String app = arg(args, "--app");
        String admin = arg(args, "--admin-password");
        int[] sizes = Arrays.stream(arg(args, "--sizes").split(",")).mapToInt(Integer::parseInt).toArray();
        int queries = Integer.parseInt(arg(args, "--queries"));
        LibraryBenchmark bench = new LibraryBenchmark();
        try (Connection db = DriverManager.getConnection(jdbc, user, password)) {
            Http http = new Http(app, admin);
            System.out.println("| sources | passages | generated in | first search (index load) | search median | p95 | max |"
                    + " vector index | heap used | database | 30-claim suggestion job |");
            System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
            for (int size : sizes) {
                long started = System.nanoTime();
                int made = bench.generate(db, size);
                double generated = (System.nanoTime() - started) / 1e9;
                List<String[]> asked = bench.queries(db, queries + 10);
                long first = System.nanoTime();
                http.search(asked.get(0));
                double firstSeconds = (System.nanoTime() - first) / 1e9;
                for (String[] q : asked.subList(1, 10)) {
                    http.search(q);
                }
                List<Double> times = new ArrayList<>();
                for (String[] q : asked.subList(10, asked.size())) {
                    long t = System.nanoTime();
                    http.search(q);
                    times.add((System.nanoTime() - t) / 1e6);
                }
                times.sort(Double::compare);
                String metrics = http.metrics();
                double job = bench.suggestionJob(db, http);
                System.out.printf(Locale.ROOT, "| %,d | %,d | %s | %.1f s | %.0f ms | %.0f ms | %.0f ms | %s | %s | %s | %.1f s (%d claims) |%n",
                        size, count(db, "SELECT count(*) FROM source_passage"), made == 0 ? "(kept)" : String.format(Locale.ROOT, "%.0f s", generated),
                        firstSeconds, times.get(times.size() / 2), times.get((int) Math.ceil(times.size() * 0.95) - 1),
                        times.get(times.size() - 1), megabytes(metric(metrics, "quotecheck_library_vector_bytes")),
                        megabytes(metric(metrics, "jvm_memory_used_bytes{area=\"heap\"")), databaseSize(db), job,
                        bench.lastClaims);
            }
        }
    }

    private static String arg(String[] args, String name) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        throw new IllegalArgumentException("missing " + name);
    }

    // ---------------------------------------------------------------- generation

    /** Adds sources until there are {@code target}; returns how many were added. */
    int generate(Connection db, int target) throws SQLException, IOException {
        int existing = (int) count(db, "SELECT count(*) FROM source WHERE title LIKE 'Synthetic source %'");
        if (existing >= target) {
            return 0;
        }
        long userId = count(db, "SELECT id FROM app_user WHERE username = 'admin'");
        long nextSource = count(db, "SELECT coalesce(max(id), 0) + 1 FROM source");
        long nextVersion = count(db, "SELECT coalesce(max(id), 0) + 1 FROM source_version");
        CopyManager copy = db.unwrap(PGConnection.class).getCopyAPI();
        int batch = 200;
        for (int from = existing; from < target; from += batch) {
            int to = Math.min(target, from + batch);
            StringBuilder sources = new StringBuilder();
            StringBuilder versions = new StringBuilder();
            StringBuilder passages = new StringBuilder();
            for (int i = from; i < to; i++) {
                long sourceId = nextSource++;
                long versionId = nextVersion++;
                String text = text();
                sources.append(sourceId).append('\t').append("Synthetic source ").append(i).append('\t').append("TRANSCRIPT")
                        .append('\t').append(userId).append('\t').append("2026-11-26 00:00:00+00").append('\n');
                versions.append(versionId).append('\t').append(sourceId).append("\t1\t").append(escape(text)).append('\t')
                        .append(sha256(text)).append('\t').append(userId).append("\t2026-11-26 00:00:00+00\ttrue\t2026-11-26 00:00:00+00\n");
                float[] topic = topics[i % TOPICS];
                int ordinal = 0;
                for (SourcePassage p : PassageSplitter.passages(text)) {
                    float[] vector = unit(add(topic, gaussian(0.08)));
                    passages.append(versionId).append('\t').append(ordinal++).append('\t').append(p.start()).append('\t')
                            .append(p.end()).append('\t').append(p.window()).append('\t').append(escape(p.text())).append('\t')
                            .append(array(vector)).append("\t\\\\x").append(HexFormat.of().formatHex(QuantizedVector.encode(vector)))
                            .append('\n');
                }
            }
            copy.copyIn("COPY source (id, title, type, created_by, created_at) FROM STDIN", reader(sources));
            copy.copyIn("COPY source_version (id, source_id, number, text, content_hash, created_by, created_at, is_latest,"
                    + " passages_ready_at) FROM STDIN", reader(versions));
            copy.copyIn("COPY source_passage (source_version_id, ordinal, start_offset, end_offset, is_window, text, embedding,"
                    + " embedding_q) FROM STDIN", reader(passages));
        }
        try (Statement s = db.createStatement()) {
            s.execute("SELECT setval(pg_get_serial_sequence('source', 'id'), (SELECT max(id) FROM source))");
            s.execute("SELECT setval(pg_get_serial_sequence('source_version', 'id'), (SELECT max(id) FROM source_version))");
            s.execute("ANALYZE source_passage");
            s.execute("ANALYZE source_version");
        }
        return target - existing;
    }

    private static Reader reader(StringBuilder rows) {
        return new StringReader(rows.toString());
    }

    private String text() {
        StringBuilder text = new StringBuilder();
        for (int s = 0; s < SENTENCES_PER_SOURCE; s++) {
            text.append(sentence());
            text.append(s % 5 == 4 ? "\n\n" : " ");
        }
        return text.toString().strip();
    }

    private String sentence() {
        int length = 10 + random.nextInt(13);
        List<String> words = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            words.add(random.nextDouble() < 0.45 ? FUNCTION[random.nextInt(FUNCTION.length)] : zipf());
        }
        if (random.nextDouble() < 0.4) {
            words.add(random.nextInt(words.size()), (1 + random.nextInt(99)) + " " + UNITS[random.nextInt(UNITS.length)]);
        }
        if (random.nextDouble() < 0.5) {
            words.add(0, NAMES[random.nextInt(NAMES.length)] + " said");
        }
        String sentence = String.join(" ", words);
        return Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1) + ".";
    }

    private String zipf() {
        int i = Arrays.binarySearch(cumulative, random.nextDouble());
        return vocabulary[Math.min(vocabulary.length - 1, i < 0 ? -i - 1 : i)];
    }

    private float[] gaussian(double spread) {
        float[] v = new float[DIMENSIONS];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (spread * random.nextGaussian());
        }
        return v;
    }

    private static float[] add(float[] a, float[] b) {
        float[] sum = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            sum[i] = a[i] + b[i];
        }
        return sum;
    }

    private static float[] unit(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= (float) Math.sqrt(norm);
        }
        return v;
    }

    private static String array(float[] v) {
        StringBuilder out = new StringBuilder(v.length * 8).append('{');
        for (int i = 0; i < v.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(Math.round(v[i] * 100_000) / 100_000f);
        }
        return out.append('}').toString();
    }

    /** COPY's text format: backslash, tab and line breaks escaped. */
    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- measurement

    private static final Pattern NUMBER = Pattern.compile("\\b(\\d+) (million euros|percent|minutes|people|billion dollars|kilometres|days)");

    /**
     * Claims as an editor would look for them, from random sentences of the library: a third word for word (quotes),
     * a third with a number changed (quotes), a third reworded (statements: the sentence's second half first).
     */
    List<String[]> queries(Connection db, int n) throws SQLException {
        List<String[]> found = new ArrayList<>();
        try (PreparedStatement s = db.prepareStatement("SELECT text FROM source_passage WHERE NOT is_window AND id >= ?"
                + " ORDER BY id LIMIT 1")) {
            long max = count(db, "SELECT max(id) FROM source_passage");
            while (found.size() < n) {
                s.setLong(1, 1 + (long) (random.nextDouble() * max));
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        continue;
                    }
                    String sentence = r.getString(1).replaceAll("\\.$", "");
                    int kind = found.size() % 3;
                    if (kind == 0) {
                        found.add(new String[] {sentence, "DIRECT_QUOTE"});
                    } else if (kind == 1) {
                        Matcher m = NUMBER.matcher(sentence);
                        found.add(new String[] {m.find() ? m.replaceFirst((Integer.parseInt(m.group(1)) + 7) + " $2")
                                : sentence + " in 2027", "DIRECT_QUOTE"});
                    } else {
                        String[] w = sentence.split(" ");
                        int half = w.length / 2;
                        found.add(new String[] {String.join(" ", Arrays.copyOfRange(w, half, w.length)) + ", "
                                + String.join(" ", Arrays.copyOfRange(w, 0, half)), "STATEMENT"});
                    }
                }
            }
        }
        return found;
    }

    private int lastClaims;

    /** An article of 30 quotes from the library (some changed, some not there), saved through the API: the job's time. */
    double suggestionJob(Connection db, Http http) throws Exception {
        StringBuilder body = new StringBuilder();
        for (String[] q : queries(db, 30)) {
            String words = q[0].length() > 300 ? q[0].substring(0, 300) : q[0];
            body.append(NAMES[random.nextInt(NAMES.length)]).append(" said: \u201c").append(words).append(".\u201d ");
        }
        String json = "{\"title\": \"Benchmark article " + System.nanoTime() + "\", \"body\": " + Http.quote(body.toString()) + "}";
        String created = http.post("/api/articles", json);
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(created);
        if (!id.find()) {
            throw new IllegalStateException("no article id in " + created);
        }
        long article = Long.parseLong(id.group(1));
        lastClaims = (int) count(db, "SELECT count(*) FROM claim WHERE article_id = " + article);
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("SELECT extract(epoch FROM max(finished_at) - min(created_at)),"
                    + " count(*) FILTER (WHERE state IN ('PENDING', 'RUNNING')) FROM job WHERE kind = 'ARTICLE_SUGGESTIONS' AND subject_id = "
                    + article)) {
                r.next();
                if (r.getInt(2) == 0 && r.getObject(1) != null) {
                    return r.getDouble(1);
                }
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the suggestion job did not finish within 5 minutes");
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static String databaseSize(Connection db) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("SELECT pg_size_pretty(pg_database_size(current_database()))")) {
            r.next();
            return r.getString(1);
        }
    }

    private static double metric(String metrics, String name) {
        double total = 0;
        for (String line : metrics.split("\n")) {
            if (line.startsWith(name)) {
                total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return total;
    }

    private static String megabytes(double bytes) {
        return String.format(Locale.ROOT, "%,.0f MB", bytes / (1024 * 1024));
    }

    /**
     * The application over HTTP with a session cookie, signed in once through the login form as a browser is (HTTP
     * Basic would verify the bcrypt hash on every request, some 100 ms that are not the search's).
     */
    static final class Http {
        private final HttpClient client;
        private final String base;

        Http(String base, String adminPassword) throws Exception {
            this.base = base;
            this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                    .cookieHandler(new java.net.CookieManager()).build();
            String page = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher token = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"").matcher(page);
            if (!token.find()) {
                throw new IllegalStateException("no sign-in form at " + base + "/login");
            }
            String form = "csrf-token=" + java.net.URLEncoder.encode(token.group(1), StandardCharsets.UTF_8) + "&username=admin&password="
                    + java.net.URLEncoder.encode(adminPassword, StandardCharsets.UTF_8);
            HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (signedIn.statusCode() != 303) {
                throw new IllegalStateException("sign-in answered " + signedIn.statusCode());
            }
        }

        void search(String[] query) throws Exception {
            post("/api/search", "{\"text\": " + quote(query[0]) + ", \"claimType\": \"" + query[1] + "\"}");
        }

        String post(String path, String json) throws Exception {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(5))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        }

        String metrics() throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create(base + "/q/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        }

        static String quote(String text) {
            StringBuilder out = new StringBuilder("\"");
            for (char c : text.toCharArray()) {
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    default -> {
                        if (c < 0x20) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            return out.append('"').toString();
        }
    }
}
