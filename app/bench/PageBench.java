import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Page-time bench (app/bench/pages.sh): one person per role opens every main page of the journeys ROUNDS times, one
 * after another (no concurrency), and the server's answer time per page is printed as p50, p95 and max, with the
 * page's size. Record, instrument, standard, certificate and PT round pages are opened with ids found in the lists
 * the same person sees, so every role opens its own records. Goal (issues on the bench and officer pages): p95 under
 * 300 ms per page on the scale-1 demo; a page over it is marked.
 *
 * Run with the JDK's source launcher: {@code java PageBench.java <base-url>}; settings by environment: ROUNDS (20),
 * WARMUP (3), PASSWORD (demo2026), LANG (en; zh-CN opens the pages in Chinese). Only loopback addresses are accepted.
 */
public final class PageBench {

    static final Pattern CSRF = Pattern.compile("(?:name=\"_csrf\"\\s+value|data-csrf)=\"([^\"]+)\"");

    record Page(String role, String name, String path) {
    }

    record Timing(Page page, long[] nanos, int bytes, int status) {
        double percentile(double p) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            int rank = (int) Math.ceil(p * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, rank))] / 1e6;
        }
    }

    final String base;
    final String password;
    final String lang;

    PageBench(String base, String password, String lang) {
        this.base = base;
        this.password = password;
        this.lang = lang;
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
        String host = URI.create(base).getHost();
        if (!host.equals("127.0.0.1") && !host.equals("localhost") && !host.equals("[::1]")) {
            throw new IllegalArgumentException("the page bench sends traffic to loopback only, not " + host);
        }
        int rounds = Integer.parseInt(System.getenv().getOrDefault("ROUNDS", "20"));
        int warmup = Integer.parseInt(System.getenv().getOrDefault("WARMUP", "3"));
        PageBench bench = new PageBench(base, System.getenv().getOrDefault("PASSWORD", "demo2026"),
                System.getenv().getOrDefault("LANG_TAG", "en"));
        List<Timing> timings = new ArrayList<>();
        for (String role : List.of("tech", "reviewer", "officer", "lab1", "admin")) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            bench.signIn(http, role);
            for (Page page : bench.pages(http, role)) {
                timings.add(bench.time(http, page, warmup, rounds));
            }
        }
        System.out.printf("%-9s %-28s %5s %8s %8s %8s %8s  %s%n", "role", "page", "code", "p50 ms", "p95 ms",
                "max ms", "KB", "path");
        int over = 0;
        for (Timing t : timings) {
            boolean slow = t.percentile(0.95) > 300 || t.status() != 200;
            over += slow ? 1 : 0;
            System.out.printf("%-9s %-28s %5d %8.0f %8.0f %8.0f %8.0f  %s%s%n", t.page().role(), t.page().name(),
                    t.status(), t.percentile(0.5), t.percentile(0.95), t.percentile(1.0), t.bytes() / 1024.0,
                    t.page().path(), slow ? "   <-- over 300 ms or not 200" : "");
        }
        double worst = timings.stream().mapToDouble(t -> t.percentile(0.95)).max().orElse(0);
        System.out.printf("%d pages, %d rounds each; worst p95 %.0f ms; %d over 300 ms or not 200%n", timings.size(),
                rounds, worst, over);
    }

    /** The role's pages; ids come from what the role's own lists link to. */
    List<Page> pages(HttpClient http, String role) {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("home", "/");
        switch (role) {
            case "tech", "reviewer" -> {
                pages.put("my work", "/my-work");
                pages.put("calibrations", "/calibrations");
                pages.put("review queue", "/calibrations/review");
                pages.put("new calibration", "/calibrations/new");
                pages.put("due list", "/schedule/due");
                pages.put("instruments", "/registry/instruments");
                pages.put("standards", "/registry/standards");
                pages.put("certificates", "/certificates");
                pages.put("batch issue", "/certificates/batches/new");
                pages.put("procedure templates", "/procedures");
                first(http, "/procedures", "/procedures/(\\d+)\"").ifPresent(id -> pages.put("procedure", "/procedures/" + id));
                first(http, "/calibrations", "/calibrations/(\\d+)\"").ifPresent(id -> {
                    pages.put("record", "/calibrations/" + id);
                    pages.put("certificate preview (PDF)", "/calibrations/" + id + "/certificate-preview.pdf");
                });
                first(http, "/registry/instruments", "/instruments/(\\d+)\"").ifPresent(id -> pages.put("instrument", "/instruments/" + id));
                first(http, "/registry/standards", "/registry/standards/(\\d+)\"").ifPresent(id -> pages.put("standard", "/registry/standards/" + id));
                first(http, "/certificates", "/certificates/((?!issue|batches|export)[A-Z][A-Za-z0-9-]+)\"").ifPresent(n -> pages.put("certificate", "/certificates/" + n));
            }
            case "officer" -> {
                pages.put("coverage dashboard", "/coverage");
                pages.put("demand", "/coverage/demand");
                pages.put("due list", "/schedule/due");
                pages.put("standards", "/registry/standards");
                pages.put("PT rounds", "/pt/rounds");
                first(http, "/registry/standards", "/registry/standards/(\\d+)\"").ifPresent(id -> pages.put("standard", "/registry/standards/" + id));
                first(http, "/registry/standards", "/registry/standards/(\\d+)\"").ifPresent(id -> {
                    pages.put("traceability chain", "/standards/" + id + "/chain");
                    pages.put("recall impact", "/standards/" + id + "/impact");
                });
                first(http, "/pt/rounds", "/pt/rounds/(\\d+)\"").ifPresent(id -> pages.put("PT round", "/pt/rounds/" + id));
            }
            case "lab1" -> {
                pages.put("portal", "/portal");
                pages.put("my PT", "/pt/my");
                pages.put("certificates", "/certificates");
                first(http, "/certificates", "/certificates/((?!issue|batches|export)[A-Z][A-Za-z0-9-]+)\"").ifPresent(n -> pages.put("certificate", "/certificates/" + n));
            }
            case "admin" -> {
                pages.put("accounts", "/accounts");
                pages.put("organizations", "/organizations");
            }
            default -> throw new IllegalArgumentException(role);
        }
        return pages.entrySet().stream().map(e -> new Page(role, e.getKey(), e.getValue())).collect(Collectors.toList());
    }

    java.util.Optional<String> first(HttpClient http, String list, String regex) {
        HttpResponse<String> r = get(http, list);
        Matcher m = Pattern.compile(regex).matcher(r.body());
        return m.find() ? java.util.Optional.of(m.group(1)) : java.util.Optional.empty();
    }

    Timing time(HttpClient http, Page page, int warmup, int rounds) {
        for (int i = 0; i < warmup; i++) {
            get(http, page.path());
        }
        long[] nanos = new long[rounds];
        int bytes = 0;
        int status = 200;
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = get(http, page.path());
            nanos[i] = System.nanoTime() - t0;
            bytes = r.body().getBytes(StandardCharsets.UTF_8).length;
            if (r.statusCode() != 200) {
                status = r.statusCode();
            }
        }
        return new Timing(page, nanos, bytes, status);
    }

    void signIn(HttpClient http, String account) {
        String csrf = find(get(http, "/login").body());
        HttpResponse<String> r = send(http, HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(account) + "&password=" + enc(password)
                        + "&_csrf=" + enc(csrf == null ? "" : csrf))));
        String location = r.headers().firstValue("Location").orElse("");
        if (r.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException(account + " could not sign in: " + r.statusCode() + " " + location);
        }
    }

    HttpResponse<String> get(HttpClient http, String path) {
        String sep = path.contains("?") ? "&" : "?";
        return send(http, HttpRequest.newBuilder(URI.create(base + path + (lang.equals("en") ? "" : sep + "lang=" + lang))).GET());
    }

    static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String find(String body) {
        Matcher m = CSRF.matcher(body);
        return m.find() ? m.group(1) : null;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
