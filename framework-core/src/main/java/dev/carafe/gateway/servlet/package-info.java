/**
 * Hosting a gateway application in a Jakarta Servlet 6 container such as Jetty 12 or Tomcat 11.
 *
 * <pre>{@code
 * ServletContextHandler context = new ServletContextHandler("/shop");
 * context.addServlet(new ServletHolder(new GatewayServlet(app)), "/*");
 * }</pre>
 *
 * <p>or, in {@code web.xml}, a {@link dev.carafe.gateway.servlet.GatewayServlet} with the init
 * parameter {@code application} set to {@code com.example.Main:APP}.
 */
package dev.carafe.gateway.servlet;
