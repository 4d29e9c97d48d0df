package uk.org.throughthegate.standards;

/**
 * Moving to adult services, as a consortium set it in {@code consortium-standards.dmn}: the
 * transition plan some working days after the child turns 17 years 6 months, and the handover to
 * adult Probation some working days before the 18th birthday.
 */
public record TransitionStandards(int transitionPlanWorkingDays, int probationHandoverWorkingDays) {
}
