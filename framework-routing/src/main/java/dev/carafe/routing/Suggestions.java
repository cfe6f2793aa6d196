package dev.carafe.routing;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean ...?": the closest name by edit distance, also comparing the part after the last dot. */
final class Suggestions {

    private Suggestions() {
    }

    /** {@code " (did you mean 'int'?)"}, or {@code ""} when nothing is close. */
    static String didYouMean(String wrong, Collection<String> known) {
        String best = closest(wrong, known);
        return best == null ? "" : " (did you mean '" + best + "'?)";
    }

    /** The closest known name, or null when none is within a third of the name's length (at least 2 edits). */
    static String closest(String wrong, Collection<String> known) {
        String best = null;
        int bestScore = Integer.MAX_VALUE;
        for (String candidate : known) {
            int score = score(wrong, candidate);
            if (score < bestScore || score == bestScore && candidate.compareTo(best) < 0) {
                best = candidate;
                bestScore = score;
            }
        }
        return bestScore <= Math.max(2, wrong.length() / 3) ? best : null;
    }

    private static int score(String a, String b) {
        String x = a.toLowerCase(Locale.ROOT);
        String y = b.toLowerCase(Locale.ROOT);
        int score = distance(x, y);
        score = Math.min(score, distance(lastPart(x), lastPart(y)) + 1);
        if (Math.min(x.length(), y.length()) >= 3 && (x.startsWith(y) || y.startsWith(x))) {
            score = Math.min(score, (Math.abs(x.length() - y.length()) + 1) / 2);
        }
        return score;
    }

    private static String lastPart(String name) {
        return name.substring(name.lastIndexOf('.') + 1);
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
