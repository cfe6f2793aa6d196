package dev.carafe.gateway.testing;

/** Rethrows any throwable unchanged, checked or not, as a server rethrows excInfo. */
final class Sneaky {

    private Sneaky() {
    }

    @SuppressWarnings("unchecked")
    static <T extends Throwable> RuntimeException rethrow(Throwable t) throws T {
        throw (T) t;
    }
}
