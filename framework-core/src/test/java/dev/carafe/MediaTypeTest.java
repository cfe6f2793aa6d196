package dev.carafe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MediaTypeTest {

    @Test
    void typeSubtypeAndParameterNamesAreCaseInsensitive() {
        MediaType type = MediaType.parse("Text/HTML; Charset=UTF-8; Level=1");
        assertEquals("text", type.type());
        assertEquals("html", type.subtype());
        assertEquals("text/html", type.essence());
        assertEquals(Optional.of("UTF-8"), type.parameter("CHARSET"));
        assertEquals(Optional.of("1"), type.parameter("level"));
        assertEquals(Optional.empty(), type.parameter("q"));
        assertEquals(Optional.of(StandardCharsets.UTF_8), type.charset());
        assertTrue(type.is("TEXT/html"));
    }

    @Test
    void quotedValuesAreUnquotedWithTheirEscapes() {
        MediaType type = MediaType.parse("multipart/form-data; boundary=\"a; b=\\\"c\\\"\"; x=y");
        assertEquals(Map.of("boundary", "a; b=\"c\"", "x", "y"), type.parameters());
        assertEquals(List.of("boundary", "x"), List.copyOf(type.parameters().keySet()));
        assertEquals("multipart/form-data; boundary=\"a; b=\\\"c\\\"\"; x=y", type.toString());
    }

    @Test
    void spacesEmptyParametersAndATrailingSemicolonAreTolerated() {
        MediaType type = MediaType.parse("  application/json ;; charset = utf-8 ; ");
        assertEquals("application/json; charset=utf-8", type.toString());
    }

    @Test
    void theFirstOfRepeatedParametersWins() {
        assertEquals(Optional.of("a"), MediaType.parse("text/plain; x=a; X=b").parameter("x"));
    }

    @Test
    void jsonIsApplicationJsonOrAStructuredJsonSuffix() {
        assertTrue(MediaType.parse("application/json").isJson());
        assertTrue(MediaType.parse("application/problem+json; charset=utf-8").isJson());
        assertTrue(MediaType.parse("Application/Vnd.API+JSON").isJson());
        assertFalse(MediaType.parse("text/json").isJson());
        assertFalse(MediaType.parse("application/jsonx").isJson());
    }

    @Test
    void withoutACharsetParameterThereIsNoCharset() {
        assertEquals(Optional.empty(), MediaType.parse("application/json").charset());
    }

    @Test
    void malformedTypesAreRejectedByParseAndEmptyFromTryParse() {
        for (String text : List.of("", "text", "text/", "/html", "text/html/x", "te xt/html", "text/html; charset",
                "text/html; =x", "text/html x", "text/html; a=\"unterminated")) {
            assertEquals(Optional.empty(), MediaType.tryParse(text), text);
            assertThrows(IllegalArgumentException.class, () -> MediaType.parse(text), text);
        }
    }

    @Test
    void aMalformedTypeMessageShowsTheTextAndAnExample() {
        assertEquals("malformed media type 'html'; expected type/subtype with optional parameters, for example"
                + " 'text/html; charset=utf-8'",
                assertThrows(IllegalArgumentException.class, () -> MediaType.parse("html")).getMessage());
        assertEquals("malformed media type 'text/html; charset': expected a parameter 'name=value' at offset 11 of"
                + " 'text/html; charset'",
                assertThrows(IllegalArgumentException.class, () -> MediaType.parse("text/html; charset")).getMessage());
    }
}
