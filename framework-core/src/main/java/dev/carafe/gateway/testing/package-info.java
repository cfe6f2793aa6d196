/**
 * The test client: calls any gateway application in-process, as a server would, with the
 * validator checking both sides of the contract.
 *
 * <pre>{@code
 * TestClient client = TestClient.of(app);
 * TestResponse response = client.get("/hello");
 * assertEquals(200, response.status());
 * assertEquals("Hello, World!", response.text());
 * }</pre>
 *
 * <p>{@link dev.carafe.gateway.testing.TestClient} builds requests
 * ({@link dev.carafe.gateway.testing.TestRequest}: headers, query, forms, JSON, multipart files),
 * keeps cookies ({@link dev.carafe.gateway.testing.CookieJar}), follows redirects when asked, and
 * returns a {@link dev.carafe.gateway.testing.TestResponse}. See {@code docs/testing.md}.
 */
package dev.carafe.gateway.testing;
