package dev.carafe.gateway.server;

import dev.carafe.gateway.middleware.ProxyFix;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the arguments of {@link Main}: the application ({@code CLASS[:MEMBER]}) and the flags of
 * {@link CommandLineFlag#all()} ({@code --flag value} or {@code --flag=value}), into what to do.
 */
final class CommandLine {

    /** What the command line asks for. */
    sealed interface Invocation {
    }

    /**
     * Serve an application.
     *
     * @param app the application, {@code CLASS} or {@code CLASS:MEMBER}
     * @param settings the server settings
     * @param proxyFix the middleware {@code --proxy-fix} wraps the application in, if given
     */
    record Serve(String app, ServerSettings settings, Optional<ProxyFix> proxyFix) implements Invocation {
    }

    /** Print the usage text. */
    record Help() implements Invocation {
    }

    /** Print the version. */
    record Version() implements Invocation {
    }

    private static final String PROXY_FIX = "--proxy-fix";
    private static final String PROXY_FIX_VALUE = "for=1,proto=1,...";
    private static final String ALLOW_IPS = "--forwarded-allow-ips";
    private static final String ALLOW_IPS_VALUE = "LIST";
    private static final String ALLOW_IPS_EXAMPLE = "10.0.0.5,10.1.0.0/16,fd00::/8 or *";

    static final String SYNOPSIS = "usage: java -cp CLASSPATH dev.carafe.gateway.server.Main CLASS[:MEMBER] [flags]";

    private CommandLine() {
    }

    static Invocation parse(String... args) throws CommandLineException {
        List<CommandLineFlag> flags = CommandLineFlag.all();
        ServerSettings.Builder settings = ServerSettings.builder();
        Optional<String> app = Optional.empty();
        Optional<ProxyFix.Builder> proxyFix = Optional.empty();
        Optional<String> allowIps = Optional.empty();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                return new Help();
            }
            if (arg.equals("--version")) {
                return new Version();
            }
            if (!arg.startsWith("-")) {
                if (app.isPresent()) {
                    throw new CommandLineException("unexpected argument '" + arg + "': the application is already '"
                            + app.get() + "' (one application per server)");
                }
                app = Optional.of(arg);
                continue;
            }
            int equals = arg.indexOf('=');
            String name = equals > 0 ? arg.substring(0, equals) : arg;
            if (name.equals(PROXY_FIX) || name.equals(ALLOW_IPS)) {   // not server settings: they wrap the app
                boolean fix = name.equals(PROXY_FIX);
                if (equals < 0 && i + 1 >= args.length) {
                    String form = fix ? PROXY_FIX_VALUE : ALLOW_IPS_EXAMPLE;
                    throw new CommandLineException(name + " needs a value: " + form);
                }
                String value = equals > 0 ? arg.substring(equals + 1) : args[++i];
                if (fix) {
                    proxyFix = Optional.of(CommandLineValues.proxyFix(name, value));
                } else {
                    allowIps = Optional.of(value);
                }
                continue;
            }
            CommandLineFlag flag = flags.stream().filter(f -> f.name().equals(name)).findFirst()
                    .orElseThrow(() -> new CommandLineException("unknown flag '" + name + "' (see --help)"));
            String value = "";
            if (flag.takesValue()) {
                if (equals > 0) {
                    value = arg.substring(equals + 1);
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    throw new CommandLineException(name + " needs a value: " + flag.value());
                }
            } else if (equals > 0) {
                throw new CommandLineException(name + " takes no value, got '" + arg.substring(equals + 1) + "'");
            }
            try {
                flag.setting().apply(settings, name, value);
            } catch (IllegalArgumentException e) {
                throw new CommandLineException(name + ": " + e.getMessage());
            }
        }
        if (app.isEmpty()) {
            throw new CommandLineException("missing the application to serve, CLASS or CLASS:MEMBER, for example "
                    + "com.example.Hello:app\n" + SYNOPSIS + " (see --help)");
        }
        if (allowIps.isPresent()) {
            if (proxyFix.isEmpty()) {
                throw new CommandLineException(ALLOW_IPS + " names the proxies whose headers " + PROXY_FIX
                        + " believes, but " + PROXY_FIX + " is not given: add " + PROXY_FIX
                        + " for=1,proto=1 (or the headers your proxy sets), or leave " + ALLOW_IPS + " out");
            }
            CommandLineValues.trustedProxies(ALLOW_IPS, allowIps.get(), proxyFix.get());
        }
        return new Serve(app.get(), settings.build(), proxyFix.map(ProxyFix.Builder::build));
    }

    /** @return the text {@code --help} prints: synopsis, how to name the application, every flag with its default */
    static String usage() {
        StringBuilder text = new StringBuilder(SYNOPSIS).append("\n\n")
                .append("Serves a Carafe gateway Application over HTTP/1.1, like 'gunicorn module:app'.\n\n")
                .append("CLASS:MEMBER names a public static field holding an Application, or a public static\n")
                .append("no-argument method returning one; CLASS alone names a class that implements\n")
                .append("dev.carafe.gateway.Application with a public no-argument constructor.\n\n")
                .append("Flags (--flag VALUE or --flag=VALUE):\n");
        for (CommandLineFlag flag : CommandLineFlag.all()) {
            String head = "  " + flag.name() + (flag.takesValue() ? " " + flag.value() : "");
            text.append(head).append(head.length() < 34 ? " ".repeat(34 - head.length()) : "\n" + " ".repeat(34))
                    .append(flag.help());
            if (!flag.byDefault().isEmpty()) {
                text.append(" (default: ").append(flag.byDefault()).append(')');
            }
            text.append('\n');
        }
        text.append(String.format(Locale.ROOT, "  %-32s%s%n%34s%s%n", PROXY_FIX + " " + PROXY_FIX_VALUE,
                "behind proxies: trust X-Forwarded-For/-Proto (for=, proto=), -Host, -Port, -Prefix", "",
                "(host=, port=, prefix=) or Forwarded (forwarded=), each from that many proxies (default: off)"));
        text.append(String.format(Locale.ROOT, "  %-32s%s%n%34s%s%n", ALLOW_IPS + " " + ALLOW_IPS_VALUE,
                "with --proxy-fix: the proxies whose headers are believed, comma-separated IP", "",
                "addresses and CIDR networks (10.0.0.5,fd00::/8), or * for every peer (default: 127.0.0.1,::1)"));
        text.append(String.format(Locale.ROOT, "  %-32s%s%n  %-32s%s%n", "--help", "print this text and exit",
                "--version", "print the version and exit"));
        text.append("\nExit status: 143 after a graceful stop on SIGTERM, 130 on Ctrl-C (SIGINT), as for any JVM;\n")
                .append("1 if the server cannot start, 2 for a bad flag, value or application.\n");
        return text.toString();
    }
}
