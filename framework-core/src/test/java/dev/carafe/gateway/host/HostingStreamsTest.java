package dev.carafe.gateway.host;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostingStreamsTest {

    @Test
    void errorsWriterHandsOverEachLineWithoutItsTerminator() {
        List<String> lines = new ArrayList<>();
        PrintWriter errors = Hosting.errors(lines::add);
        errors.print("first\nsecond\r\nthird");
        errors.println(" part");
        errors.print("unterminated");
        assertEquals(List.of("first", "second", "third part"), lines);
        errors.flush();
        assertEquals(List.of("first", "second", "third part", "unterminated"), lines);
    }

    @Test
    void errorsWriterDoesNotThrowWhenItsSinkDoes() {
        PrintWriter errors = Hosting.errors(line -> {
            throw new IllegalStateException("sink is broken");
        });
        errors.println("still fine");
        assertEquals(false, errors.checkError());
    }

    @Test
    void closingTheInputDoesNotCloseTheHostsStream() throws Exception {
        boolean[] closed = {false};
        InputStream body = new ByteArrayInputStream(new byte[] {1, 2, 3}) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        InputStream input = Hosting.input(body);
        assertEquals(1, input.read());
        input.close();
        assertArrayEquals(new byte[] {2, 3}, input.readAllBytes());
        assertEquals(false, closed[0]);
    }
}
