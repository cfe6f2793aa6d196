package dev.carafe.benchmarks.templates;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A row of TechEmpower's fortunes test.
 *
 * @param id the row's id
 * @param message the fortune, printed HTML-escaped
 */
public record Fortune(int id, String message) {

    /** The twelve rows of TechEmpower's fortune table. */
    static final List<Fortune> TABLE = List.of(
            new Fortune(1, "fortune: No such file or directory"),
            new Fortune(2, "A computer scientist is someone who fixes things that aren't broken."),
            new Fortune(3, "After enough decimal places, nobody gives a damn."),
            new Fortune(4, "A bad random number generator: 1, 1, 1, 1, 1, 4.33e+67, 1, 1, 1"),
            new Fortune(5, "A computer program does what you tell it to do, not what you want it to do."),
            new Fortune(6, "Emacs is a nice operating system, but I prefer UNIX. — Tom Christaensen"),
            new Fortune(7, "Any program that runs right is obsolete."),
            new Fortune(8, "A list is only as strong as its weakest link. — Donald Knuth"),
            new Fortune(9, "Feature: A bug with seniority."),
            new Fortune(10, "Computers make very fast, very accurate mistakes."),
            new Fortune(11, "<script>alert(\"This should not be displayed in a browser alert box.\");</script>"),
            new Fortune(12, "フレームワークのベンチマーク"));

    /** What a fortunes request shows: the table, one row added at request time, sorted by message. */
    static List<Fortune> forRequest() {
        List<Fortune> fortunes = new ArrayList<>(TABLE.size() + 1);
        fortunes.addAll(TABLE);
        fortunes.add(new Fortune(0, "Additional fortune added at request time."));
        fortunes.sort(Comparator.comparing(Fortune::message));
        return fortunes;
    }
}
