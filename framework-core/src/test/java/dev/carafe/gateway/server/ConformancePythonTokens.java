package dev.carafe.gateway.server;

import dev.carafe.gateway.server.ConformancePython.Token;
import dev.carafe.gateway.server.ConformancePython.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits Python source into {@link Token}s: names, integers, str and bytes literals (their escapes
 * decoded; a bytes token's text holds one char per byte), single-char operators, and a
 * {@code NEWLINE} at the end of each logical line (none inside brackets).
 */
final class ConformancePythonTokens {

    private final String source;
    private final List<Token> tokens = new ArrayList<>();
    private int at;
    private int line = 1;
    private int depth;

    private ConformancePythonTokens(String source) {
        this.source = source;
    }

    static List<Token> tokenize(String source) {
        ConformancePythonTokens lexer = new ConformancePythonTokens(source);
        lexer.run();
        return lexer.tokens;
    }

    private void run() {
        while (at < source.length()) {
            char c = source.charAt(at);
            if (c == '\n') {
                if (depth == 0 && !tokens.isEmpty() && tokens.get(tokens.size() - 1).kind() != Kind.NEWLINE) {
                    tokens.add(new Token(Kind.NEWLINE, "\\n", line));
                }
                line++;
                at++;
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
                at++;
            } else if (c == '#') {
                while (at < source.length() && source.charAt(at) != '\n') {
                    at++;
                }
            } else if (c == '\\' && at + 1 < source.length() && source.charAt(at + 1) == '\n') {
                at += 2;
                line++;
            } else if (Character.isDigit(c)) {
                int start = at;
                while (at < source.length() && (Character.isDigit(source.charAt(at)) || source.charAt(at) == '_')) {
                    at++;
                }
                tokens.add(new Token(Kind.NUMBER, source.substring(start, at).replace("_", ""), line));
            } else if (Character.isLetter(c) || c == '_') {
                word();
            } else if (c == '"' || c == '\'') {
                string(false, false);
            } else if ("{}[](),:=.".indexOf(c) >= 0) {
                depth += "{[(".indexOf(c) >= 0 ? 1 : ")]}".indexOf(c) >= 0 ? -1 : 0;
                tokens.add(new Token(Kind.OP, String.valueOf(c), line));
                at++;
            } else {
                throw new IllegalArgumentException("Line " + line + ": unexpected character '" + c + "'.");
            }
        }
        if (tokens.isEmpty() || tokens.get(tokens.size() - 1).kind() != Kind.NEWLINE) {
            tokens.add(new Token(Kind.NEWLINE, "\\n", line));
        }
        tokens.add(new Token(Kind.END, "", line));
    }

    private void word() {
        int start = at;
        while (at < source.length() && (Character.isLetterOrDigit(source.charAt(at)) || source.charAt(at) == '_')) {
            at++;
        }
        String word = source.substring(start, at);
        boolean quoteFollows = at < source.length() && (source.charAt(at) == '"' || source.charAt(at) == '\'');
        String prefix = word.toLowerCase(java.util.Locale.ROOT);
        if (quoteFollows && List.of("b", "r", "u", "br", "rb").contains(prefix)) {
            string(prefix.contains("b"), prefix.contains("r"));
        } else {
            tokens.add(new Token(Kind.NAME, word, line));
        }
    }

    private void string(boolean bytes, boolean raw) {
        int startLine = line;
        char quote = source.charAt(at);
        boolean triple = source.startsWith(String.valueOf(quote).repeat(3), at);
        at += triple ? 3 : 1;
        StringBuilder value = new StringBuilder();
        while (true) {
            if (at >= source.length()) {
                throw new IllegalArgumentException("Line " + startLine + ": string literal is not closed.");
            }
            char c = source.charAt(at);
            if (c == quote && (!triple || source.startsWith(String.valueOf(quote).repeat(3), at))) {
                at += triple ? 3 : 1;
                break;
            }
            if (c == '\n') {
                if (!triple) {
                    throw new IllegalArgumentException("Line " + line + ": newline inside a one-line string.");
                }
                line++;
            }
            if (c == '\\' && !raw) {
                at = escape(value, bytes);
                continue;
            }
            if (bytes && c > 0x7f) {
                throw new IllegalArgumentException("Line " + line + ": bytes literal holds non-ASCII '" + c + "'.");
            }
            value.append(c);
            at++;
        }
        tokens.add(new Token(bytes ? Kind.BYTES : Kind.STRING, value.toString(), startLine));
    }

    /** Decodes the escape at {@code at} into {@code value} and returns the index after it. */
    private int escape(StringBuilder value, boolean bytes) {
        char e = source.charAt(at + 1);
        switch (e) {
            case '\n' -> line++;
            case '\\', '\'', '"' -> value.append(e);
            case 'n' -> value.append('\n');
            case 'r' -> value.append('\r');
            case 't' -> value.append('\t');
            case 'f' -> value.append('\f');
            case 'a' -> value.append('\u0007');
            case '0' -> value.append('\0');
            case 'x' -> {
                value.append((char) Integer.parseInt(source.substring(at + 2, at + 4), 16));
                return at + 4;
            }
            case 'u' -> {
                if (bytes) {
                    value.append("\\u");
                    return at + 2;
                }
                value.append((char) Integer.parseInt(source.substring(at + 2, at + 6), 16));
                return at + 6;
            }
            default -> value.append('\\').append(e);
        }
        return at + 2;
    }
}
