package io.datapilot.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.datapilot.ml.features.FeatureKind;
import io.datapilot.testing.Logements;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The HTML side over real HTTP: login, CSRF, throttling, roles per page, the report sites, the prediction form. */
@org.junit.jupiter.api.Tag("slow")
class ServePagesTest {
    private final TestServer server = TestServer.shared();

    @Test
    void logsInWithASecureSessionCookieAndOutAgain() {
        TestServer.Browser browser = server.browser();
        HttpResponse<String> login = browser.login("ali.analyst", TestServer.PASSWORD);
        assertThat(login.statusCode()).isEqualTo(303);
        String cookie = login.headers().allValues("Set-Cookie").stream().filter(value -> value.startsWith(Guard.SESSION_COOKIE + "="))
                .findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly", "Secure", "SameSite=Strict", "Path=/");
        assertThat(browser.get("/").body()).contains("Connecté : ali.analyst (analyste)");
        HttpResponse<String> logout = browser.postForm("/deconnexion", Map.of("csrf", TestServer.csrf(browser.get("/").body())));
        assertThat(logout.statusCode()).isEqualTo(303);
        assertThat(browser.get("/predire/prix_eur").statusCode()).isEqualTo(302);
    }

    @Test
    void refusesAFormWithoutItsCsrfToken() {
        TestServer.Browser browser = server.browser();
        browser.get("/connexion");
        HttpResponse<String> noToken = browser.postForm("/connexion", Map.of("nom", "ali.analyst", "mot_de_passe", TestServer.PASSWORD));
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(noToken.body()).contains("anti-CSRF");
        browser.login("ali.analyst", TestServer.PASSWORD);
        HttpResponse<String> forged = browser.postForm("/predire/prix_eur", Map.of("csrf", "forged"));
        assertThat(forged.statusCode()).isEqualTo(403);
        // a cookie-authenticated API call needs the token in a header
        HttpResponse<String> api = server.send(server.request("/api/predict/prix_eur", null).header("Content-Type", "application/json")
                .header("Cookie", Guard.SESSION_COOKIE + "=" + browser.cookies.get(Guard.SESSION_COOKIE))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(api.statusCode()).isEqualTo(403);
    }

    @Test
    void opensEachPageToItsRolesOnly() {
        TestServer.Browser anonymous = server.browser();
        assertThat(anonymous.get("/").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/rgpd").statusCode()).isEqualTo(200);
        HttpResponse<String> restricted = anonymous.get("/predire/prix_eur");
        assertThat(restricted.statusCode()).isEqualTo(302);
        assertThat(restricted.headers().firstValue("Location")).hasValue("/connexion?suite=%2Fpredire%2Fprix_eur");
        assertThat(anonymous.get("/modeles/prix_eur").statusCode()).isEqualTo(302);

        TestServer.Browser viewer = server.browser();
        viewer.login("lea.viewer", TestServer.PASSWORD);
        assertThat(viewer.get("/modeles/prix_eur").statusCode()).isEqualTo(200);
        HttpResponse<String> forbidden = viewer.get("/predire/prix_eur");
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.body()).contains("il faut le rôle analyst");

        TestServer.Browser analyst = server.browser();
        analyst.login("ali.analyst", TestServer.PASSWORD);
        assertThat(analyst.get("/predire/prix_eur").statusCode()).isEqualTo(200);
    }

    @Test
    void servesTheReportSummaryToAllAndTheRestToItsRoles() {
        String date = Logements.RUN.toString();
        TestServer.Browser anonymous = server.browser();
        HttpResponse<String> summary = anonymous.get("/rapport/" + date + "/index.html");
        assertThat(summary.statusCode()).isEqualTo(200);
        assertThat(summary.body()).contains("<a href=\"/\">Application : tableau de bord</a>");
        assertThat(anonymous.get("/rapport/" + date + "/style.css").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/rapport/" + date + "/modeles.html").statusCode()).isEqualTo(302);
        assertThat(anonymous.get("/rapport/" + date + "/../../etc/passwd").statusCode()).isIn(400, 404);
        assertThat(anonymous.get("/rapport/" + date + "/%2e%2e/%2e%2e/x").statusCode()).isIn(400, 404);

        TestServer.Browser viewer = server.browser();
        viewer.login("lea.viewer", TestServer.PASSWORD);
        assertThat(viewer.get("/rapport/" + date + "/modeles.html").statusCode()).isEqualTo(200);
        assertThat(viewer.get("/rapport/" + date + "/statistiques.xlsx").statusCode()).isEqualTo(403);
        TestServer.Browser analyst = server.browser();
        analyst.login("ali.analyst", TestServer.PASSWORD);
        HttpResponse<String> workbook = analyst.get("/rapport/" + date + "/statistiques.xlsx");
        assertThat(workbook.statusCode()).isEqualTo(200);
        assertThat(workbook.headers().firstValue("Cache-Control")).hasValue("private, no-store");
        assertThat(anonymous.get("/").body()).contains("/rapport/" + date + "/index.html");
    }

    @Test
    void predictsFromTheFormInFrenchFormatsAndLinksEachErrorToItsField() {
        ServedModel model = server.server.registry().snapshot().models().get("prix_eur");
        String number = column(model, FeatureKind.NUMERIC);
        String date = column(model, FeatureKind.DATE);
        TestServer.Browser analyst = server.browser();
        analyst.login("ali.analyst", TestServer.PASSWORD);
        String page = analyst.get("/predire/prix_eur").body();
        assertThat(page).contains("<label for=\"champ-" + number + "\">").contains("aria-describedby=\"champ-" + number + "-aide\"")
                .contains("aria-live=\"polite\"").contains("<script src=\"/static/predire.js\" defer></script>")
                .doesNotContain("style=").doesNotContain("onclick");
        String csrf = TestServer.csrf(page);
        Field surface = model.field(number);
        String typed = io.datapilot.core.text.Numbers.decimal(Double.parseDouble(surface.reference()) + 0.5, 1);
        HttpResponse<String> good = analyst.postForm("/predire/prix_eur", Map.of("csrf", csrf, number, typed, date, "15/03/2024",
                column(model, FeatureKind.BOOLEAN), "oui", column(model, FeatureKind.CATEGORICAL), model.field(column(model, FeatureKind.CATEGORICAL)).values().get(0)));
        assertThat(good.statusCode()).as(good.body()).isEqualTo(200);
        assertThat(good.body()).contains("<p class=\"prediction\">").contains("90 % des valeurs réelles");
        HttpResponse<String> bad = analyst.postForm("/predire/prix_eur", Map.of("csrf", csrf, number, "beaucoup", date, "31/02/2024"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("id=\"erreurs\"").contains("<a href=\"#champ-" + number + "\">")
                .contains("aria-describedby=\"champ-" + number + "-aide champ-" + number + "-erreur\" aria-invalid=\"true\"")
                .contains("id=\"champ-" + number + "-erreur\">Erreur : « beaucoup » n&apos;est pas un nombre")
                .contains("<a href=\"#champ-" + date + "\">").contains("date illisible « 31/02/2024 »").contains("value=\"beaucoup\"");
    }

    private static String column(ServedModel model, FeatureKind kind) {
        return model.fields().stream().filter(field -> field.kind() == kind).findFirst().orElseThrow().column();
    }

    @Test
    void slowsDownPasswordGuessing(@org.junit.jupiter.api.io.TempDir java.nio.file.Path empty) {
        // a server of its own: the throttle counts per client address, and every test comes from 127.0.0.1
        Logements.Run run = Logements.run();
        try (TestServer own = TestServer.own(run.warehouse(), run.reports())) {
            TestServer.Browser guesser = own.browser();
            for (int attempt = 1; attempt <= LoginThrottle.FREE_ATTEMPTS; attempt++) {
                assertThat(guesser.login("ali.analyst", "wrong " + attempt).statusCode()).isEqualTo(401);
            }
            HttpResponse<String> throttled = guesser.login("ali.analyst", TestServer.PASSWORD);
            assertThat(throttled.statusCode()).isEqualTo(429);
            assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
            assertThat(throttled.body()).contains("Trop d&apos;essais");
            // the right password does not get through during the wait, nor does another name from the same address
            assertThat(own.browser().login("lea.viewer", TestServer.PASSWORD).statusCode()).isEqualTo(429);
        }
    }

    @Test
    void sendsALoginBackToTheSamesSiteOnly() {
        TestServer.Browser browser = server.browser();
        String csrf = TestServer.csrf(browser.get("/connexion").body());
        HttpResponse<String> away = browser.postForm("/connexion", Map.of("csrf", csrf, "nom", "ali.analyst", "mot_de_passe", TestServer.PASSWORD,
                "suite", "//evil.example/"));
        assertThat(away.headers().firstValue("Location")).hasValue("/");
    }
}
