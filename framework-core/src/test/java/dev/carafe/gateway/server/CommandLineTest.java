package dev.carafe.gateway.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carafe.gateway.Application;
import dev.carafe.gateway.Environ;
import dev.carafe.gateway.testing.TestClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommandLineTest {

    private static ServerSettings settings(String... args) throws CommandLineException {
        return assertInstanceOf(CommandLine.Serve.class, CommandLine.parse(args)).settings();
    }

    private static String failure(String... args) {
        return assertThrows(CommandLineException.class, () -> CommandLine.parse(args)).getMessage();
    }

    @Test
    void everyFlagSetsItsSetting() throws CommandLineException {
        ServerSettings s = settings("com.example.Hello:app", "--bind", "0.0.0.0:8080", "--backlog", "64",
                "--max-connections", "500", "--threads", "platform", "--platform-threads", "16", "--io-threads", "3",
                "--limit-request-line", "4096", "--limit-request-fields", "50", "--limit-request-field-size", "4000",
                "--limit-request-head", "32768", "--max-body-size", "512KB", "--header-timeout", "2.5",
                "--keep-alive", "500ms", "--body-timeout", "7s", "--write-timeout", "60s",
                "--graceful-timeout", "0", "--no-require-host",
                "--underscore-headers", "refuse", "--server-header", "Edge", "--url-scheme", "https",
                "--script-name", "/app", "--access-log", "-", "--access-log-format", "%(h)s %(s)s",
                "--env", "myapp.mode=production", "--env", "myapp.empty=");
        assertEquals("0.0.0.0", s.host());
        assertEquals(8080, s.port());
        assertEquals(64, s.backlog());
        assertEquals(500, s.maxConnections());
        assertEquals(ServerSettings.ThreadMode.PLATFORM, s.threadMode());
        assertEquals(16, s.platformThreads());
        assertEquals(3, s.ioThreads());
        assertEquals(4096, s.maxRequestLineBytes());
        assertEquals(50, s.maxHeaderCount());
        assertEquals(4000, s.maxHeaderFieldBytes());
        assertEquals(32768, s.maxHeaderBytes());
        assertEquals(512 * 1024, s.maxBodyBytes());
        assertEquals(Duration.ofMillis(2500), s.headerTimeout());
        assertEquals(Duration.ofMillis(500), s.keepAliveTimeout());
        assertEquals(Duration.ofSeconds(7), s.bodyTimeout());
        assertEquals(Duration.ofMinutes(1), s.writeTimeout());
        assertEquals(Duration.ZERO, s.gracefulTimeout());
        assertEquals(false, s.requireHost());
        assertEquals(ServerSettings.UnderscoreHeaders.REFUSE, s.underscoreHeaders());
        assertEquals(Optional.of("Edge"), s.serverHeader());
        assertEquals("https", s.urlScheme());
        assertEquals("/app", s.scriptName());
        assertEquals(Optional.of("-"), s.accessLog());
        assertEquals("%(h)s %(s)s", s.accessLogFormat());
        assertEquals(Map.of("myapp.mode", "production", "myapp.empty", ""), s.environ());
    }

    @Test
    void withoutFlagsTheSettingsAreTheDefaults() throws CommandLineException {
        assertEquals(ServerSettings.defaults().toString(), settings("com.example.Hello").toString());
    }

    @Test
    void flagsTakeTheirValueAfterAnEqualsSignToo() throws CommandLineException {
        ServerSettings s = settings("--bind=[::1]:9000", "--max-body-size=10MB", "--no-server-header", "A:app");
        assertEquals("::1", s.host());
        assertEquals(9000, s.port());
        assertEquals(10L * 1024 * 1024, s.maxBodyBytes());
        assertEquals(Optional.empty(), s.serverHeader());
    }

    @Test
    void helpAndVersionNeedNoApplication() throws CommandLineException {
        assertInstanceOf(CommandLine.Help.class, CommandLine.parse("--backlog", "5", "--help"));
        assertInstanceOf(CommandLine.Version.class, CommandLine.parse("--version"));
    }

    @Test
    void theUsageListsEveryFlagWithItsDefault() {
        String usage = CommandLine.usage();
        for (CommandLineFlag flag : CommandLineFlag.all()) {
            assertTrue(usage.contains(flag.name()), flag.name());
            assertTrue(flag.byDefault().isEmpty() || usage.contains("(default: " + flag.byDefault() + ")"), flag.name());
        }
        assertTrue(usage.contains("  --bind HOST:PORT                address to listen on; port 0 picks a free port; "
                + "IPv6 as [::1]:8000 (default: 127.0.0.1:8000)\n"));
        assertTrue(usage.contains("--max-body-size SIZE") && usage.contains("(default: 10MB)"));
        assertTrue(usage.contains("--help") && usage.contains("--version"));
    }

    @Test
    void badFlagsAndValuesNameTheFlagTheValueAndWhatIsExpected() {
        assertEquals("unknown flag '--bnd' (see --help)", failure("A:app", "--bnd", "1"));
        assertEquals("--backlog needs a value: N", failure("A:app", "--backlog"));
        assertEquals("--backlog: expected a whole number of 1 or more, got 'many'", failure("A:app", "--backlog", "many"));
        assertEquals("--max-body-size: expected a size in bytes, or with a unit KB, MB or GB, for example 10MB, "
                + "got '10 parsecs'", failure("A:app", "--max-body-size", "10 parsecs"));
        assertEquals("--keep-alive: expected seconds (30, 2.5, 30s) or milliseconds (500ms), got '5min'",
                failure("A:app", "--keep-alive", "5min"));
        assertEquals("--bind: expected HOST:PORT, for example 127.0.0.1:8000, 0.0.0.0:8080 or [::1]:8000, "
                + "got '8000'", failure("A:app", "--bind", "8000"));
        assertEquals("--bind: expected HOST:PORT, for example 127.0.0.1:8000, 0.0.0.0:8080 or [::1]:8000 "
                + "(put an IPv6 address in brackets), got '::1:8000'", failure("A:app", "--bind", "::1:8000"));
        assertEquals("--bind: expected HOST:PORT, for example 127.0.0.1:8000, 0.0.0.0:8080 or [::1]:8000 "
                + "with a port from 0 to 65535, got 'localhost:70000'", failure("A:app", "--bind", "localhost:70000"));
        assertEquals("--threads: expected one of auto|virtual|platform|hybrid, got 'green'",
                failure("A:app", "--threads", "green"));
        assertEquals("--env: expected NAME=VALUE, for example myapp.mode=production, got 'novalue'",
                failure("A:app", "--env", "novalue"));
        assertEquals("--no-server-header takes no value, got 'x'", failure("A:app", "--no-server-header=x"));
    }

    @Test
    void aValueTheSettingsRefuseKeepsTheirExplanation() {
        assertEquals("--limit-request-line: maxRequestLineBytes must be 16.., got 8",
                failure("A:app", "--limit-request-line", "8"));
        assertEquals("--url-scheme: urlScheme must be \"http\" or \"https\", got \"ftp\"",
                failure("A:app", "--url-scheme", "ftp"));
    }

    @Test
    void theApplicationIsRequiredAndUnique() {
        assertEquals("missing the application to serve, CLASS or CLASS:MEMBER, for example com.example.Hello:app\n"
                + CommandLine.SYNOPSIS + " (see --help)", failure("--backlog", "5"));
        assertEquals("unexpected argument 'B:app': the application is already 'A:app' (one application per server)",
                failure("A:app", "B:app"));
    }

    @Test
    void sizesAndDurationsReadTheirUnits() throws CommandLineException {
        assertEquals(2048, CommandLineValues.size("--x", "2kb"));
        assertEquals(3L << 30, CommandLineValues.size("--x", "3GiB"));
        assertEquals(123, CommandLineValues.size("--x", "123"));
        assertEquals(Duration.ofSeconds(30), CommandLineValues.duration("--x", "30"));
        assertEquals(Duration.ofMillis(250), CommandLineValues.duration("--x", "0.25s"));
    }

    @Test
    void proxyFixTakesAHopCountPerHeaderAndRefusesAnythingElse() throws Exception {
        CommandLine.Serve serve = (CommandLine.Serve) CommandLine.parse("a.B:app", "--proxy-fix", "for=2,host=1");
        assertTrue(serve.proxyFix().isPresent());
        assertTrue(((CommandLine.Serve) CommandLine.parse("a.B:app")).proxyFix().isEmpty());
        assertEquals("--proxy-fix: expected HEADER=HOPS,... with HEADER one of for, proto, host, port, prefix, "
                + "forwarded and HOPS a number of proxies, for example for=1,proto=1,host=1, got 'fro=1'",
                assertThrows(CommandLineException.class, () -> CommandLine.parse("a.B:app", "--proxy-fix=fro=1"))
                        .getMessage());
        assertEquals("--proxy-fix: expected a whole number of 0 or more, got 'x'",
                assertThrows(CommandLineException.class, () -> CommandLine.parse("a.B:app", "--proxy-fix", "for=x"))
                        .getMessage());
        assertEquals("--proxy-fix needs a value: for=1,proto=1,...",
                assertThrows(CommandLineException.class, () -> CommandLine.parse("a.B:app", "--proxy-fix"))
                        .getMessage());
    }

    @Test
    void forwardedAllowIpsNamesTheProxiesWhoseHeadersProxyFixBelieves() throws Exception {
        CommandLine.Serve serve = (CommandLine.Serve) CommandLine.parse("a.B:app", "--forwarded-allow-ips",
                "10.0.0.0/8, fd00::5", "--proxy-fix", "for=1");
        Application app = serve.proxyFix().orElseThrow().wrap((environ, startResponse) -> {
            startResponse.start("204 No Content", List.of());
            return List.of();
        });
        for (String peer : List.of("10.9.8.7", "fd00::5", "127.0.0.1")) {
            Object client = TestClient.of(app).request("GET", "/").remoteAddr(peer)
                    .header("X-Forwarded-For", "203.0.113.9").send().environ().get(Environ.REMOTE_ADDR);
            assertEquals(peer.equals("127.0.0.1") ? peer : "203.0.113.9", client, peer);
        }
        assertInstanceOf(CommandLine.Serve.class,
                CommandLine.parse("a.B:app", "--proxy-fix", "for=1", "--forwarded-allow-ips=*"));
    }

    @Test
    void forwardedAllowIpsRefusesHostNamesBadNetworksAndBeingGivenWithoutProxyFix() {
        assertEquals("--forwarded-allow-ips: \"proxy.local\" is not an IP address or CIDR network; give addresses like"
                + " 10.0.0.5 or networks like 10.0.0.0/8, or * for every peer",
                failure("a.B:app", "--proxy-fix", "for=1", "--forwarded-allow-ips", "10.0.0.1,proxy.local"));
        assertEquals("--forwarded-allow-ips: \"10.0.0.0/33\" has a bad prefix length; an IPv4 network takes /0 to /32,"
                + " like 10.0.0.0/8", failure("a.B:app", "--proxy-fix", "for=1", "--forwarded-allow-ips=10.0.0.0/33"));
        assertEquals("--forwarded-allow-ips: an empty entry is not an IP address or CIDR network; give addresses like"
                + " 10.0.0.5 or networks like 10.0.0.0/8, or * for every peer",
                failure("a.B:app", "--proxy-fix", "for=1", "--forwarded-allow-ips", "10.0.0.1,"));
        assertEquals("--forwarded-allow-ips names the proxies whose headers --proxy-fix believes, but --proxy-fix is"
                + " not given: add --proxy-fix for=1,proto=1 (or the headers your proxy sets), or leave"
                + " --forwarded-allow-ips out", failure("a.B:app", "--forwarded-allow-ips", "10.0.0.1"));
        assertEquals("--forwarded-allow-ips needs a value: 10.0.0.5,10.1.0.0/16,fd00::/8 or *",
                failure("a.B:app", "--proxy-fix", "for=1", "--forwarded-allow-ips"));
        assertTrue(CommandLine.usage().contains("  --forwarded-allow-ips LIST      with --proxy-fix: the proxies whose"
                + " headers are believed"));
        assertTrue(CommandLine.usage().contains("(default: 127.0.0.1,::1)"));
    }
}
