package io.tierzero.reports;

import java.time.Instant;

/**
 * What TierZero saves a tenant per month, from the ROI model's variables: the measured ones come from the period
 * [from, to), the others are the tenant's {@link RoiInputs}. Amounts are in {@code currency}.
 */
public record RoiReport(String tenantId, Instant from, Instant to, String currency, Variables variables,
        Savings savings) {

    public static final String MEASURED = "measured";
    public static final String INPUT = "input";

    /** A variable's value and whether it was measured in the period or is an input. */
    public record Figure(double value, String source) {

        static Figure measured(double value) {
            return new Figure(value, MEASURED);
        }

        static Figure input(double value) {
            return new Figure(value, INPUT);
        }
    }

    /**
     * monthlyVolume: tickets created in the period scaled to an average month; automationRate and escalationRate:
     * as in the KPI report; handlingMinutes: the mean measured engineer handling per ticket when agents completed
     * tasks in the period, else the input.
     */
    public record Variables(Figure monthlyVolume, Figure automationRate, Figure escalationRate,
            Figure handlingMinutes, Figure hourlyCost, Figure costPerAutomatedTicket) {
    }

    /**
     * Without TierZero every ticket takes an engineer's handling time; with it only the tickets not automated do,
     * and the automated ones cost {@code costPerAutomatedTicket} each.
     */
    public record Savings(double engineerHoursSavedPerMonth, double costSavedPerMonth,
            double monthlyCostWithoutTierZero, double monthlyCostWithTierZero) {
    }
}
