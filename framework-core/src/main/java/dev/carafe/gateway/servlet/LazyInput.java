package dev.carafe.gateway.servlet;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;

/**
 * The request body, fetched from the request only on the first read: containers that answer
 * {@code Expect: 100-continue} when {@code getInputStream()} is called (Jetty) then send it only
 * if the application reads the body.
 */
final class LazyInput extends InputStream {

    private final HttpServletRequest request;
    private InputStream body;

    LazyInput(HttpServletRequest request) {
        this.request = request;
    }

    private InputStream body() throws IOException {
        if (body == null) {
            body = request.getInputStream();
        }
        return body;
    }

    @Override
    public int read() throws IOException {
        return body().read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        return body().read(b, off, len);
    }

    @Override
    public long skip(long n) throws IOException {
        return body().skip(n);
    }

    @Override
    public int available() throws IOException {
        return body == null ? 0 : body.available();
    }
}
