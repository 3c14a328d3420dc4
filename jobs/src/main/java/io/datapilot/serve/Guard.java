package io.datapilot.serve;

import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Who is asking, and whether they may: an API token ({@code Authorization: Bearer …}) or the session
 * cookie identifies the user; each route declares the role it needs; forms and cookie-authenticated
 * API calls must carry the session's CSRF token. Also sets the security headers of every answer.
 */
final class Guard {
    static final String SESSION_COOKIE = "dp_session";
    static final String LOGIN_CSRF_COOKIE = "dp_csrf";
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String VIEWER = "datapilot.viewer";
    private static final String SESSION = "datapilot.session";
    static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private final Sessions sessions;
    private final java.util.function.Supplier<Users> users;
    private final boolean https;

    Guard(Sessions sessions, java.util.function.Supplier<Users> users, boolean https) {
        this.sessions = sessions;
        this.users = users;
        this.https = https;
    }

    /** Before every request: the headers, and who is asking. */
    void identify(Context ctx) {
        ctx.header("Content-Security-Policy", POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        // predictions and pages show inputs and names: no cache keeps them, unless a handler says otherwise (static files)
        ctx.header("Cache-Control", "no-store");
        if (https) {
            ctx.header("Strict-Transport-Security", "max-age=31536000");
        }
        String authorization = ctx.header("Authorization");
        Layout.Viewer viewer = new Layout.Viewer(null, Role.PUBLIC, null);
        if (authorization != null) {
            if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                throw new Refusal(401, "unauthorized", "Authorization doit être « Bearer <jeton> » : un jeton d'API créé par datapilot serve --add-user");
            }
            Users.User user = users.get().byToken(authorization.substring(7).strip());
            if (user == null) {
                throw new Refusal(401, "unauthorized", "Jeton d'API inconnu : vérifiez-le, ou créez-en un avec datapilot serve --add-user NOM --role ROLE");
            }
            viewer = new Layout.Viewer(user.name(), user.role(), null);
        } else {
            Sessions.Session session = sessions.find(ctx.cookie(SESSION_COOKIE));
            if (session != null) {
                viewer = new Layout.Viewer(session.user(), session.role(), session.csrf());
                ctx.req().setAttribute(SESSION, session);
            }
        }
        ctx.req().setAttribute(VIEWER, viewer);
    }

    /** Before a matched route: its role, and the CSRF token of a form or a cookie-authenticated API call. */
    void authorise(Context ctx) {
        Role needed = Role.PUBLIC;
        for (RouteRole role : ctx.routeRoles()) {
            if (role instanceof Role declared && declared.includes(needed)) {
                needed = declared;
            }
        }
        require(ctx, needed);
        if (!"POST".equals(ctx.method().name())) {
            return;
        }
        Sessions.Session session = (Sessions.Session) ctx.req().getAttribute(SESSION);
        boolean api = ctx.path().startsWith("/api/");
        if (api && session == null) {
            return;  // a bearer token, which a browser does not send by itself
        }
        String expected = session != null ? session.csrf() : ctx.cookie(LOGIN_CSRF_COOKIE);
        String sent = api ? ctx.header(CSRF_HEADER) : ctx.formParam("csrf");
        if (expected == null || sent == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8))) {
            throw new Refusal(403, "csrf", "Jeton anti-CSRF absent ou périmé : rechargez la page puis envoyez de nouveau le formulaire");
        }
    }

    /** Refuses the request unless its user has the role: 401 (or the login page) when anonymous, 403 otherwise. */
    void require(Context ctx, Role needed) {
        Layout.Viewer viewer = viewer(ctx);
        if (viewer.role().includes(needed)) {
            return;
        }
        boolean page = !ctx.path().startsWith("/api/") && !ctx.path().equals("/metrics");
        if (viewer.user() == null) {
            if (page && "GET".equals(ctx.method().name())) {
                throw new Redirect("/connexion?suite=" + URLEncoder.encode(ctx.path(), StandardCharsets.UTF_8));
            }
            ctx.header("WWW-Authenticate", "Bearer realm=\"datapilot\"");
            throw new Refusal(401, "unauthorized", "Connexion requise : envoyez un jeton d'API (Authorization: Bearer …) ou connectez-vous");
        }
        throw new Refusal(403, "forbidden", "Votre rôle (" + viewer.role().key() + ") ne donne pas accès à cette page ; il faut le rôle "
                + needed.key() + " : demandez-le à un administrateur");
    }

    static Layout.Viewer viewer(Context ctx) {
        Object viewer = ctx.req().getAttribute(VIEWER);
        return viewer instanceof Layout.Viewer known ? known : new Layout.Viewer(null, Role.PUBLIC, null);
    }

    static Sessions.Session session(Context ctx) {
        return (Sessions.Session) ctx.req().getAttribute(SESSION);
    }

    /** The CSRF token of the login form of an anonymous visitor, set in a cookie of its own. */
    String loginCsrf(Context ctx) {
        String token = ctx.cookie(LOGIN_CSRF_COOKIE);
        if (token == null || token.length() < 20) {
            token = Sessions.token();
            ctx.res().addHeader("Set-Cookie", cookie(LOGIN_CSRF_COOKIE, token, -1));
        }
        return token;
    }

    String cookie(String name, String value, long maxAgeSeconds) {
        // Secure even on plain HTTP: browsers keep such cookies for localhost, and nowhere else without TLS
        return name + "=" + value + "; Path=/; HttpOnly; Secure; SameSite=Strict"
                + (maxAgeSeconds >= 0 ? "; Max-Age=" + maxAgeSeconds : "");
    }

    Sessions sessions() {
        return sessions;
    }

    Users users() {
        return users.get();
    }

    /** A page that needs a login sends the browser to it, and back afterwards. */
    static final class Redirect extends RuntimeException {
        final String location;

        Redirect(String location) {
            super(location, null, false, false);
            this.location = location;
        }
    }
}
