package dev.carafe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MultiMapTest {

    @Test
    void firstAndGetReturnTheFirstValueAndAllReturnsEveryValueInOrder() {
        MultiMap map = MultiMap.of("tag", "java", "page", "2", "tag", "web");
        assertEquals(Optional.of("java"), map.first("tag"));
        assertEquals("2", map.get("page"));
        assertEquals(List.of("java", "web"), map.all("tag"));
        assertEquals(List.of(), map.all("missing"));
        assertEquals(Optional.empty(), map.first("missing"));
    }

    @Test
    void namesKeepTheOrderOfTheirFirstOccurrence() {
        MultiMap map = MultiMap.of("b", "1", "a", "2", "b", "3");
        assertEquals(List.of("b", "a"), List.copyOf(map.names()));
        assertEquals(Map.of("b", List.of("1", "3"), "a", List.of("2")), map.asMap());
        assertEquals(2, map.size());
        assertTrue(map.contains("a"));
        assertFalse(map.contains("c"));
        assertEquals("map{b=[1, 3], a=[2]}", map.toString());
    }

    @Test
    void aMissingKeyNamesTheKeyThePresentKeysAndTheWayOut() {
        MultiMap form = MultiMap.builder("form").add("body", "text").build();
        MultiMap.MissingKey e = assertThrows(MultiMap.MissingKey.class, () -> form.get("title"));
        assertEquals("Missing key 'title' in the form; the request had keys [body]. Send the field, or use"
                + " first(\"title\") to make it optional.", e.getMessage());
        assertEquals("title", e.key());
        assertTrue(e instanceof NoSuchElementException);
    }

    @Test
    void theMissingKeyMessageFollowsTheSource() {
        assertEquals("Missing key 'sid' in the cookies; the request had no keys. Send the cookie, or use"
                + " first(\"sid\") to make it optional.",
                assertThrows(MultiMap.MissingKey.class, () -> MultiMap.empty("cookies").get("sid")).getMessage());
        assertEquals("Missing key 'x' in the map; the request had no keys. Send the key, or use first(\"x\") to make"
                + " it optional.", assertThrows(MultiMap.MissingKey.class, () -> MultiMap.empty().get("x")).getMessage());
    }

    @Test
    void theMapCannotBeChanged() {
        MultiMap map = MultiMap.of("a", "1");
        assertThrows(UnsupportedOperationException.class, () -> map.asMap().put("b", List.of("2")));
        assertThrows(UnsupportedOperationException.class, () -> map.all("a").add("2"));
        assertThrows(UnsupportedOperationException.class, () -> map.names().remove("a"));
    }

    @Test
    void aBuilderKeepsWorkingAfterBuildWithoutChangingWhatItBuilt() {
        MultiMap.Builder builder = MultiMap.builder().add("a", "1");
        MultiMap first = builder.build();
        builder.add("a", "2");
        assertEquals(List.of("1"), first.all("a"));
        assertEquals(List.of("1", "2"), builder.build().all("a"));
    }

    @Test
    void equalityComparesNamesAndValuesInOrder() {
        assertEquals(MultiMap.of("a", "1", "b", "2"), MultiMap.builder("form").add("a", "1").add("b", "2").build());
        assertEquals(MultiMap.of("a", "1").hashCode(), MultiMap.builder("query").add("a", "1").build().hashCode());
        assertNotEquals(MultiMap.of("a", "1", "b", "2"), MultiMap.of("b", "2", "a", "1"));
        assertNotEquals(MultiMap.of("a", "1", "a", "2"), MultiMap.of("a", "2", "a", "1"));
    }

    @Test
    void anOddNumberOfStringsIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MultiMap.of("a", "1", "b"));
        assertEquals("MultiMap.of takes name/value pairs, but got 3 strings; the last name has no value: 'b'",
                e.getMessage());
    }

    @Test
    void nullNamesAndValuesAreRejected() {
        assertThrows(NullPointerException.class, () -> MultiMap.builder().add(null, "1"));
        NullPointerException e = assertThrows(NullPointerException.class, () -> MultiMap.builder().add("a", null));
        assertEquals("value of 'a'", e.getMessage());
    }
}
