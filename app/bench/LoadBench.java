import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load generator of the load bench (app/bench/load.sh): USERS people work in the browser at once for SECONDS seconds
 * against a MetroLIMS on 127.0.0.1, each with its own session: sign in with the form, then open pages (due list,
 * coverage dashboard, review queue, portal) and, as technicians, write calibration drafts, submit them and approve
 * the drafts of the other technician of the same institute (approval re-enters the password, as it must). After the
 * window a table of latencies per kind of request, the throughput and the errors is printed.
 *
 * Run with the JDK's source launcher: {@code java LoadBench.java <base-url>}; settings by environment: USERS (50),
 * SECONDS (60), THINK_MS (mean pause between one person's clicks, 500), MAX_REQUESTS (200000), PASSWORD (demo2026).
 * Only loopback addresses are accepted.
 */
public final class LoadBench {

    static final Pattern CSRF = Pattern.compile("(?:name=\"_csrf\"\\s+value|data-csrf)=\"([^\"]+)\"");
    static final Pattern VERSION = Pattern.compile("name=\"version\"\\s+value=\"(\\d+)\"");

    record Sample(String kind, int status, long nanos) {
    }

    record Failure(String kind, String method, String path, int status, String body) {
    }

    /** A draft ready for review: who submitted it, in which institute. */
    record Submitted(long id, String by) {
    }

    /** What a technician's draft is made of, taken from one of the institute's own demo records. */
    record Template(String body) {
    }

    static final class Stats {
        final ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<Failure> failures = new ConcurrentLinkedQueue<>();
        final AtomicInteger requests = new AtomicInteger();
    }

    static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }

    final String base;
    final String password;
    final long deadline;
    final int maxRequests;
    final int thinkMs;
    final Stats stats = new Stats();
    final Map<String, ConcurrentLinkedQueue<Submitted>> reviewQueues = new ConcurrentHashMap<>();
    final Map<String, Template> templates = new ConcurrentHashMap<>();
    final AtomicInteger approved = new AtomicInteger();
    final AtomicInteger drafted = new AtomicInteger();
    final List<String> missing = new ArrayList<>();

    LoadBench(String base, String password, long deadline, int maxRequests, int thinkMs) {
        this.base = base;
        this.password = password;
        this.deadline = deadline;
        this.maxRequests = maxRequests;
        this.thinkMs = thinkMs;
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
        String host = URI.create(base).getHost();
        if (!host.equals("127.0.0.1") && !host.equals("localhost") && !host.equals("[::1]")) {
            throw new IllegalArgumentException("the load bench sends traffic to loopback only, not " + host);
        }
        int users = env("USERS", 50);
        int seconds = env("SECONDS", 60);
        int think = env("THINK_MS", 500);
        int max = env("MAX_REQUESTS", 200_000);
        String password = System.getenv().getOrDefault("PASSWORD", "demo2026");

        LoadBench bench = new LoadBench(base, password, 0, max, think);
        List<String> accounts = accounts(base, password, users + 4);
        bench.prepareTemplates(accounts);
        accounts.removeAll(bench.missing);
        accounts = new ArrayList<>(accounts.subList(0, Math.min(users, accounts.size())));
        System.out.printf("%d users (%s), %d s, mean think time %d ms, at most %d requests%n", accounts.size(),
                summary(accounts), seconds, think, max);

        LoadBench run = new LoadBench(base, password, System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds), max,
                think);
        run.templates.putAll(bench.templates);
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String account : accounts) {
                pool.submit(() -> run.person(account));
            }
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        run.report(elapsed);
    }

    /** The demo's accounts: technicians in pairs per institute, the officer and labs, USERS of them in all. */
    static List<String> accounts(String base, String password, int users) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String auth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
        List<String> institutes = new ArrayList<>();
        List<String> labs = new ArrayList<>();
        for (int page = 0; page < 20; page++) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/organizations?size=500&page=" + page))
                    .header("Authorization", auth).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("organizations: " + r.statusCode() + " " + r.body());
            }
            Matcher m = Pattern.compile("\\{[^{}]*\"code\":\"([^\"]+)\"[^{}]*\"kind\":\"([A-Z_]+)\"").matcher(r.body());
            int found = 0;
            while (m.find()) {
                found++;
                if (m.group(2).equals("INSTITUTE")) {
                    institutes.add(m.group(1).toLowerCase(Locale.ROOT));
                } else if (m.group(2).endsWith("LAB")) {
                    labs.add(m.group(1).toLowerCase(Locale.ROOT));
                }
            }
            if (found < 500) {
                break;
            }
        }
        List<String> technicians = new ArrayList<>(List.of("tech", "reviewer"));
        for (String code : institutes) {
            technicians.add("tech-" + code);
            technicians.add("reviewer-" + code);
        }
        List<String> chosen = new ArrayList<>();
        // about three fifths technicians (in whole pairs), a few officers, the rest labs
        int pairs = Math.min(technicians.size() / 2, Math.max(1, users * 3 / 10));
        chosen.addAll(technicians.subList(0, pairs * 2));
        int officers = Math.max(1, users / 10);
        for (int i = 0; i < officers && chosen.size() < users; i++) {
            chosen.add("officer");
        }
        List<String> labAccounts = new ArrayList<>(List.of("lab1", "lab2"));
        for (String code : labs) {
            labAccounts.add("lab-" + code);
        }
        for (int i = 2; chosen.size() < users && i < labAccounts.size() + 2; i++) {
            chosen.add(labAccounts.get(i % labAccounts.size()));
        }
        return chosen;
    }

    static String summary(List<String> accounts) {
        Map<String, Integer> kinds = new LinkedHashMap<>();
        for (String a : accounts) {
            String kind = a.startsWith("tech") || a.startsWith("reviewer") ? "technicians"
                    : a.equals("officer") ? "officer sessions" : "labs";
            kinds.merge(kind, 1, Integer::sum);
        }
        List<String> parts = new ArrayList<>();
        kinds.forEach((k, n) -> parts.add(n + " " + k));
        return String.join(", ", parts);
    }

    /** Before the clock starts: each technician's draft body, from a record its institute performed (HTTP Basic). */
    void prepareTemplates(List<String> accounts) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (String account : accounts) {
            if (templates.containsKey(account) || missing.contains(account)) {
                continue;
            }
            String auth = "Basic " + Base64.getEncoder().encodeToString((account + ":" + password)
                    .getBytes(StandardCharsets.UTF_8));
            if (!isTechnician(account)) {
                // not every organization has an account of this name (the first labs are "lab1" and "lab2")
                HttpResponse<String> me = http.send(HttpRequest.newBuilder(URI.create(base + "/api/regions?size=1"))
                        .header("Authorization", auth).build(), HttpResponse.BodyHandlers.ofString());
                if (me.statusCode() == 401) {
                    missing.add(account);
                }
                continue;
            }
            HttpResponse<String> list = http.send(HttpRequest.newBuilder(URI.create(base
                    + "/api/calibrations?size=20&status=APPROVED")).header("Authorization", auth).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher ids = Pattern.compile("\"id\":(\\d+)").matcher(list.body());
            while (ids.find()) {
                HttpResponse<String> one = http.send(HttpRequest.newBuilder(URI.create(base + "/api/calibrations/"
                        + ids.group(1))).header("Authorization", auth).build(), HttpResponse.BodyHandlers.ofString());
                if (one.statusCode() == 200) {
                    Template t = template(one.body());
                    if (t != null) {
                        templates.put(account, t);
                        break;
                    }
                }
            }
            if (list.statusCode() == 401) {
                missing.add(account); // e.g. the main institute's pair is "tech"/"reviewer", not "tech-<code>"
            } else if (!templates.containsKey(account)) {
                System.out.println("no template record for " + account + " (" + list.statusCode() + "); it only reads");
            }
        }
    }

    static Template template(String json) {
        String instrument = find(json, "\"instrumentId\":(\\d+)");
        String procedure = find(json, "\"procedureCode\":\"([^\"]*)\"");
        String standards = find(json, "\"referenceStandardIds\":\\[([^\\]]*)\\]");
        String received = find(json, "\"receivedOn\":\"([^\"]+)\"");
        String calibrated = find(json, "\"calibratedOn\":\"([^\"]+)\"");
        String valid = find(json, "\"validUntil\":\"([^\"]+)\"");
        int points = json.indexOf("\"points\":[");
        if (instrument == null || procedure == null || standards == null || points < 0) {
            return null;
        }
        String point = json.substring(points);
        String nominal = find(point, "\"nominal\":([-0-9.eE+]+)");
        String unit = find(point, "\"unit\":\"([^\"]+)\"");
        if (nominal == null || unit == null) {
            return null;
        }
        double n = Double.parseDouble(nominal);
        double step = Math.max(Math.abs(n), 1) * 1e-5;
        String readings = "%s,%s,%s".formatted(n + step, n + 2 * step, n + step * 1.5);
        String body = """
                {"instrumentId":%s,"procedureCode":"%s","receivedOn":%s,"calibratedOn":%s,"validUntil":%s,
                 "referenceStandardIds":[%s],"temperatureC":20.1,"relativeHumidityPct":45,
                 "asFound":"IN_TOLERANCE","asLeft":"IN_TOLERANCE","decisionRule":"SIMPLE_ACCEPTANCE",
                 "points":[{"nominal":%s,"unit":"%s","readings":[%s],"tolerance":%s,"toleranceUnit":"%s",
                   "components":[{"name":"reference","distribution":"normal","expandedUncertainty":%s,"coverageFactor":2}]}]}"""
                .formatted(instrument, procedure, quoted(received), quoted(calibrated), quoted(valid), standards,
                        nominal, unit, readings, step * 100, unit, step);
        return new Template(body);
    }

    static String quoted(String s) {
        return s == null ? "null" : "\"" + s + "\"";
    }

    static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? m.group(1) : null;
    }

    static boolean isTechnician(String account) {
        return account.startsWith("tech") || account.startsWith("reviewer");
    }

    static String institute(String account) {
        int dash = account.indexOf('-');
        return dash < 0 ? "" : account.substring(dash + 1);
    }

    /** One person's loop until the window closes: sign in, a dozen or two clicks, sign out, again. */
    void person(String account) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        try {
            pause(random.nextInt(Math.max(1, thinkMs * 2))); // people do not all arrive in the same millisecond
            while (true) {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                        .connectTimeout(Duration.ofSeconds(10)).build();
                String csrf = signIn(http, account);
                if (csrf == null) {
                    return; // counted; trying again could lock the account
                }
                int clicks = 10 + random.nextInt(20);
                for (int i = 0; i < clicks; i++) {
                    pause(random.nextInt(Math.max(1, thinkMs * 2)));
                    csrf = click(http, account, csrf, random);
                }
                HttpResponse<String> out = send(http, "sign-out", "POST", "/logout", form(Map.of("_csrf", csrf)),
                        "application/x-www-form-urlencoded", null);
                expectRedirect(out, "sign-out", "POST", "/logout", "/login");
            }
        } catch (Stop stop) {
            // the window closed or the request budget is spent
        }
    }

    String signIn(HttpClient http, String account) {
        HttpResponse<String> page = send(http, "sign-in", "GET", "/login", null, null, null);
        if (!ok(page, "sign-in", "GET", "/login")) {
            return null;
        }
        String csrf = find(page.body(), CSRF.pattern());
        HttpResponse<String> r = send(http, "sign-in", "POST", "/login",
                form(Map.of("username", account, "password", password, "_csrf", csrf == null ? "" : csrf)),
                "application/x-www-form-urlencoded", null);
        if (!expectRedirect(r, "sign-in", "POST", "/login", null)) {
            return null;
        }
        String home = r.headers().firstValue("Location").orElse("/");
        if (home.contains("error")) {
            fail("sign-in", "POST", "/login", r.statusCode(), account + " sent back to " + home);
            return null;
        }
        HttpResponse<String> landing = send(http, "sign-in", "GET", "/", null, null, null);
        ok(landing, "sign-in", "GET", "/");
        String fresh = find(landing.body(), CSRF.pattern());
        return fresh != null ? fresh : csrf;
    }

    /** One click of this person; answers the CSRF token to use next (pages render it afresh). */
    String click(HttpClient http, String account, String csrf, ThreadLocalRandom random) {
        int dice = random.nextInt(100);
        if (account.equals("officer")) {
            return dice < 50 ? page(http, "dashboard", "/coverage", csrf) : page(http, "due list", "/schedule/due", csrf);
        }
        if (!isTechnician(account)) {
            return dice < 70 ? page(http, "portal", "/portal", csrf) : page(http, "portal", "/pt/my", csrf);
        }
        if (dice < 30) {
            return page(http, "due list", "/schedule/due", csrf);
        }
        if (dice < 45) {
            return page(http, "dashboard", "/coverage", csrf);
        }
        if (dice < 75) {
            Submitted waiting = queue(account).poll();
            if (waiting != null && !waiting.by().equals(account)) {
                return approve(http, waiting.id(), csrf);
            }
            if (waiting != null) {
                queue(account).add(waiting); // one's own draft waits for the other technician
            }
            return page(http, "review queue", "/calibrations/review", csrf);
        }
        Template t = templates.get(account);
        if (t == null) {
            return page(http, "due list", "/schedule/due", csrf);
        }
        return draftAndSubmit(http, account, t, csrf);
    }

    ConcurrentLinkedQueue<Submitted> queue(String account) {
        return reviewQueues.computeIfAbsent(institute(account), k -> new ConcurrentLinkedQueue<>());
    }

    String page(HttpClient http, String kind, String path, String csrf) {
        HttpResponse<String> r = send(http, kind, "GET", path, null, null, null);
        if (!ok(r, kind, "GET", path)) {
            return csrf;
        }
        String fresh = find(r.body(), CSRF.pattern());
        return fresh != null ? fresh : csrf;
    }

    String draftAndSubmit(HttpClient http, String account, Template t, String csrf) {
        HttpResponse<String> r = send(http, "draft", "POST", "/calibrations/drafts", t.body(), "application/json",
                csrf);
        if (r.statusCode() != 201) {
            fail("draft", "POST", "/calibrations/drafts", r.statusCode(), r.body());
            return csrf;
        }
        drafted.incrementAndGet();
        long id = Long.parseLong(find(r.body(), "\"id\":(\\d+)"));
        String path = "/calibrations/" + id;
        HttpResponse<String> view = send(http, "record page", "GET", path, null, null, null);
        if (!ok(view, "record page", "GET", path)) {
            return csrf;
        }
        String version = find(view.body(), VERSION.pattern());
        String fresh = find(view.body(), CSRF.pattern());
        csrf = fresh != null ? fresh : csrf;
        HttpResponse<String> submit = send(http, "submit", "POST", path + "/submit",
                form(Map.of("version", version == null ? "" : version, "_csrf", csrf)),
                "application/x-www-form-urlencoded", null);
        if (expectRedirect(submit, "submit", "POST", path + "/submit", path)) {
            queue(account).add(new Submitted(id, account));
        }
        return csrf;
    }

    String approve(HttpClient http, long id, String csrf) {
        String path = "/calibrations/" + id;
        HttpResponse<String> view = send(http, "record page", "GET", path, null, null, null);
        if (!ok(view, "record page", "GET", path)) {
            return csrf;
        }
        String version = find(view.body(), VERSION.pattern());
        String fresh = find(view.body(), CSRF.pattern());
        csrf = fresh != null ? fresh : csrf;
        HttpResponse<String> r = send(http, "approve", "POST", path + "/approve",
                form(Map.of("version", version == null ? "" : version, "password", password, "_csrf", csrf)),
                "application/x-www-form-urlencoded", null);
        if (expectRedirect(r, "approve", "POST", path + "/approve", path)) {
            // the record page after the redirect says whether it took: a refusal is shown there as a message
            HttpResponse<String> after = send(http, "record page", "GET", path, null, null, null);
            if (ok(after, "record page", "GET", path)) {
                if (after.body().contains("name=\"password\"")) {
                    fail("approve", "POST", path + "/approve", r.statusCode(), "still awaiting approval afterwards");
                } else {
                    approved.incrementAndGet();
                }
            }
        }
        return csrf;
    }

    HttpResponse<String> send(HttpClient http, String kind, String method, String path, String body,
            String contentType, String csrf) {
        if (System.nanoTime() > deadline || stats.requests.incrementAndGet() > maxRequests) {
            throw new Stop();
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (body != null) {
            b.method(method, HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", contentType);
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        if (csrf != null) {
            b.header("X-CSRF-TOKEN", csrf);
        }
        long start = System.nanoTime();
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            stats.samples.add(new Sample(kind, r.statusCode(), System.nanoTime() - start));
            return r;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stop();
        } catch (Exception e) {
            stats.samples.add(new Sample(kind, -1, System.nanoTime() - start));
            fail(kind, method, path, -1, e.toString());
            throw new Stop(); // a person whose connection broke leaves; the failure is counted
        }
    }

    boolean ok(HttpResponse<String> r, String kind, String method, String path) {
        if (r.statusCode() >= 200 && r.statusCode() < 300) {
            return true;
        }
        fail(kind, method, path, r.statusCode(), r.body());
        return false;
    }

    boolean expectRedirect(HttpResponse<String> r, String kind, String method, String path, String to) {
        String location = r.headers().firstValue("Location").orElse("");
        if (r.statusCode() >= 300 && r.statusCode() < 400 && (to == null || location.endsWith(to)
                || location.contains(to + "?"))) {
            return true;
        }
        fail(kind, method, path, r.statusCode(), "Location: " + location + " " + r.body());
        return false;
    }

    void fail(String kind, String method, String path, int status, String body) {
        stats.failures.add(new Failure(kind, method, path, status, body == null ? "" : body));
    }

    static String form(Map<String, String> fields) {
        List<String> parts = new ArrayList<>();
        fields.forEach((k, v) -> parts.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return String.join("&", parts);
    }

    static void pause(int ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stop();
        }
    }

    static int env(String name, int fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : Integer.parseInt(v.strip());
    }

    /** The nearest-rank percentile of sorted values (p in 0..100). */
    static long percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    void report(double elapsed) {
        Map<String, List<Long>> byKind = new LinkedHashMap<>();
        Map<String, Integer> errorsByKind = new LinkedHashMap<>();
        List<Long> all = new ArrayList<>();
        for (Sample s : stats.samples) {
            byKind.computeIfAbsent(s.kind(), k -> new ArrayList<>()).add(s.nanos());
            all.add(s.nanos());
        }
        for (Failure f : stats.failures) {
            errorsByKind.merge(f.kind(), 1, Integer::sum);
        }
        System.out.printf("%n%-15s %7s %6s %8s %8s %8s %8s%n", "kind", "count", "errors", "p50 ms", "p95 ms",
                "p99 ms", "max ms");
        List<String> kinds = new ArrayList<>(byKind.keySet());
        Collections.sort(kinds);
        for (String kind : kinds) {
            row(kind, byKind.get(kind), errorsByKind.getOrDefault(kind, 0));
        }
        row("all", all, stats.failures.size());
        // sign-in hashes the password (bcrypt, cost 10: tens of ms of one core, far more on a shared machine); the
        // latency goal is read on the rest, with sign-in's own row beside it
        List<Long> rest = new ArrayList<>();
        stats.samples.stream().filter(s -> !s.kind().equals("sign-in")).forEach(s -> rest.add(s.nanos()));
        row("all but sign-in", rest, (int) stats.failures.stream().filter(f -> !f.kind().equals("sign-in")).count());
        System.out.printf("%nthroughput %.1f requests/s (%d requests in %.1f s); %d drafts written and submitted, %d "
                + "approved%n", all.size() / elapsed, all.size(), elapsed, drafted.get(), approved.get());
        System.out.printf("errors: %d%n", stats.failures.size());
        Map<String, Integer> counts = new LinkedHashMap<>();
        stats.failures.forEach(f -> counts.merge(f.kind() + " " + (f.status() < 0 ? "transport" : f.status()), 1,
                Integer::sum));
        if (!counts.isEmpty()) {
            System.out.println("  by kind and status: " + counts);
        }
        Map<String, Failure> shown = new LinkedHashMap<>();
        stats.failures.forEach(f -> shown.putIfAbsent(f.kind() + " " + f.status(), f));
        shown.values().stream().limit(8).forEach(f -> System.out.printf("  %s %s %s -> %d %s%n", f.kind(), f.method(),
                f.path(), f.status(), f.body().replaceAll("\\s+", " ").substring(0, Math.min(200,
                        f.body().replaceAll("\\s+", " ").length()))));
    }

    static void row(String kind, List<Long> nanos, int errors) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        System.out.printf("%-15s %7d %6d %8.0f %8.0f %8.0f %8.0f%n", kind, sorted.size(), errors,
                percentile(sorted, 50) / 1e6, percentile(sorted, 95) / 1e6, percentile(sorted, 99) / 1e6,
                sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6);
    }
}
