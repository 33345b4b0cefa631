"""Business-day calendar and the two SLA clocks."""

from wishdesk.domain.sla.calendar import BusinessCalendar
from wishdesk.domain.sla.clocks import NO_CLOCK, Clocks, awaiting_since, ticket_clocks

__all__ = ["NO_CLOCK", "BusinessCalendar", "Clocks", "awaiting_since", "ticket_clocks"]
