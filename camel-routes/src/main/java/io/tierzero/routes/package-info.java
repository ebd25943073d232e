/**
 * Apache Camel routes between TierZero's canonical tickets and the outside: Request Tracker, ServiceNow, Jira
 * Service Management, CMDBs, email, chat and monitoring alerts. The module is on the application's classpath,
 * so Camel's Spring Boot starter runs every {@code RouteBuilder} bean placed here. The integration issue adds
 * the routes; until then the Camel context starts with none.
 */
package io.tierzero.routes;
