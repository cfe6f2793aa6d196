package dev.carafe.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.carafe.MultiMap;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Jinja's truth test on the Java values templates see. */
class TruthinessTest {

    private static List<Boolean> of(Object... values) {
        List<Boolean> results = new ArrayList<>();
        for (Object value : values) {
            results.add(Truthiness.of(value));
        }
        return results;
    }

    @Test
    void emptyZeroAndAbsentValuesAreFalse() {
        assertEquals(Arrays.asList(false, false, false, false, false, false, false, false, false, false, false, false,
                false, false), of(null, false, "", new StringBuilder(), 0, 0L, 0.0, 0.0f, BigDecimal.ZERO,
                BigInteger.ZERO, List.of(), Map.of(), Optional.empty(), new int[0]));
        assertEquals(List.of(false, false, false), of(MultiMap.empty(), new SafeHtml(""), '\0'));
    }

    @Test
    void everythingElseIsTrue() {
        record Post(String title) {
        }
        assertEquals(Arrays.asList(true, true, true, true, true, true, true, true, true, true, true, true, true, true,
                true), of(true, "x", 1, -1L, 0.5, new BigDecimal("0.01"), BigInteger.TWO, List.of(0), Map.of("k", 0),
                Optional.of(0), new String[] {""}, MultiMap.of("a", "1"), new SafeHtml("<br>"), 'x', new Post("")));
    }
}
