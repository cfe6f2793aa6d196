package dev.carafe.gateway.server;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a Gunicorn request vector's {@code .py} file as data, never as code: a tokenizer and a
 * recursive-descent reader for the few Python forms those files use.
 *
 * <p>Understood: {@code from … import …} (ignored), {@code NAME = expression}, and expression
 * statements such as {@code cfg.set("limit_request_line", 8200)}. Expressions are str and bytes
 * literals (single, double, triple quotes, adjacent literals joined, the escapes
 * {@code \\ \' \" \n \r \t \0 \xHH \\uXXXX} and a backslash-newline), integers, {@code True},
 * {@code False}, {@code None}, dicts, lists, tuples, names of earlier variables,
 * {@code uri(str)}, and the str/bytes methods {@code decode}, {@code encode} and {@code replace}.
 * A str is a Java {@code String}, bytes are {@link Bytes}, an integer a {@code Long}, a list or
 * tuple a {@code List}, a dict a {@code Map} in source order; a name that is not a variable is a
 * {@link Name} and a call on it a {@link Call}.
 */
final class ConformancePython {

    /** A bytes literal's value. */
    record Bytes(byte[] value) {
        String latin1() {
            return new String(value, StandardCharsets.ISO_8859_1);
        }
    }

    /** A name that is not a variable of the file, such as an error class or {@code Config}. */
    record Name(String name) {
    }

    /** A call of a method on a {@link Name}, such as {@code cfg.set("key", value)}. */
    record Call(String receiver, String method, List<Object> arguments) {
    }

    /** The argument of {@code uri(…)}: a raw request target. */
    record Uri(String target) {
    }

    /** What a file defines: its variables, and the statements that were calls, in order. */
    record Module(Map<String, Object> variables, List<Call> calls) {
    }

    private final List<Token> tokens;
    private final Map<String, Object> variables = new LinkedHashMap<>();
    private final List<Call> calls = new ArrayList<>();
    private int next;

    private ConformancePython(String source) {
        this.tokens = ConformancePythonTokens.tokenize(source);
    }

    /**
     * Reads a whole file.
     *
     * @param source the file's text
     * @return its variables and call statements
     * @throws IllegalArgumentException naming the line of anything outside the understood subset
     */
    static Module read(String source) {
        ConformancePython reader = new ConformancePython(source);
        reader.statements();
        return new Module(reader.variables, reader.calls);
    }

    private void statements() {
        while (peek().kind() != Token.Kind.END) {
            if (accept(Token.Kind.NEWLINE)) {
                continue;
            }
            Token first = peek();
            if (first.is(Token.Kind.NAME, "from") || first.is(Token.Kind.NAME, "import")) {
                while (peek().kind() != Token.Kind.NEWLINE && peek().kind() != Token.Kind.END) {
                    next++;
                }
                continue;
            }
            if (first.kind() == Token.Kind.NAME && tokens.get(next + 1).is(Token.Kind.OP, "=")) {
                next += 2;
                variables.put(first.text(), expression());
            } else {
                Object value = expression();
                if (value instanceof Call call) {
                    calls.add(call);
                }
            }
            if (peek().kind() != Token.Kind.END) {
                expect(Token.Kind.NEWLINE, "end of statement");
            }
        }
    }

    private Object expression() {
        Object value = primary();
        while (true) {
            if (accept(Token.Kind.OP, ".")) {
                String method = expect(Token.Kind.NAME, "method name").text();
                expectOp("(");
                List<Object> arguments = sequence(")");
                value = method(value, method, arguments);
            } else if (peek().is(Token.Kind.OP, "(") && value instanceof Name name) {
                next++;
                List<Object> arguments = sequence(")");
                value = function(name.name(), arguments);
            } else {
                return value;
            }
        }
    }

    private Object primary() {
        Token token = peek();
        next++;
        switch (token.kind()) {
            case STRING:
            case BYTES:
                return literalRun(token);
            case NUMBER:
                return Long.parseLong(token.text());
            case NAME:
                return switch (token.text()) {
                    case "True" -> Boolean.TRUE;
                    case "False" -> Boolean.FALSE;
                    case "None" -> new Name("None");
                    default -> variable(token.text());
                };
            case OP:
                if (token.text().equals("[")) {
                    return sequence("]");
                }
                if (token.text().equals("(")) {
                    return sequence(")");
                }
                if (token.text().equals("{")) {
                    return dict();
                }
                break;
            default:
                break;
        }
        throw error(token, "an expression");
    }

    /** A variable's value; a name bound to nothing or to an opaque object (such as {@code Config()}) stays a name. */
    private Object variable(String name) {
        Object value = variables.get(name);
        return value == null || value instanceof Call || value instanceof Name ? new Name(name) : value;
    }

    /** Adjacent literals join, as in Python: {@code "a" "b"} is {@code "ab"}. */
    private Object literalRun(Token first) {
        StringBuilder text = new StringBuilder(first.text());
        while (peek().kind() == first.kind()) {
            text.append(tokens.get(next++).text());
        }
        return first.kind() == Token.Kind.BYTES
                ? new Bytes(text.toString().getBytes(StandardCharsets.ISO_8859_1)) : text.toString();
    }

    private List<Object> sequence(String close) {
        List<Object> items = new ArrayList<>();
        while (!accept(Token.Kind.OP, close)) {
            items.add(expression());
            if (!accept(Token.Kind.OP, ",")) {
                expectOp(close);
                break;
            }
        }
        return items;
    }

    private Map<String, Object> dict() {
        Map<String, Object> entries = new LinkedHashMap<>();
        while (!accept(Token.Kind.OP, "}")) {
            Object key = expression();
            expectOp(":");
            entries.put(String.valueOf(key), expression());
            if (!accept(Token.Kind.OP, ",")) {
                expectOp("}");
                break;
            }
        }
        return entries;
    }

    private Object function(String name, List<Object> arguments) {
        if (name.equals("uri") && arguments.size() == 1 && arguments.get(0) instanceof String target) {
            return new Uri(target);
        }
        return new Call("", name, arguments);
    }

    private static Object method(Object receiver, String method, List<Object> arguments) {
        if (receiver instanceof Name name) {
            return new Call(name.name(), method, arguments);
        }
        if (method.equals("decode") && receiver instanceof Bytes bytes) {
            return new String(bytes.value(), charset(arguments));
        }
        if (method.equals("encode") && receiver instanceof String text) {
            return new Bytes(text.getBytes(charset(arguments)));
        }
        if (method.equals("replace") && arguments.size() == 2) {
            if (receiver instanceof String text) {
                return text.replace((String) arguments.get(0), (String) arguments.get(1));
            }
            if (receiver instanceof Bytes bytes) {
                return new Bytes(bytes.latin1().replace(((Bytes) arguments.get(0)).latin1(),
                        ((Bytes) arguments.get(1)).latin1()).getBytes(StandardCharsets.ISO_8859_1));
            }
        }
        throw new IllegalArgumentException("Unsupported method ." + method + arguments + " on " + receiver
                + "; the reader knows decode, encode and replace on str and bytes.");
    }

    private static java.nio.charset.Charset charset(List<Object> arguments) {
        String name = arguments.isEmpty() ? "utf-8" : String.valueOf(arguments.get(0));
        return java.nio.charset.Charset.forName(name);
    }

    private Token peek() {
        return tokens.get(next);
    }

    private boolean accept(Token.Kind kind) {
        if (peek().kind() == kind) {
            next++;
            return true;
        }
        return false;
    }

    private boolean accept(Token.Kind kind, String text) {
        if (peek().is(kind, text)) {
            next++;
            return true;
        }
        return false;
    }

    private Token expect(Token.Kind kind, String what) {
        Token token = peek();
        if (token.kind() != kind) {
            throw error(token, what);
        }
        next++;
        return token;
    }

    private void expectOp(String text) {
        if (!accept(Token.Kind.OP, text)) {
            throw error(peek(), "'" + text + "'");
        }
    }

    private static IllegalArgumentException error(Token token, String expected) {
        return new IllegalArgumentException("Line " + token.line() + ": expected " + expected + ", found "
                + token.kind() + " '" + token.text() + "'.");
    }

    /** One token of a Python source. */
    record Token(Kind kind, String text, int line) {
        enum Kind { NAME, NUMBER, STRING, BYTES, OP, NEWLINE, END }

        boolean is(Kind k, String t) {
            return kind == k && text.equals(t);
        }
    }
}
