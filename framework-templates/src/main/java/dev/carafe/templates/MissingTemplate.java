package dev.carafe.templates;

/**
 * Why the loader found no template: carried inside Pebble's loader exception so that
 * {@link TemplateErrors} can name the missing template and the folders searched, also when the
 * missing one was extended or included by another.
 */
final class MissingTemplate extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The name that was looked up. */
    private final String name;

    MissingTemplate(String name, String reason) {
        super(reason, null, false, false);
        this.name = name;
    }

    /** @return the name that was looked up */
    String name() {
        return name;
    }
}
