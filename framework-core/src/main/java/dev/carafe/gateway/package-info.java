/**
 * The gateway: the contract between Java web servers and Java web applications, as WSGI
 * (PEP 3333) is for Python.
 *
 * <p>An {@link dev.carafe.gateway.Application} takes an environ map and a
 * {@link dev.carafe.gateway.StartResponse} callback and returns its body as an
 * {@code Iterable<byte[]>}. Any server that speaks this contract can host any application, and
 * any {@link dev.carafe.gateway.Middleware} can wrap any application. An application that also
 * implements {@link dev.carafe.gateway.Lifespan} is told when a server starts and stops serving it.
 *
 * <pre>{@code
 * Application hello = (environ, startResponse) -> {
 *     startResponse.start("200 OK", List.of(new Header("Content-Type", "text/plain; charset=utf-8")));
 *     return List.of("Hello, World!".getBytes(StandardCharsets.UTF_8));
 * };
 * }</pre>
 *
 * <p>This package imports nothing but the JDK; the framework ({@code dev.carafe}) is one
 * application built on it. The specification is {@code docs/gateway.md}.
 */
package dev.carafe.gateway;
