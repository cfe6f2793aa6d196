package dev.carafe.gateway.middleware;

import java.util.ArrayList;
import java.util.List;

/** Entity-tag lists as in {@code If-None-Match} (RFC 9110 §8.8.3): {@code "a", W/"b"}. */
final class EntityTags {

    private EntityTags() {
    }

    /**
     * The entity tags of a list, each with its {@code W/} prefix and quotes; parsing stops at the
     * first malformed member, keeping the tags before it.
     */
    static List<String> parse(String list) {
        List<String> tags = new ArrayList<>();
        int at = 0;
        while (at < list.length()) {
            char c = list.charAt(at);
            if (c == ' ' || c == '\t' || c == ',') {
                at++;
                continue;
            }
            int start = at;
            if (list.startsWith("W/", at)) {
                at += 2;
            }
            if (at >= list.length() || list.charAt(at) != '"') {
                break;
            }
            int close = list.indexOf('"', at + 1);
            if (close < 0) {
                break;
            }
            tags.add(list.substring(start, close + 1));
            at = close + 1;
        }
        return tags;
    }

    /** The tag without a weakness prefix, for the weak comparison. */
    static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
