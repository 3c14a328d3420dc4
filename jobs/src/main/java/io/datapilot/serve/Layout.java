package io.datapilot.serve;

import static io.datapilot.core.text.Html.escape;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The frame of every page of the application: language, title, skip link, header, the navigation
 * (with the current page marked), main, footer. No inline script or style: the Content-Security-Policy
 * forbids them; the style sheets and the one script are files of {@code /static/}.
 */
final class Layout {
    /** What the navigation shows for the person asking. */
    record Viewer(String user, Role role, String csrf) {
        boolean may(Role needed) {
            return role.includes(needed);
        }
    }

    private final String siteTitle;
    private final Map<String, String> targets;

    /** @param targets each served target's label, by target */
    Layout(String siteTitle, Map<String, String> targets) {
        this.siteTitle = siteTitle;
        this.targets = new LinkedHashMap<>(targets);
    }

    String page(String path, String title, Viewer viewer, String main, boolean script) {
        StringBuilder out = new StringBuilder(16_000);
        out.append("<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(escape(title + " – " + siteTitle)).append("</title>\n")
                .append("<link rel=\"stylesheet\" href=\"/static/style.css\">\n<link rel=\"stylesheet\" href=\"/static/app.css\">\n");
        if (script) {
            out.append("<script src=\"/static/predire.js\" defer></script>\n");
        }
        out.append("</head>\n<body>\n<a class=\"skip-link\" href=\"#contenu\">Aller au contenu</a>\n")
                .append("<header class=\"site-header\">\n<p class=\"site-title\">").append(escape(siteTitle)).append("</p>\n")
                .append("<p class=\"site-subtitle\">").append(viewer.user() == null ? "Non connecté"
                        : "Connecté : " + escape(viewer.user()) + " (" + escape(roleName(viewer.role())) + ")").append("</p>\n</header>\n")
                .append(navigation(path, viewer))
                .append("<main id=\"contenu\" tabindex=\"-1\">\n<h1>").append(escape(title)).append("</h1>\n")
                .append(main)
                .append("</main>\n<footer class=\"site-footer\">\n<p>datapilot – les prédictions sont une aide à la décision, "
                        + "jamais une décision automatique : voir la <a href=\"/rgpd\">notice RGPD</a>.</p>\n</footer>\n</body>\n</html>\n");
        return out.toString();
    }

    private String navigation(String path, Viewer viewer) {
        StringBuilder out = new StringBuilder("<nav class=\"site-nav\" aria-label=\"Navigation principale\">\n<ul>\n");
        link(out, "/", "Tableau de bord", path);
        if (viewer.may(Role.ANALYST)) {
            targets.forEach((target, label) -> link(out, "/predire/" + target, "Prédire : " + label, path));
        }
        link(out, "/rgpd", "Notice RGPD", path);
        if (viewer.user() == null) {
            link(out, "/connexion", "Se connecter", path);
        }
        out.append("</ul>\n</nav>\n");
        if (viewer.user() != null) {
            out.append("<form class=\"logout\" method=\"post\" action=\"/deconnexion\">\n")
                    .append("<input type=\"hidden\" name=\"csrf\" value=\"").append(escape(viewer.csrf())).append("\">\n")
                    .append("<button type=\"submit\">Se déconnecter</button>\n</form>\n");
        }
        return out.toString();
    }

    private static void link(StringBuilder out, String href, String text, String path) {
        out.append("<li><a href=\"").append(escape(href)).append('"').append(href.equals(path) ? " aria-current=\"page\"" : "")
                .append('>').append(escape(text)).append("</a></li>\n");
    }

    static String roleName(Role role) {
        return switch (role) {
            case PUBLIC -> "public";
            case VIEWER -> "lecteur";
            case ANALYST -> "analyste";
            case ADMIN -> "administrateur";
        };
    }

    /** The links the report's own pages get in their navigation, back to the application. */
    static String reportLinks() {
        return "<li><a href=\"/\">Application : tableau de bord</a></li>\n<li><a href=\"/rgpd\">Notice RGPD</a></li>\n";
    }
}
