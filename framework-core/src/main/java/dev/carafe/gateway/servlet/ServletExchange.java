package dev.carafe.gateway.servlet;

import dev.carafe.gateway.Header;
import dev.carafe.gateway.host.HostExchange;
import dev.carafe.gateway.host.ResponseHead;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The response side of a Servlet request: status and headers are set only at commit, each chunk
 * is written and flushed. Never {@code sendError}: that would hand the response to the
 * container's error pages.
 */
final class ServletExchange implements HostExchange {

    private final HttpServletResponse response;
    private final ServletContext context;

    ServletExchange(HttpServletResponse response, ServletContext context) {
        this.response = response;
        this.context = context;
    }

    @Override
    public void commit(ResponseHead head) {
        response.setStatus(head.code());
        for (Header header : head.headers()) {
            response.addHeader(header.name(), header.value());
        }
        head.contentLength().ifPresent(response::setContentLengthLong);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        ServletOutputStream body = response.getOutputStream();
        body.write(bytes, offset, length);
        body.flush();
    }

    @Override
    public void log(String message, Throwable error) {
        context.log(message, error);
    }
}
