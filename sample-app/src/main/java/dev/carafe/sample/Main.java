package dev.carafe.sample;

/**
 * Runs the sample app's command line: {@code java -jar sample-app/target/sample-app.jar run
 * [--host H] [--port P] [--debug]} serves it on the gateway server (127.0.0.1:5000 by default)
 * until SIGTERM or Ctrl-C; {@code routes} lists its routes; {@code help} lists the commands.
 */
public final class Main {

    private Main() {
    }

    /**
     * Entry point: {@code app.cli(args)}, exiting with its status when it is not 0.
     *
     * @param args the command and its options
     */
    public static void main(String[] args) {
        int status = SampleApp.create().cli(args);
        if (status != 0) {
            System.exit(status);
        }
    }
}
