package dev.carafe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.carafe.gateway.testing.TestResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuthorizationTest {

    private static String basic(String pair, Charset charset) {
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(charset));
    }

    @Test
    void basicCredentialsAreDecodedAsUtf8AndSplitAtTheFirstColon() {
        assertEquals(Optional.of(new Authorization.Basic("Basic", "zoë", "p:ss")),
                AuthorizationHeader.parse(basic("zoë:p:ss", StandardCharsets.UTF_8)));
        assertEquals(Optional.of(new Authorization.Basic("basic", "zoë", "x")),
                AuthorizationHeader.parse(basic("zoë:x", StandardCharsets.ISO_8859_1).replace("Basic", "basic")),
                "not UTF-8: read as ISO-8859-1, as older clients send it; the scheme in any case");
    }

    @Test
    void bearerAndOtherSchemesAreKeptAsTheyCame() {
        assertEquals(Optional.of(new Authorization.Bearer("Bearer", "abc.def")),
                AuthorizationHeader.parse("Bearer abc.def"));
        assertEquals(Optional.of(new Authorization.Other("Digest", "username=\"a\", realm=\"b\"")),
                AuthorizationHeader.parse("Digest username=\"a\", realm=\"b\""));
    }

    @Test
    void malformedCredentialsCountAsNone() {
        for (String header : List.of("", "Basic", "Basic !!!", basic("no colon", StandardCharsets.UTF_8), "Bearer",
                "Bearer a b")) {
            assertEquals(Optional.empty(), AuthorizationHeader.parse(header), header);
        }
    }

    @Test
    void secretsStayOutOfToString() {
        assertEquals("Basic[username=ada, password=***]", new Authorization.Basic("Basic", "ada", "s3cret").toString());
        assertEquals("Bearer[token=***]", new Authorization.Bearer("Bearer", "t0ken").toString());
    }

    @Test
    void aHandlerReadsTheCredentialsFromTheRequest() {
        App app = new App();
        // tag::authorization[]
        app.get("/reports", request -> {
            if (request.authorization().orElse(null) instanceof Authorization.Basic basic
                    && basic.username().equals("ada") && basic.password().equals("lovelace")) {
                return "reports for " + basic.username();
            }
            throw new HttpError.Unauthorized("Log in to see the reports.", "Basic realm=\"reports\"");
        });
        // end::authorization[]
        AppTestClient client = app.testClient();

        TestResponse anonymous = client.get("/reports");
        TestResponse known = client.request("GET", "/reports")
                .header("Authorization", basic("ada:lovelace", StandardCharsets.UTF_8)).send();

        assertEquals(401, anonymous.status());
        assertEquals(Optional.of("Basic realm=\"reports\""), anonymous.header("WWW-Authenticate"));
        assertEquals("reports for ada", known.text());
    }
}
