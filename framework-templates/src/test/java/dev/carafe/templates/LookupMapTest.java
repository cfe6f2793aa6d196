package dev.carafe.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carafe.Config;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The read-only map templates see for the config and the session: lookups go to the source, changes are refused. */
class LookupMapTest {

    private final Map<String, Object> config = RenderVariables.configView(new Config().put("SITE", "Flaskr"));

    @Test
    void itReadsLikeAMapOfTheSourcesKeys() {
        Map<String, Object> expected = new LinkedHashMap<>(new Config().put("SITE", "Flaskr").asMap());

        assertEquals("Flaskr", config.get("SITE"));
        assertTrue(config.containsKey("SITE"));
        assertFalse(config.containsKey(7));
        assertEquals(null, config.get(7));
        assertEquals(expected, config);
        assertEquals(expected.hashCode(), config.hashCode());
        assertEquals(expected.toString(), config.toString());
        assertEquals(List.copyOf(expected.values()), List.copyOf(config.values()));
        assertTrue(config.containsValue("Flaskr"));
        assertEquals(expected.size(), config.size());
        assertFalse(config.isEmpty());
    }

    @Test
    void changesAreRefusedSayingWhereToMakeThem() {
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> config.put("SITE", "other"));

        assertEquals("This template variable is read-only: change the session, g or the config in the handler, "
                + "before rendering", e.getMessage());
        assertThrows(UnsupportedOperationException.class, () -> config.remove("SITE"));
        assertThrows(UnsupportedOperationException.class, () -> config.putAll(Map.of()));
        assertThrows(UnsupportedOperationException.class, config::clear);
        assertThrows(UnsupportedOperationException.class, () -> config.keySet().clear());
    }
}
