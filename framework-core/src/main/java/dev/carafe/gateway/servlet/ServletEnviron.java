package dev.carafe.gateway.servlet;

import dev.carafe.gateway.Environ;
import dev.carafe.gateway.host.Hosting;
import dev.carafe.gateway.host.PathSplit;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.MappingMatch;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/** Builds the environ of one Servlet request (the mapping of gateway.md §5.2). */
final class ServletEnviron {

    private ServletEnviron() {
    }

    static Map<String, Object> of(HttpServletRequest request, PrintWriter errors) {
        Map<String, Object> environ = new HashMap<>();
        String rawPath = latin1(request.getRequestURI());
        String query = request.getQueryString();
        String mount = mount(request);
        PathSplit split = PathSplit.of(rawPath, mount).orElseGet(() -> new PathSplit(mount,
                latin1(request.getPathInfo() == null ? "" : request.getPathInfo())));
        environ.put(Environ.REQUEST_METHOD, request.getMethod());
        environ.put(Environ.SCRIPT_NAME, split.scriptName());
        environ.put(Environ.PATH_INFO, split.pathInfo());
        environ.put(Environ.QUERY_STRING, query == null ? "" : latin1(query));
        String target = query == null ? rawPath : rawPath + "?" + latin1(query);
        environ.put(Environ.REQUEST_URI, target);
        environ.put(Environ.RAW_URI, target);
        environ.put(Environ.SERVER_PROTOCOL, request.getProtocol());
        environ.put(Environ.SERVER_SOFTWARE, latin1(request.getServletContext().getServerInfo()));
        for (String name : Collections.list(request.getHeaderNames())) {
            Environ.headerKey(name).filter(key -> !environ.containsKey(key)).ifPresent(key -> environ.put(key,
                    latin1(String.join(name.equalsIgnoreCase("Cookie") ? "; " : ", ",
                            Collections.list(request.getHeaders(name))))));
        }
        environ.put(Environ.SERVER_NAME, latin1(request.getServerName()));
        environ.put(Environ.SERVER_PORT, Integer.toString(request.getServerPort()));
        environ.put(Environ.REMOTE_ADDR, request.getRemoteAddr());
        environ.put(Environ.REMOTE_PORT, Integer.toString(request.getRemotePort()));
        if (request.getRemoteUser() != null) {
            environ.put("REMOTE_USER", latin1(request.getRemoteUser()));
        }
        if (request.getAuthType() != null) {
            environ.put("AUTH_TYPE", request.getAuthType());
        }
        if (request.isSecure()) {
            environ.put(Environ.HTTPS, "on");
        }
        environ.put(Environ.GATEWAY_VERSION, Environ.VERSION_1_0);
        environ.put(Environ.GATEWAY_URL_SCHEME, request.getScheme());
        environ.put(Environ.GATEWAY_INPUT, Hosting.input(new LazyInput(request)));
        environ.put(Environ.GATEWAY_ERRORS, errors);
        environ.put(Environ.GATEWAY_MULTITHREAD, Boolean.TRUE);
        environ.put(Environ.GATEWAY_MULTIPROCESS, Boolean.FALSE);
        environ.put(Environ.GATEWAY_RUN_ONCE, Boolean.FALSE);
        environ.put(Environ.GATEWAY_INPUT_TERMINATED, Boolean.TRUE);
        return environ;
    }

    /**
     * The application's mount point, decoded: the context path, plus the servlet path for a path
     * ({@code /app/*}) or exact mapping. For the default ({@code /}), extension ({@code *.do}) and
     * context-root mappings the whole path below the context is the application's. A container
     * that reports no mapping is treated as a path mapping.
     */
    static String mount(HttpServletRequest request) {
        String context = Environ.decodePath(latin1(request.getContextPath()));
        HttpServletMapping mapping = request.getHttpServletMapping();
        MappingMatch match = mapping == null ? MappingMatch.PATH : mapping.getMappingMatch();
        if (match == null || match == MappingMatch.PATH || match == MappingMatch.EXACT) {
            String mount = context + latin1(request.getServletPath());
            return mount.endsWith("/") ? mount.substring(0, mount.length() - 1) : mount;
        }
        return context;
    }

    /** One char per byte: chars above U+00FF (a container that decoded as UTF-8) become their UTF-8 bytes. */
    static String latin1(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0xFF) {
                return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
            }
        }
        return text;
    }
}
