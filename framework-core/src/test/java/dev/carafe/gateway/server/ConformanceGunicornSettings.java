package dev.carafe.gateway.server;

import dev.carafe.gateway.server.ConformancePython.Call;
import java.util.List;

/**
 * Maps a Gunicorn vector's {@code cfg.set(name, value)} lines to Carafe settings, or skips the
 * vector with the reason Carafe has no equivalent.
 */
final class ConformanceGunicornSettings {

    private ConformanceGunicornSettings() {
    }

    static ConformanceVector apply(ConformanceVector vector, List<Call> settings) {
        ConformanceVector result = vector;
        for (Call set : settings) {
            String name = String.valueOf(set.arguments().get(0));
            Object value = set.arguments().get(1);
            ConformanceProfile profile = result.profile();
            switch (name) {
                case "limit_request_line" -> result = result.on(profile.withRequestLine(number(value)));
                case "limit_request_fields" -> result = result.on(profile.withHeaderCount(number(value)));
                case "limit_request_field_size" -> {
                    int gunicorn = number(value) == 0 ? ConformanceProfile.GUNICORN_FIELD_SIZE : number(value);
                    if (gunicorn < 16) {
                        return result.skipped("cfg: limit_request_field_size=" + gunicorn
                                + " (Carafe's smallest maxHeaderFieldBytes is 16)");
                    }
                    result = result.on(profile.withFieldBytes(gunicorn));
                }
                case "header_map" -> {
                    if (!value.equals("refuse")) {
                        return result.skipped("cfg: header_map=" + value
                                + " (Carafe never maps a name with '_' to an environ key: it drops or refuses it)");
                    }
                    result = result.on(profile.withUnderscoreHeaders(ServerSettings.UnderscoreHeaders.REFUSE));
                }
                case "permit_unconventional_http_method" -> {
                    // Carafe always accepts any RFC 9110 token as a method: this is its default.
                }
                case "proxy_protocol" -> {
                    return result.skipped("cfg: proxy_protocol (Carafe has no PROXY protocol support)");
                }
                case "permit_obsolete_folding" -> {
                    return result.skipped("cfg: permit_obsolete_folding (Carafe always refuses obs-fold, "
                            + "RFC 9112 §5.2; no setting relaxes it)");
                }
                case "strip_header_spaces" -> {
                    return result.skipped("cfg: strip_header_spaces (Carafe always refuses whitespace before "
                            + "the colon, RFC 9112 §5.1 MUST; no setting relaxes it)");
                }
                case "casefold_http_method" -> {
                    return result.skipped("cfg: casefold_http_method (Carafe passes the method as received; "
                            + "methods are case-sensitive, RFC 9110 §9.1)");
                }
                case "forwarded_allow_ips" -> {
                    return result.skipped("cfg: forwarded_allow_ips (Carafe's server has no "
                            + "secure_scheme_headers; proxy headers are middleware's job)");
                }
                default -> {
                    return result.skipped("cfg: " + name + " (no Carafe equivalent)");
                }
            }
        }
        return result;
    }

    private static int number(Object value) {
        return Math.toIntExact((Long) value);
    }
}
