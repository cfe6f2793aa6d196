package dev.carafe.gateway.server;

/**
 * A command-line mistake the user must fix: a bad flag or value, or an application that cannot be
 * loaded. {@link Main} prints the message and exits with status {@link Main#USAGE_ERROR}.
 */
final class CommandLineException extends Exception {

    private static final long serialVersionUID = 1L;

    CommandLineException(String message) {
        super(message, null, false, false);
    }
}
