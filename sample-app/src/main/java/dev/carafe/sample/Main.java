package dev.carafe.sample;

/** Runs the sample app. */
public final class Main {

    private Main() {
    }

    /**
     * Entry point.
     *
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        System.out.println("The sample app needs the gateway server; it arrives with issue 3.");
    }
}
