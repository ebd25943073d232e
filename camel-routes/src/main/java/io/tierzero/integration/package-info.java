/**
 * TierZero's canonical integration model and the ports between it and the outside: tickets, comments and
 * configuration items as TierZero understands them, whatever tool they live in. Nothing here imports Camel:
 * the connectors in the sub-packages (one per tool) are Camel routes that translate to and from these types,
 * and the application's sync domain works on these types only.
 */
package io.tierzero.integration;
